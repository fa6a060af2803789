package org.hwsim.pim.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generated classification data for fast tests: {@code classes} prototype images with pixels
 * uniform in [0, 1], and samples that are a prototype plus Gaussian pixel noise, clipped to
 * [0, 1] (non-negative, like grey levels, so unsigned DACs take them).
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * {@code count} samples of {@code height x width} pixels (features row-major, labels one-hot).
     *
     * @param noiseSigma pixel noise sigma; classes overlap more as it grows
     * @param prototypes stream for the class prototypes (the same stream gives the same classes)
     * @param samples stream for labels and noise
     */
    public static DataSet prototypes(int classes, int height, int width, int count, double noiseSigma,
                                     UniformRandomProvider prototypes, UniformRandomProvider samples) {
        if (classes < 2 || height < 1 || width < 1 || count < 1 || !(noiseSigma >= 0)) {
            throw new IllegalArgumentException("synthetic data needs classes >= 2, height, width, count >= 1 and "
                    + "noiseSigma >= 0: " + classes + ", " + height + ", " + width + ", " + count + ", " + noiseSigma);
        }
        int n = height * width;
        float[][] proto = new float[classes][n];
        for (float[] p : proto) {
            for (int i = 0; i < n; i++) {
                p[i] = (float) prototypes.nextDouble();
            }
        }
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(samples);
        float[] x = new float[count * n];
        float[] y = new float[count * classes];
        for (int s = 0; s < count; s++) {
            int c = samples.nextInt(classes);
            y[s * classes + c] = 1;
            for (int i = 0; i < n; i++) {
                double v = proto[c][i] + noiseSigma * g.sample();
                x[s * n + i] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {count, n}, 'c'), Nd4j.create(y, new long[] {count, classes}, 'c'));
    }
}
