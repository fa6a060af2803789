package org.hwsim.core.workload;

import java.util.Collections;
import java.util.List;

/**
 * The sliding window of a convolution or pooling layer over 1 to 3 spatial dimensions.
 *
 * <p>Along spatial dimension {@code i} an input of size {@code n} gives the output size (the
 * PyTorch {@code Conv2d} / {@code MaxPool2d} formula with {@code ceil_mode=False}):
 *
 * <pre>
 * out = floor((n + padBegin[i] + padEnd[i] - dilation[i] * (kernel[i] - 1) - 1) / stride[i]) + 1
 * </pre>
 *
 * <p>Worked example: ResNet's first layer, kernel 7, stride 2, padding 3 on 224 pixels gives
 * {@code floor((224 + 6 - 6 - 1) / 2) + 1 = 112}. Padding may be asymmetric ({@code padBegin !=
 * padEnd}), as in ONNX {@code pads} and Darknet's {@code maxpool} (which pads {@code size - 1} at
 * the end only).
 *
 * @param kernel window size per spatial dimension, each at least 1
 * @param stride step per spatial dimension, each at least 1
 * @param dilation spacing between kernel taps, each at least 1 (1 = dense)
 * @param padBegin implicit zero padding before the first element, each at least 0
 * @param padEnd implicit zero padding after the last element, each at least 0
 */
public record Window(
        List<Integer> kernel,
        List<Integer> stride,
        List<Integer> dilation,
        List<Integer> padBegin,
        List<Integer> padEnd) {

    /** Validates that all lists have the same length in [1, 3] and that every entry is in range. */
    public Window {
        kernel = copy("kernel", kernel);
        stride = copy("stride", stride);
        dilation = copy("dilation", dilation);
        padBegin = copy("padding", padBegin);
        padEnd = copy("padding", padEnd);
        int rank = kernel.size();
        if (rank < 1 || rank > 3) {
            throw new WorkloadFormatException(
                    "kernel must have 1 to 3 spatial dimensions: " + kernel);
        }
        sameRank("stride", stride, rank);
        sameRank("dilation", dilation, rank);
        sameRank("padding", padBegin, rank);
        sameRank("padding", padEnd, rank);
        atLeast("kernel", kernel, 1);
        atLeast("stride", stride, 1);
        atLeast("dilation", dilation, 1);
        if (padBegin.stream().anyMatch(p -> p < 0) || padEnd.stream().anyMatch(p -> p < 0)) {
            throw new WorkloadFormatException(
                    "padding must be >= 0 in every dimension: begin " + padBegin + ", end " + padEnd);
        }
    }

    /**
     * A window with the same kernel, stride and symmetric padding in every one of {@code
     * spatialRank} dimensions, and no dilation.
     */
    public static Window of(int spatialRank, int kernel, int stride, int padding) {
        if (spatialRank < 1 || spatialRank > 3) {
            throw new WorkloadFormatException("spatialRank must be in [1, 3]: " + spatialRank);
        }
        List<Integer> k = Collections.nCopies(spatialRank, kernel);
        List<Integer> s = Collections.nCopies(spatialRank, stride);
        List<Integer> d = Collections.nCopies(spatialRank, 1);
        List<Integer> p = Collections.nCopies(spatialRank, padding);
        return new Window(k, s, d, p, p);
    }

    /** A square 2D window: {@code of(2, kernel, stride, padding)}. */
    public static Window square(int kernel, int stride, int padding) {
        return of(2, kernel, stride, padding);
    }

    /** A cubic 3D window: {@code of(3, kernel, stride, padding)}. */
    public static Window cube(int kernel, int stride, int padding) {
        return of(3, kernel, stride, padding);
    }

    /** This window with the same dilation in every dimension. */
    public Window withDilation(int dilation) {
        return new Window(kernel, stride, Collections.nCopies(spatialRank(), dilation), padBegin, padEnd);
    }

    /** This window with explicit (possibly asymmetric) padding. */
    public Window withPadding(List<Integer> padBegin, List<Integer> padEnd) {
        return new Window(kernel, stride, dilation, padBegin, padEnd);
    }

    /** Number of spatial dimensions the window slides over, in [1, 3]. */
    public int spatialRank() {
        return kernel.size();
    }

    /** Product of the kernel sizes: the number of taps per output element and input channel. */
    public long kernelVolume() {
        long n = 1;
        for (int k : kernel) {
            n *= k;
        }
        return n;
    }

    /**
     * Output size along spatial dimension {@code i} for input size {@code inputSize}; may be zero
     * or negative when the (dilated) kernel does not fit, which callers report as an error.
     */
    public long outputSize(int i, int inputSize) {
        long span = (long) dilation.get(i) * (kernel.get(i) - 1) + 1;
        long padded = (long) inputSize + padBegin.get(i) + padEnd.get(i);
        if (padded < span) {
            return 0;
        }
        return (padded - span) / stride.get(i) + 1;
    }

    private static List<Integer> copy(String field, List<Integer> values) {
        if (values == null) {
            throw new WorkloadFormatException(field + " must not be null");
        }
        return List.copyOf(values);
    }

    private static void sameRank(String field, List<Integer> values, int rank) {
        if (values.size() != rank) {
            throw new WorkloadFormatException(
                    field + " must have " + rank + " entries like kernel: " + values);
        }
    }

    private static void atLeast(String field, List<Integer> values, int min) {
        for (int v : values) {
            if (v < min) {
                throw new WorkloadFormatException(
                        field + " must be >= " + min + " in every dimension: " + values);
            }
        }
    }
}
