package org.hwsim.core.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one activation tensor, without the batch dimension.
 *
 * <p>Layouts by rank: 1 = {@code [features]}, 2 = {@code [C, L]} (a sequence of {@code L}
 * positions, e.g. tokens), 3 = {@code [C, H, W]}, 4 = {@code [C, D, H, W]}; ranks 5 and 6 hold
 * what a model reshapes into, such as attention's {@code [heads, L, headDim]} blocks. Dimension 0
 * is the channel (or feature) axis; the rest are spatial. Every dimension is at least 1.
 *
 * @param dims the sizes, channel first; copied and unmodifiable
 */
public record TensorShape(List<Integer> dims) {

    /** Largest supported rank. */
    public static final int MAX_RANK = 6;

    /** Validates and copies {@code dims}. */
    public TensorShape {
        if (dims == null) {
            throw new WorkloadFormatException("shape must not be null");
        }
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.size() > MAX_RANK) {
            throw new WorkloadFormatException(
                    "shape must have between 1 and " + MAX_RANK + " dimensions: " + dims);
        }
        for (int d : dims) {
            if (d < 1) {
                throw new WorkloadFormatException("shape must be >= 1 in every dimension: " + dims);
            }
        }
        try {
            long n = 1;
            for (int d : dims) {
                n = Math.multiplyExact(n, (long) d);
            }
        } catch (ArithmeticException e) {
            throw new WorkloadFormatException("shape has more than Long.MAX_VALUE elements: " + dims);
        }
    }

    /** A shape with the given dimensions, channel first. */
    public static TensorShape of(int... dims) {
        List<Integer> list = new ArrayList<>(dims.length);
        for (int d : dims) {
            list.add(d);
        }
        return new TensorShape(list);
    }

    /** A flat feature vector {@code [features]}, the input and output of a linear layer. */
    public static TensorShape features(int features) {
        return of(features);
    }

    /** An image-like tensor {@code [channels, heightPx, widthPx]}. */
    public static TensorShape chw(int channels, int heightPx, int widthPx) {
        return of(channels, heightPx, widthPx);
    }

    /** A volume {@code [channels, depth, height, width]}, the input of a 3D convolution. */
    public static TensorShape cdhw(int channels, int depth, int height, int width) {
        return of(channels, depth, height, width);
    }

    /** Number of dimensions, in [1, {@link #MAX_RANK}]. */
    public int rank() {
        return dims.size();
    }

    /** Number of spatial dimensions: {@code rank() - 1}. */
    public int spatialRank() {
        return dims.size() - 1;
    }

    /** Size of dimension 0: channels, or features for a rank-1 tensor. */
    public int channels() {
        return dims.get(0);
    }

    /** Size of spatial dimension {@code i} (0 = the first after channels). */
    public int spatial(int i) {
        return dims.get(i + 1);
    }

    /** The spatial dimensions, without channels; empty for a rank-1 tensor. */
    public List<Integer> spatialDims() {
        return dims.subList(1, dims.size());
    }

    /** Product of the spatial dimensions; 1 for a rank-1 tensor. */
    public long spatialVolume() {
        long n = 1;
        for (int i = 1; i < dims.size(); i++) {
            n *= dims.get(i);
        }
        return n;
    }

    /** Number of elements: the product of all dimensions (cannot overflow, checked on creation). */
    public long elementCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** This shape with the channel dimension replaced. */
    public TensorShape withChannels(int channels) {
        List<Integer> copy = new ArrayList<>(dims);
        copy.set(0, channels);
        return new TensorShape(copy);
    }

    /** Formats as {@code [3, 224, 224]}. */
    @Override
    public String toString() {
        return dims.toString();
    }
}
