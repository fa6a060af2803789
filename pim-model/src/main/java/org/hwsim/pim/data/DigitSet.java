package org.hwsim.pim.data;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * A set of labelled grey-level images, stored compactly as bytes (0-255) and handed out as floats
 * in [0, 1] for training.
 *
 * @param rows   image height in pixels
 * @param cols   image width in pixels
 * @param pixels {@code count * rows * cols} grey levels, image after image, row-major
 * @param labels one class per image
 */
public record DigitSet(int rows, int cols, byte[] pixels, byte[] labels) {

    /** Validates the sizes; names the field and the value. */
    public DigitSet {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1: " + rows + " x " + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels must hold labels.length * rows * cols = "
                    + (long) labels.length * rows * cols + " values: " + pixels.length);
        }
    }

    /** Number of images. */
    public int count() {
        return labels.length;
    }

    /** Pixels per image. */
    public int features() {
        return rows * cols;
    }

    /** The class of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Image {@code i} as floats in [0, 1] (grey level / 255). */
    public float[] image(int i) {
        int n = features();
        float[] out = new float[n];
        int base = i * n;
        for (int p = 0; p < n; p++) {
            out[p] = (pixels[base + p] & 0xff) / 255f;
        }
        return out;
    }

    /** Images {@code [from, to)} as one row-major {@code (to - from) x features()} float matrix. */
    public float[] batch(int from, int to) {
        if (from < 0 || to > count() || from > to) {
            throw new IndexOutOfBoundsException("batch [" + from + ", " + to + ") of " + count() + " images");
        }
        int n = features();
        float[] out = new float[(to - from) * n];
        for (int k = 0, base = from * n; k < out.length; k++) {
            out[k] = (pixels[base + k] & 0xff) / 255f;
        }
        return out;
    }

    /** The images at {@code indices}, in that order. */
    public DigitSet subset(int[] indices) {
        int n = features();
        byte[] px = new byte[indices.length * n];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, px, k * n, n);
            lb[k] = labels[indices[k]];
        }
        return new DigitSet(rows, cols, px, lb);
    }

    /**
     * A shuffled split: the first {@code round(count * testFraction)} images of a random
     * permutation drawn from {@code rng} are the test set, the rest the training set.
     *
     * @return {@code {train, test}}
     */
    public DigitSet[] split(double testFraction, UniformRandomProvider rng) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
        }
        int[] perm = PermutationSampler.natural(count());
        PermutationSampler.shuffle(rng, perm);
        int test = (int) Math.round(count() * testFraction);
        return new DigitSet[] {subset(Arrays.copyOfRange(perm, test, perm.length)),
            subset(Arrays.copyOfRange(perm, 0, test))};
    }

    /** Number of images of each class 0..{@code classes - 1}. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (byte b : labels) {
            counts[b]++;
        }
        return counts;
    }
}
