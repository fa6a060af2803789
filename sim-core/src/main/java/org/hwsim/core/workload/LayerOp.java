package org.hwsim.core.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one layer computes: its kind and hyper-parameters, without its name or wiring (see {@link
 * LayerSpec}). Every operation infers its output shape from its input shapes and counts its
 * multiply-accumulates and parameters.
 *
 * <h2>Counting conventions</h2>
 *
 * <ul>
 *   <li><b>MACs</b> are the multiply-accumulates of the products of activations and learned
 *       weights, and nothing else: a convolution has {@code Cout * prod(outSpatial) * (Cin /
 *       groups) * prod(kernel)}, a linear layer {@code inFeatures * outFeatures}. Bias additions,
 *       batch normalisation, activations, pooling, residual additions, upsampling and
 *       concatenation count zero MACs. This is the convention of He et al. 2016 (Table 1,
 *       "FLOPs" meaning multiply-adds), Sandler et al. 2018 ("multiply-adds"), torchvision's
 *       published "GFLOPS" and Darknet's BFLOPs (which are {@code 2 * MACs} of its convolutions).
 *       Tools such as ptflops that also count batch norm and ReLU report a few percent more.
 *       Two ops multiply activations by activations and count their products as MACs too, as
 *       transformer FLOP counts do (Devlin et al. 2019; Kaplan et al. 2020): {@link MatMul}
 *       ({@code batch * M * K * N}) and nothing else; a transposed convolution counts {@code Cin *
 *       prod(inSpatial) * (Cout / groups) * prod(kernel)}, every input element times every tap.
 *   <li><b>Element operations</b> ({@link #elementOps}) are the other scalar arithmetic, per
 *       output element unless stated: bias 1; batch norm 2 (scale, shift); activations per
 *       {@link ActivationFunction#opsPerElement()}; max and average pooling one per window tap;
 *       global average pooling one per input element; add and mul {@code inputs - 1}; linear
 *       interpolation 2 per tap ({@code 2^spatialRank} taps); softmax 5 per element (max,
 *       subtract, exponential, sum, divide); layer norm 8 per element. Data movement counts 0.
 *   <li><b>Parameters</b> are the learned values, as {@code sum(p.numel() for p in
 *       model.parameters())} in PyTorch: weights, biases, and batch norm's {@code gamma} and {@code
 *       beta} (2 per channel). Batch norm's running mean and variance are buffers, not parameters.
 * </ul>
 *
 * <p>{@link #outputShape} throws {@link WorkloadFormatException} whose message starts with the
 * offending field (e.g. {@code "groups must divide the input channels (30): 4"}); {@link #macs} and
 * {@link #parameters} assume inputs that {@link #outputShape} accepted. Implementations are
 * immutable records, safe to share between threads.
 */
public sealed interface LayerOp
        permits LayerOp.Conv2d,
                LayerOp.DepthwiseConv2d,
                LayerOp.Conv3d,
                LayerOp.Linear,
                LayerOp.BatchNorm,
                LayerOp.Activation,
                LayerOp.MaxPool,
                LayerOp.AvgPool,
                LayerOp.GlobalAvgPool,
                LayerOp.Add,
                LayerOp.Concat,
                LayerOp.Upsample,
                LayerOp.PixelShuffle,
                LayerOp.Flatten,
                LayerOp.Pad,
                LayerOp.ConvTranspose,
                LayerOp.MatMul,
                LayerOp.Mul,
                LayerOp.Softmax,
                LayerOp.LayerNorm,
                LayerOp.Reshape,
                LayerOp.Transpose,
                LayerOp.Slice,
                LayerOp.Resize,
                LayerOp.Embedding {

    /** The stable type id used in JSON files, e.g. {@code "conv2d"}, {@code "relu6"}. */
    String typeId();

    /**
     * The output shape for these input shapes, in the order of {@link LayerSpec#inputs()}.
     *
     * @throws WorkloadFormatException if the number of inputs or their shapes do not fit this op
     */
    TensorShape outputShape(List<TensorShape> inputShapes);

    /** Multiply-accumulates for one sample (batch 1); see the class comment for the convention. */
    long macs(List<TensorShape> inputShapes);

    /** Learned parameters, including biases and batch norm's gamma and beta. */
    long parameters(List<TensorShape> inputShapes);

    /**
     * Scalar arithmetic operations other than MACs for one sample: bias additions, normalisation,
     * activation functions, pooling, element-wise sums and products, softmax; zero for pure data
     * movement (concat, pad, reshape, transpose, slice, pixel shuffle, flatten, nearest
     * upsampling, embedding lookup). The per-element figures are those of a straightforward
     * implementation (see the class comment); they let a latency model charge memory-bound and
     * vector-unit work instead of treating it as free.
     */
    default long elementOps(List<TensorShape> inputShapes) {
        return 0;
    }

    /**
     * True if the MACs multiply by learned weights (convolutions, linear layers), so that a weight
     * sparsity fraction applies to them; false for every other op.
     */
    default boolean hasWeights() {
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // Factories

    /** A dense ({@code groups = 1}), undilated 2D convolution with a square kernel. */
    static Conv2d conv2d(int outChannels, int kernel, int stride, int padding, boolean bias) {
        return new Conv2d(outChannels, Window.square(kernel, stride, padding), 1, bias);
    }

    /** A depthwise 2D convolution (one filter per input channel) with a square kernel. */
    static DepthwiseConv2d depthwiseConv2d(int kernel, int stride, int padding, boolean bias) {
        return new DepthwiseConv2d(1, Window.square(kernel, stride, padding), bias);
    }

    /** A dense, undilated 3D convolution with a cubic kernel. */
    static Conv3d conv3d(int outChannels, int kernel, int stride, int padding, boolean bias) {
        return new Conv3d(outChannels, Window.cube(kernel, stride, padding), 1, bias);
    }

    /** A fully connected layer; its input must be a flat feature vector of {@code inFeatures}. */
    static Linear linear(int inFeatures, int outFeatures, boolean bias) {
        return new Linear(inFeatures, outFeatures, bias);
    }

    /** Batch normalisation over the channel axis (2 parameters per channel). */
    static BatchNorm batchNorm() {
        return new BatchNorm();
    }

    /** An element-wise activation. */
    static Activation activation(ActivationFunction function) {
        return new Activation(function);
    }

    /** {@code max(x, 0)}. */
    static Activation relu() {
        return new Activation(ActivationFunction.RELU);
    }

    /** {@code min(max(x, 0), 6)}. */
    static Activation relu6() {
        return new Activation(ActivationFunction.RELU6);
    }

    /** Max pooling over a square 2D window. */
    static MaxPool maxPool2d(int kernel, int stride, int padding) {
        return new MaxPool(Window.square(kernel, stride, padding));
    }

    /** Average pooling over a square 2D window. */
    static AvgPool avgPool2d(int kernel, int stride, int padding) {
        return new AvgPool(Window.square(kernel, stride, padding));
    }

    /** Max pooling over a cubic 3D window. */
    static MaxPool maxPool3d(int kernel, int stride, int padding) {
        return new MaxPool(Window.cube(kernel, stride, padding));
    }

    /** Global average pooling to size 1 in every spatial dimension. */
    static GlobalAvgPool globalAvgPool() {
        return new GlobalAvgPool();
    }

    /** Element-wise sum of two or more inputs of the same shape. */
    static Add add() {
        return new Add();
    }

    /** Concatenation of two or more inputs along the channel axis. */
    static Concat concat() {
        return new Concat();
    }

    /** Nearest-neighbour upsampling of every spatial dimension by {@code scaleFactor}. */
    static Upsample upsampleNearest(int scaleFactor) {
        return new Upsample(scaleFactor, UpsampleMode.NEAREST);
    }

    /** Sub-pixel rearrangement {@code [C*r*r, H, W] -> [C, H*r, W*r]}. */
    static PixelShuffle pixelShuffle(int upscaleFactor) {
        return new PixelShuffle(upscaleFactor);
    }

    /** Flattens any tensor to {@code [elementCount]}. */
    static Flatten flatten() {
        return new Flatten();
    }

    /** Zero padding of every dimension, channels included. */
    static Pad pad(List<Integer> begin, List<Integer> end) {
        return new Pad(begin, end);
    }

    // ---------------------------------------------------------------------------------------------
    // Enumerations

    /** Element-wise activation functions; each has its own JSON type id. */
    enum ActivationFunction {
        RELU(1),
        RELU6(2),
        LEAKY_RELU(2),
        GELU(8),
        SIGMOID(4),
        TANH(5),
        SILU(5),
        /** {@code x * relu6(x + 3) / 6} (Howard et al. 2019, MobileNetV3). */
        HARD_SWISH(5),
        /** {@code relu6(x + 3) / 6} (Howard et al. 2019). */
        HARD_SIGMOID(4);

        private final int opsPerElement;

        ActivationFunction(int opsPerElement) {
            this.opsPerElement = opsPerElement;
        }

        /**
         * Scalar operations per element of a straightforward implementation, counting an
         * exponential or a hyperbolic tangent as one: relu 1 (max), relu6 2 (max, min), leaky relu
         * 2, sigmoid 4 (negate, exp, add, divide), tanh 5, silu 5 (sigmoid and a product), gelu 8
         * (the tanh form), hard swish 5 (add, max, min, multiply, scale), hard sigmoid 4.
         */
        public int opsPerElement() {
            return opsPerElement;
        }

        /** The JSON type id: the lower-case name, e.g. {@code "leaky_relu"}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The function whose {@link #id()} is {@code id}, if any. */
        public static Optional<ActivationFunction> fromId(String id) {
            return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
        }
    }

    /** Interpolation of {@link Upsample}; both count zero MACs. */
    enum UpsampleMode {
        /** Nearest neighbour. */
        NEAREST,
        /** Linear in every spatial dimension (bilinear in 2D, trilinear in 3D). */
        LINEAR;

        /** The JSON id: the lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode whose {@link #id()} is {@code id}, if any. */
        public static Optional<UpsampleMode> fromId(String id) {
            return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Operations

    /**
     * 2D convolution ({@code torch.nn.Conv2d}) over a {@code [C, H, W]} input.
     *
     * <p>MACs {@code = Cout * Hout * Wout * (Cin / groups) * Kh * Kw}; parameters {@code = Cout *
     * (Cin / groups) * Kh * Kw (+ Cout if bias)}. Example: ResNet's 7x7/2 stem, 3 to 64 channels at
     * 224 px, gives {@code 64 * 112 * 112 * 3 * 49 = 118,013,952} MACs and 9,408 weights.
     *
     * @param outChannels output channels, at least 1 and divisible by {@code groups}
     * @param window a 2D window
     * @param groups channel groups, at least 1 (1 = dense; {@code Cin} = depthwise)
     * @param bias whether a bias per output channel is learned
     */
    record Conv2d(int outChannels, Window window, int groups, boolean bias) implements LayerOp {
        /** Validates the fields that do not depend on the input. */
        public Conv2d {
            checkConvFields(outChannels, window, 2, groups);
        }

        /** This convolution with {@code groups} channel groups. */
        public Conv2d withGroups(int groups) {
            return new Conv2d(outChannels, window, groups, bias);
        }

        /** This convolution with the same dilation in both dimensions. */
        public Conv2d withDilation(int dilation) {
            return new Conv2d(outChannels, window.withDilation(dilation), groups, bias);
        }

        @Override
        public String typeId() {
            return "conv2d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return convOutput(typeId(), window, outChannels, groups, single(in, typeId()));
        }

        @Override
        public long macs(List<TensorShape> in) {
            return convMacs(in.get(0), outputShape(in), groups, window);
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return bias ? outputShape(in).elementCount() : 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return convParameters(in.get(0).channels(), outChannels, groups, window, bias);
        }

        @Override
        public boolean hasWeights() {
            return true;
        }
    }

    /**
     * Depthwise 2D convolution: {@code groups = Cin}, {@code Cout = Cin * depthMultiplier}, as in
     * MobileNets (Howard et al. 2017) and {@code torch.nn.Conv2d(C, C*m, k, groups=C)}.
     *
     * <p>MACs {@code = Cout * Hout * Wout * Kh * Kw}; parameters {@code = Cout * Kh * Kw (+ Cout)}.
     *
     * @param depthMultiplier output channels per input channel, at least 1
     * @param window a 2D window
     * @param bias whether a bias per output channel is learned
     */
    record DepthwiseConv2d(int depthMultiplier, Window window, boolean bias) implements LayerOp {
        /** Validates the fields that do not depend on the input. */
        public DepthwiseConv2d {
            if (depthMultiplier < 1) {
                throw new WorkloadFormatException("depthMultiplier must be >= 1: " + depthMultiplier);
            }
            checkWindowRank(window, 2);
        }

        @Override
        public String typeId() {
            return "depthwise_conv2d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            requireRank(x, 3, typeId(), "[C, H, W]");
            long out = (long) x.channels() * depthMultiplier;
            if (out > Integer.MAX_VALUE) {
                throw new WorkloadFormatException(
                        "depthMultiplier makes more than 2^31 - 1 output channels: " + depthMultiplier);
            }
            return convOutput(typeId(), window, (int) out, x.channels(), x);
        }

        @Override
        public long macs(List<TensorShape> in) {
            TensorShape out = outputShape(in);
            return Math.multiplyExact(out.elementCount(), window.kernelVolume());
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return bias ? outputShape(in).elementCount() : 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            long out = (long) in.get(0).channels() * depthMultiplier;
            return out * window.kernelVolume() + (bias ? out : 0);
        }

        @Override
        public boolean hasWeights() {
            return true;
        }
    }

    /**
     * 3D convolution ({@code torch.nn.Conv3d}) over a {@code [C, D, H, W]} input.
     *
     * <p>MACs {@code = Cout * Dout * Hout * Wout * (Cin / groups) * Kd * Kh * Kw}; parameters
     * {@code = Cout * (Cin / groups) * Kd * Kh * Kw (+ Cout)}.
     *
     * @param outChannels output channels, at least 1 and divisible by {@code groups}
     * @param window a 3D window
     * @param groups channel groups, at least 1
     * @param bias whether a bias per output channel is learned
     */
    record Conv3d(int outChannels, Window window, int groups, boolean bias) implements LayerOp {
        /** Validates the fields that do not depend on the input. */
        public Conv3d {
            checkConvFields(outChannels, window, 3, groups);
        }

        @Override
        public String typeId() {
            return "conv3d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return convOutput(typeId(), window, outChannels, groups, single(in, typeId()));
        }

        @Override
        public long macs(List<TensorShape> in) {
            return convMacs(in.get(0), outputShape(in), groups, window);
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return bias ? outputShape(in).elementCount() : 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return convParameters(in.get(0).channels(), outChannels, groups, window, bias);
        }

        @Override
        public boolean hasWeights() {
            return true;
        }
    }

    /**
     * Fully connected layer ({@code torch.nn.Linear}) on the channel (feature) axis. On a flat
     * {@code [inFeatures]} input it gives {@code [outFeatures]}; on {@code [inFeatures, L, ...]}
     * (a token sequence, channel first) it applies at every position and gives {@code
     * [outFeatures, L, ...]}, as a transformer's dense layers do. A flattened image goes through
     * {@link Flatten} first. MACs {@code = inFeatures * outFeatures * positions}; parameters
     * {@code = inFeatures * outFeatures (+ outFeatures)}.
     *
     * @param inFeatures expected input features, at least 1; checked against the actual input
     * @param outFeatures output features, at least 1
     * @param bias whether a bias per output feature is learned
     */
    record Linear(int inFeatures, int outFeatures, boolean bias) implements LayerOp {
        /** Validates both sizes. */
        public Linear {
            if (inFeatures < 1) {
                throw new WorkloadFormatException("inFeatures must be >= 1: " + inFeatures);
            }
            if (outFeatures < 1) {
                throw new WorkloadFormatException("outFeatures must be >= 1: " + outFeatures);
            }
        }

        @Override
        public String typeId() {
            return "linear";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() > 1 && x.spatialVolume() == 1) {
                throw new WorkloadFormatException(
                        "inputs of linear must be a flat [features] tensor or a [features, L] sequence"
                                + " (add a flatten layer before it): " + x);
            }
            if (x.channels() != inFeatures) {
                throw new WorkloadFormatException(
                        "inFeatures must equal the input's " + x.channels() + " features: " + inFeatures);
            }
            return x.withChannels(outFeatures);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return Math.multiplyExact((long) inFeatures * outFeatures, in.get(0).spatialVolume());
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return bias ? outputShape(in).elementCount() : 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return (long) inFeatures * outFeatures + (bias ? outFeatures : 0);
        }

        @Override
        public boolean hasWeights() {
            return true;
        }
    }

    /**
     * Batch normalisation over channels (any rank). Zero MACs (it folds into the preceding
     * convolution at inference); 2 parameters per channel ({@code gamma}, {@code beta}).
     */
    record BatchNorm() implements LayerOp {
        @Override
        public String typeId() {
            return "batch_norm";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return single(in, typeId());
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return 2 * in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 2L * in.get(0).channels();
        }
    }

    /**
     * Element-wise activation; shape unchanged, zero MACs, no parameters.
     *
     * @param function which activation; its {@link ActivationFunction#id()} is the JSON type
     */
    record Activation(ActivationFunction function) implements LayerOp {
        /** Rejects a null function. */
        public Activation {
            if (function == null) {
                throw new WorkloadFormatException("function must not be null");
            }
        }

        @Override
        public String typeId() {
            return function.id();
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return single(in, typeId());
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return function.opsPerElement() * in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Max pooling over a 2D or 3D window (JSON {@code max_pool2d} / {@code max_pool3d}); channels
     * unchanged, zero MACs (comparisons are not MACs), no parameters.
     *
     * @param window the window; its rank must match the input's spatial rank
     */
    record MaxPool(Window window) implements LayerOp {
        /** Validates the window rank. */
        public MaxPool {
            checkPoolWindow(window);
        }

        @Override
        public String typeId() {
            return "max_pool" + window.spatialRank() + "d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return poolOutput(typeId(), window, single(in, typeId()));
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return Math.multiplyExact(outputShape(in).elementCount(), window.kernelVolume());
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Average pooling over a 2D or 3D window (JSON {@code avg_pool2d} / {@code avg_pool3d});
     * channels unchanged, zero MACs (the additions are not multiply-accumulates with weights), no
     * parameters.
     *
     * @param window the window; its rank must match the input's spatial rank
     */
    record AvgPool(Window window) implements LayerOp {
        /** Validates the window rank. */
        public AvgPool {
            checkPoolWindow(window);
        }

        @Override
        public String typeId() {
            return "avg_pool" + window.spatialRank() + "d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return poolOutput(typeId(), window, single(in, typeId()));
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return Math.multiplyExact(outputShape(in).elementCount(), window.kernelVolume());
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Average over all spatial positions, keeping them as size 1: {@code [C, H, W] -> [C, 1, 1]}
     * ({@code torch.nn.AdaptiveAvgPool2d(1)}). Zero MACs, no parameters.
     */
    record GlobalAvgPool() implements LayerOp {
        @Override
        public String typeId() {
            return "global_avg_pool";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() < 2) {
                throw new WorkloadFormatException(
                        "inputs of global_avg_pool must have spatial dimensions: " + x);
            }
            List<Integer> dims = new ArrayList<>();
            dims.add(x.channels());
            for (int i = 1; i < x.rank(); i++) {
                dims.add(1);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /** Element-wise sum of two or more inputs of identical shape (residual connections). */
    record Add() implements LayerOp {
        @Override
        public String typeId() {
            return "add";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            atLeastTwo(in, typeId());
            TensorShape first = in.get(0);
            for (int i = 1; i < in.size(); i++) {
                if (!in.get(i).equals(first)) {
                    throw new WorkloadFormatException(
                            "inputs of add must all have the same shape: input 0 is "
                                    + first
                                    + ", input "
                                    + i
                                    + " is "
                                    + in.get(i));
                }
            }
            return first;
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return (in.size() - 1) * in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Concatenation along the channel axis (dimension 0) of two or more inputs whose other
     * dimensions agree (Darknet's {@code route} with several layers, {@code torch.cat(dim=1)}).
     */
    record Concat() implements LayerOp {
        @Override
        public String typeId() {
            return "concat";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            atLeastTwo(in, typeId());
            TensorShape first = in.get(0);
            long channels = 0;
            for (int i = 0; i < in.size(); i++) {
                TensorShape x = in.get(i);
                if (x.rank() != first.rank() || !x.spatialDims().equals(first.spatialDims())) {
                    throw new WorkloadFormatException(
                            "inputs of concat must agree in every dimension but channels: input 0 is "
                                    + first
                                    + ", input "
                                    + i
                                    + " is "
                                    + x);
                }
                channels += x.channels();
            }
            if (channels > Integer.MAX_VALUE) {
                throw new WorkloadFormatException("concat has more than 2^31 - 1 channels: " + channels);
            }
            return first.withChannels((int) channels);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Upsampling of every spatial dimension by an integer factor ({@code torch.nn.Upsample(
     * scale_factor=s)}, Darknet's {@code upsample}). Zero MACs (interpolation weights are not
     * learned), no parameters.
     *
     * @param scaleFactor factor per spatial dimension, at least 1
     * @param mode interpolation
     */
    record Upsample(int scaleFactor, UpsampleMode mode) implements LayerOp {
        /** Validates the factor and mode. */
        public Upsample {
            if (scaleFactor < 1) {
                throw new WorkloadFormatException("scaleFactor must be >= 1: " + scaleFactor);
            }
            if (mode == null) {
                throw new WorkloadFormatException("mode must not be null");
            }
        }

        @Override
        public String typeId() {
            return "upsample";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() < 2) {
                throw new WorkloadFormatException(
                        "inputs of upsample must have spatial dimensions: " + x);
            }
            List<Integer> dims = new ArrayList<>(x.dims());
            for (int i = 1; i < dims.size(); i++) {
                long d = (long) dims.get(i) * scaleFactor;
                if (d > Integer.MAX_VALUE) {
                    throw new WorkloadFormatException(
                            "scaleFactor makes a dimension larger than 2^31 - 1: " + scaleFactor);
                }
                dims.set(i, (int) d);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return interpolationOps(mode, outputShape(in));
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Sub-pixel convolution's rearrangement {@code [C*r*r, H, W] -> [C, H*r, W*r]} (Shi et al.
     * 2016, ESPCN; {@code torch.nn.PixelShuffle(r)}). Zero MACs, no parameters.
     *
     * @param upscaleFactor {@code r}, at least 1
     */
    record PixelShuffle(int upscaleFactor) implements LayerOp {
        /** Validates the factor. */
        public PixelShuffle {
            if (upscaleFactor < 1) {
                throw new WorkloadFormatException("upscaleFactor must be >= 1: " + upscaleFactor);
            }
        }

        @Override
        public String typeId() {
            return "pixel_shuffle";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            requireRank(x, 3, typeId(), "[C, H, W]");
            long rr = (long) upscaleFactor * upscaleFactor;
            if (x.channels() % rr != 0) {
                throw new WorkloadFormatException(
                        "upscaleFactor squared ("
                                + rr
                                + ") must divide the input channels ("
                                + x.channels()
                                + "): "
                                + upscaleFactor);
            }
            long h = (long) x.spatial(0) * upscaleFactor;
            long w = (long) x.spatial(1) * upscaleFactor;
            if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
                throw new WorkloadFormatException(
                        "upscaleFactor makes a dimension larger than 2^31 - 1: " + upscaleFactor);
            }
            return TensorShape.chw((int) (x.channels() / rr), (int) h, (int) w);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /** Flattens any tensor to {@code [elementCount]} (channel-major order, as PyTorch). */
    record Flatten() implements LayerOp {
        @Override
        public String typeId() {
            return "flatten";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.elementCount() > Integer.MAX_VALUE) {
                throw new WorkloadFormatException(
                        "inputs of flatten must have at most 2^31 - 1 elements: " + x);
            }
            return TensorShape.features((int) x.elementCount());
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Constant zero padding of every dimension, channels included (ONNX {@code Pad}; {@code
     * torch.nn.functional.pad}). Used, for example, by the parameter-free "option A" shortcut of
     * the CIFAR ResNets (He et al. 2016, Sec. 4.2), which pads the channel axis.
     *
     * @param begin elements added before each dimension, each at least 0
     * @param end elements added after each dimension, each at least 0; same length as {@code begin}
     */
    record Pad(List<Integer> begin, List<Integer> end) implements LayerOp {
        /** Validates and copies both lists. */
        public Pad {
            if (begin == null || end == null) {
                throw new WorkloadFormatException("begin and end must not be null");
            }
            begin = List.copyOf(begin);
            end = List.copyOf(end);
            if (begin.isEmpty() || begin.size() > TensorShape.MAX_RANK) {
                throw new WorkloadFormatException(
                        "begin must have 1 to " + TensorShape.MAX_RANK + " entries: " + begin);
            }
            if (end.size() != begin.size()) {
                throw new WorkloadFormatException(
                        "end must have as many entries as begin (" + begin.size() + "): " + end);
            }
            if (begin.stream().anyMatch(p -> p < 0)) {
                throw new WorkloadFormatException("begin must be >= 0 in every dimension: " + begin);
            }
            if (end.stream().anyMatch(p -> p < 0)) {
                throw new WorkloadFormatException("end must be >= 0 in every dimension: " + end);
            }
        }

        @Override
        public String typeId() {
            return "pad";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() != begin.size()) {
                throw new WorkloadFormatException(
                        "begin must have one entry per input dimension (input "
                                + x
                                + "): "
                                + begin);
            }
            List<Integer> dims = new ArrayList<>(x.rank());
            for (int i = 0; i < x.rank(); i++) {
                long d = (long) x.dims().get(i) + begin.get(i) + end.get(i);
                if (d > Integer.MAX_VALUE) {
                    throw new WorkloadFormatException(
                            "begin and end make a dimension larger than 2^31 - 1: " + begin + ", " + end);
                }
                dims.add((int) d);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Transposed convolution over a {@code [C, H, W]} or {@code [C, D, H, W]} input ({@code
     * torch.nn.ConvTranspose2d/3d}, ONNX {@code ConvTranspose}; JSON {@code conv_transpose2d} /
     * {@code conv_transpose3d}), the up-sampling path of U-Nets.
     *
     * <p>Along spatial dimension {@code i}: {@code out = (n - 1) * stride - padBegin - padEnd +
     * dilation * (kernel - 1) + outputPadding + 1}. MACs {@code = Cin * prod(inSpatial) * (Cout /
     * groups) * prod(kernel)}; parameters {@code = Cin * (Cout / groups) * prod(kernel) (+ Cout)}.
     * Example: 3D U-Net's 2x2x2/2 up-convolution from 320 to 256 channels on a 4^3 volume gives an
     * 8^3 output, {@code 320 * 64 * 256 * 8 = 41,943,040} MACs and 655,360 weights.
     *
     * @param outChannels output channels, at least 1 and divisible by {@code groups}
     * @param window kernel, stride, dilation and padding (removed from the output) of 2 or 3
     *     spatial dimensions
     * @param groups channel groups, at least 1
     * @param bias whether a bias per output channel is learned
     * @param outputPadding extra size added at the end of each spatial dimension, each in [0,
     *     max(stride, dilation)); copied
     */
    record ConvTranspose(
            int outChannels, Window window, int groups, boolean bias, List<Integer> outputPadding)
            implements LayerOp {
        /** Validates the fields that do not depend on the input. */
        public ConvTranspose {
            if (window == null) {
                throw new WorkloadFormatException("window must not be null");
            }
            if (window.spatialRank() < 2) {
                throw new WorkloadFormatException(
                        "kernel must have 2 or 3 spatial dimensions: " + window.kernel());
            }
            checkConvFields(outChannels, window, window.spatialRank(), groups);
            if (outputPadding == null) {
                throw new WorkloadFormatException("outputPadding must not be null");
            }
            outputPadding = List.copyOf(outputPadding);
            if (outputPadding.size() != window.spatialRank()) {
                throw new WorkloadFormatException(
                        "outputPadding must have " + window.spatialRank() + " entries like kernel: "
                                + outputPadding);
            }
            for (int i = 0; i < outputPadding.size(); i++) {
                int limit = Math.max(window.stride().get(i), window.dilation().get(i));
                if (outputPadding.get(i) < 0 || outputPadding.get(i) >= limit) {
                    throw new WorkloadFormatException(
                            "outputPadding must be in [0, max(stride, dilation)) in every dimension: "
                                    + outputPadding);
                }
            }
        }

        /** Without output padding. */
        public ConvTranspose(int outChannels, Window window, int groups, boolean bias) {
            this(outChannels, window, groups, bias,
                    java.util.Collections.nCopies(window == null ? 0 : window.spatialRank(), 0));
        }

        @Override
        public String typeId() {
            return "conv_transpose" + window.spatialRank() + "d";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            int rank = window.spatialRank() + 1;
            requireRank(x, rank, typeId(), rank == 3 ? "[C, H, W]" : "[C, D, H, W]");
            if (x.channels() % groups != 0) {
                throw new WorkloadFormatException(
                        "groups must divide the input channels (" + x.channels() + "): " + groups);
            }
            List<Integer> dims = new ArrayList<>(rank);
            dims.add(outChannels);
            for (int i = 0; i < window.spatialRank(); i++) {
                long out = (long) (x.spatial(i) - 1) * window.stride().get(i)
                        - window.padBegin().get(i) - window.padEnd().get(i)
                        + (long) window.dilation().get(i) * (window.kernel().get(i) - 1)
                        + outputPadding.get(i) + 1;
                if (out < 1 || out > Integer.MAX_VALUE) {
                    throw new WorkloadFormatException(
                            "padding " + window.padBegin() + "/" + window.padEnd()
                                    + " leaves no output of the " + typeId() + " input " + x + ": "
                                    + window.kernel());
                }
                dims.add((int) out);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            long perInput = Math.multiplyExact((long) (outChannels / groups), window.kernelVolume());
            return Math.multiplyExact(in.get(0).elementCount(), perInput);
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return bias ? outputShape(in).elementCount() : 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            // Cin * (Cout / groups) * prod(kernel): the convolution formula with the roles swapped.
            return convParameters(outChannels, in.get(0).channels(), groups, window, false)
                    + (bias ? outChannels : 0);
        }

        @Override
        public boolean hasWeights() {
            return true;
        }
    }

    /**
     * Matrix product of two activations over their last two dimensions, {@code [..., M, K] x [...,
     * K, N] -> [..., M, N]} ({@code torch.matmul}, ONNX {@code MatMul}), as in attention's {@code
     * Q K^T} and {@code softmax(.) V}. Both inputs have the same rank (at least 2); each leading
     * dimension is equal or 1 in one of them (broadcast). MACs {@code = prod(leading) * M * K * N};
     * no parameters.
     */
    record MatMul() implements LayerOp {
        @Override
        public String typeId() {
            return "matmul";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            if (in.size() != 2) {
                throw new WorkloadFormatException(
                        "inputs of matmul must be exactly 2 tensors: " + in.size() + " given");
            }
            TensorShape a = in.get(0);
            TensorShape b = in.get(1);
            if (a.rank() < 2 || a.rank() != b.rank()) {
                throw new WorkloadFormatException(
                        "inputs of matmul must have the same rank, at least 2: " + a + " and " + b);
            }
            int r = a.rank();
            if (!a.dims().get(r - 1).equals(b.dims().get(r - 2))) {
                throw new WorkloadFormatException(
                        "inputs of matmul must agree in K (last dimension of the first, second to last"
                                + " of the second): " + a + " and " + b);
            }
            List<Integer> dims = broadcast(a.dims().subList(0, r - 2), b.dims().subList(0, r - 2),
                    typeId(), a, b);
            dims.add(a.dims().get(r - 2));
            dims.add(b.dims().get(r - 1));
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            TensorShape out = outputShape(in);
            long k = in.get(0).dims().get(in.get(0).rank() - 1);
            return Math.multiplyExact(out.elementCount(), k);
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Element-wise product of two or more inputs of the same rank, each dimension equal or 1
     * (broadcast), e.g. squeeze-and-excitation's {@code [C, H, W] * [C, 1, 1]}. Zero MACs (no
     * learned weight), {@code inputs - 1} element operations per output element.
     */
    record Mul() implements LayerOp {
        @Override
        public String typeId() {
            return "mul";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            atLeastTwo(in, typeId());
            TensorShape first = in.get(0);
            List<Integer> dims = new ArrayList<>(first.dims());
            for (int i = 1; i < in.size(); i++) {
                TensorShape x = in.get(i);
                if (x.rank() != first.rank()) {
                    throw new WorkloadFormatException(
                            "inputs of mul must have the same rank: input 0 is " + first + ", input "
                                    + i + " is " + x);
                }
                dims = broadcast(dims, x.dims(), typeId(), first, x);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return (in.size() - 1) * outputShape(in).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Softmax along one dimension ({@code torch.softmax(x, dim)}; the batch dimension is not
     * counted, so {@code axis} 0 is the channel axis). Shape unchanged; 5 element operations per
     * element.
     *
     * @param axis the dimension normalised, at least 0 and below the input's rank
     */
    record Softmax(int axis) implements LayerOp {
        /** Rejects a negative axis (the upper bound is checked against the input). */
        public Softmax {
            if (axis < 0) {
                throw new WorkloadFormatException("axis must be >= 0: " + axis);
            }
        }

        @Override
        public String typeId() {
            return "softmax";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (axis >= x.rank()) {
                throw new WorkloadFormatException(
                        "axis must be below the input's rank " + x.rank() + " (input " + x + "): "
                                + axis);
            }
            return x;
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return 5 * in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Layer normalisation over the channel axis at every position ({@code torch.nn.LayerNorm(C)}
     * on a {@code [C, L]} token sequence in this package's channel-first layout, as in BERT). Shape
     * unchanged; 2 parameters per channel ({@code gamma}, {@code beta}); 8 element operations per
     * element.
     */
    record LayerNorm() implements LayerOp {
        @Override
        public String typeId() {
            return "layer_norm";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            return single(in, typeId());
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return 8 * in.get(0).elementCount();
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 2L * in.get(0).channels();
        }
    }

    /**
     * A new shape for the same elements in the same order ({@code torch.reshape}, ONNX {@code
     * Reshape}). At most one entry may be -1, inferred from the element count. A runtime may make
     * it a free view; it still reads and writes its bytes when it cannot.
     *
     * @param shape the output dimensions, each at least 1 or exactly one -1; 1 to {@link
     *     TensorShape#MAX_RANK} entries; copied
     */
    record Reshape(List<Integer> shape) implements LayerOp {
        /** Validates the target shape's entries. */
        public Reshape {
            if (shape == null) {
                throw new WorkloadFormatException("shape must not be null");
            }
            shape = List.copyOf(shape);
            if (shape.isEmpty() || shape.size() > TensorShape.MAX_RANK) {
                throw new WorkloadFormatException(
                        "shape must have 1 to " + TensorShape.MAX_RANK + " entries: " + shape);
            }
            long inferred = shape.stream().filter(d -> d == -1).count();
            if (inferred > 1 || shape.stream().anyMatch(d -> d < 1 && d != -1)) {
                throw new WorkloadFormatException(
                        "shape must be >= 1 in every dimension, with at most one -1: " + shape);
            }
        }

        @Override
        public String typeId() {
            return "reshape";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            long known = 1;
            int free = -1;
            for (int i = 0; i < shape.size(); i++) {
                if (shape.get(i) == -1) {
                    free = i;
                } else {
                    known = Math.multiplyExact(known, (long) shape.get(i));
                }
            }
            List<Integer> dims = new ArrayList<>(shape);
            if (free >= 0) {
                if (x.elementCount() % known != 0 || x.elementCount() / known > Integer.MAX_VALUE) {
                    throw new WorkloadFormatException(
                            "shape cannot hold the " + x.elementCount() + " elements of input " + x
                                    + ": " + shape);
                }
                dims.set(free, (int) (x.elementCount() / known));
            } else if (known != x.elementCount()) {
                throw new WorkloadFormatException(
                        "shape must hold the " + x.elementCount() + " elements of input " + x + ": "
                                + shape);
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * A permutation of the dimensions ({@code torch.permute}, ONNX {@code Transpose}): output
     * dimension {@code i} is input dimension {@code permutation[i]}. Moves every element.
     *
     * @param permutation a permutation of {@code 0 .. rank - 1}; copied
     */
    record Transpose(List<Integer> permutation) implements LayerOp {
        /** Validates that the list is a permutation. */
        public Transpose {
            if (permutation == null) {
                throw new WorkloadFormatException("permutation must not be null");
            }
            permutation = List.copyOf(permutation);
            boolean[] seen = new boolean[permutation.size()];
            for (int p : permutation) {
                if (p < 0 || p >= seen.length || seen[p]) {
                    throw new WorkloadFormatException(
                            "permutation must hold each of 0.." + (seen.length - 1) + " once: "
                                    + permutation);
                }
                seen[p] = true;
            }
            if (permutation.isEmpty()) {
                throw new WorkloadFormatException("permutation must not be empty");
            }
        }

        @Override
        public String typeId() {
            return "transpose";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() != permutation.size()) {
                throw new WorkloadFormatException(
                        "permutation must have one entry per input dimension (input " + x + "): "
                                + permutation);
            }
            List<Integer> dims = new ArrayList<>(x.rank());
            for (int p : permutation) {
                dims.add(x.dims().get(p));
            }
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * The range {@code [start, end)} of one dimension ({@code x.narrow}, ONNX {@code Slice} with
     * step 1; Darknet's {@code route ... groups=2 group_id=1} and ShuffleNetV2's channel split).
     *
     * @param axis the dimension, at least 0
     * @param start first index kept, at least 0
     * @param end one past the last index kept, above {@code start}
     */
    record Slice(int axis, int start, int end) implements LayerOp {
        /** Validates the range (the bounds are checked against the input). */
        public Slice {
            if (axis < 0) {
                throw new WorkloadFormatException("axis must be >= 0: " + axis);
            }
            if (start < 0 || end <= start) {
                throw new WorkloadFormatException(
                        "start and end must satisfy 0 <= start < end: " + start + ", " + end);
            }
        }

        @Override
        public String typeId() {
            return "slice";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (axis >= x.rank()) {
                throw new WorkloadFormatException(
                        "axis must be below the input's rank " + x.rank() + " (input " + x + "): "
                                + axis);
            }
            if (end > x.dims().get(axis)) {
                throw new WorkloadFormatException(
                        "end must be at most the input's size " + x.dims().get(axis) + " along axis "
                                + axis + ": " + end);
            }
            List<Integer> dims = new ArrayList<>(x.dims());
            dims.set(axis, end - start);
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Resampling of the spatial dimensions to given sizes ({@code torch.nn.functional.interpolate
     * (size=...)}, ONNX {@code Resize} with sizes), e.g. DeepLabv3's bilinear resize of its logits
     * to the input size. Nearest counts no element operations, linear 2 per tap.
     *
     * @param sizes output size of each spatial dimension, each at least 1; copied
     * @param mode interpolation
     */
    record Resize(List<Integer> sizes, UpsampleMode mode) implements LayerOp {
        /** Validates sizes and mode. */
        public Resize {
            if (sizes == null || mode == null) {
                throw new WorkloadFormatException("sizes and mode must not be null");
            }
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.stream().anyMatch(d -> d < 1)) {
                throw new WorkloadFormatException(
                        "sizes must hold at least one size, each >= 1: " + sizes);
            }
        }

        @Override
        public String typeId() {
            return "resize";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.spatialRank() != sizes.size()) {
                throw new WorkloadFormatException(
                        "sizes must have one entry per spatial dimension of input " + x + ": " + sizes);
            }
            List<Integer> dims = new ArrayList<>(x.rank());
            dims.add(x.channels());
            dims.addAll(sizes);
            return new TensorShape(dims);
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long elementOps(List<TensorShape> in) {
            return interpolationOps(mode, outputShape(in));
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return 0;
        }
    }

    /**
     * Embedding lookup ({@code torch.nn.Embedding}): token ids {@code [1, L]} to vectors {@code
     * [dim, L]} (channel-first, like every sequence here). {@code vocabSize * dim} parameters, of
     * which only the {@code L} rows looked up are read; no MACs, no element operations.
     *
     * @param vocabSize rows of the table, at least 1
     * @param dim vector size, at least 1
     */
    record Embedding(int vocabSize, int dim) implements LayerOp {
        /** Validates both sizes. */
        public Embedding {
            if (vocabSize < 1 || dim < 1) {
                throw new WorkloadFormatException(
                        "vocabSize and dim must be >= 1: " + vocabSize + ", " + dim);
            }
        }

        @Override
        public String typeId() {
            return "embedding";
        }

        @Override
        public TensorShape outputShape(List<TensorShape> in) {
            TensorShape x = single(in, typeId());
            if (x.rank() != 2 || x.channels() != 1) {
                throw new WorkloadFormatException(
                        "inputs of embedding must be a [1, L] tensor of token ids: " + x);
            }
            return TensorShape.of(dim, x.spatial(0));
        }

        @Override
        public long macs(List<TensorShape> in) {
            return 0;
        }

        @Override
        public long parameters(List<TensorShape> in) {
            return (long) vocabSize * dim;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Shared rules (private to the interface)

    private static TensorShape single(List<TensorShape> in, String type) {
        if (in.size() != 1) {
            throw new WorkloadFormatException(
                    "inputs of " + type + " must be exactly 1 tensor: " + in.size() + " given");
        }
        return in.get(0);
    }

    /** Broadcasts two equally long dimension lists (each pair equal, or one of them 1). */
    private static List<Integer> broadcast(
            List<Integer> a, List<Integer> b, String type, TensorShape x, TensorShape y) {
        List<Integer> dims = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            int p = a.get(i);
            int q = b.get(i);
            if (p != q && p != 1 && q != 1) {
                throw new WorkloadFormatException(
                        "inputs of " + type + " must agree in every dimension or be 1 there"
                                + " (broadcast): " + x + " and " + y);
            }
            dims.add(Math.max(p, q));
        }
        return dims;
    }

    /** Element operations of an interpolation producing {@code out}: 2 per tap when linear. */
    private static long interpolationOps(UpsampleMode mode, TensorShape out) {
        if (mode == UpsampleMode.NEAREST) {
            return 0;
        }
        return Math.multiplyExact(out.elementCount(), 2L << out.spatialRank());
    }

    private static void atLeastTwo(List<TensorShape> in, String type) {
        if (in.size() < 2) {
            throw new WorkloadFormatException(
                    "inputs of " + type + " must be at least 2 tensors: " + in.size() + " given");
        }
    }

    private static void requireRank(TensorShape x, int rank, String type, String layout) {
        if (x.rank() != rank) {
            throw new WorkloadFormatException(
                    "inputs of " + type + " must be a " + layout + " tensor: " + x);
        }
    }

    private static void checkWindowRank(Window window, int rank) {
        if (window == null) {
            throw new WorkloadFormatException("window must not be null");
        }
        if (window.spatialRank() != rank) {
            throw new WorkloadFormatException(
                    "kernel must have " + rank + " spatial dimensions: " + window.kernel());
        }
    }

    private static void checkPoolWindow(Window window) {
        if (window == null) {
            throw new WorkloadFormatException("window must not be null");
        }
        if (window.spatialRank() < 2) {
            throw new WorkloadFormatException(
                    "kernel must have 2 or 3 spatial dimensions: " + window.kernel());
        }
    }

    private static void checkConvFields(int outChannels, Window window, int rank, int groups) {
        if (outChannels < 1) {
            throw new WorkloadFormatException("outChannels must be >= 1: " + outChannels);
        }
        checkWindowRank(window, rank);
        if (groups < 1) {
            throw new WorkloadFormatException("groups must be >= 1: " + groups);
        }
        if (outChannels % groups != 0) {
            throw new WorkloadFormatException(
                    "groups must divide outChannels (" + outChannels + "): " + groups);
        }
    }

    private static TensorShape convOutput(
            String type, Window window, int outChannels, int groups, TensorShape x) {
        int rank = window.spatialRank() + 1;
        requireRank(x, rank, type, rank == 3 ? "[C, H, W]" : "[C, D, H, W]");
        if (x.channels() % groups != 0) {
            throw new WorkloadFormatException(
                    "groups must divide the input channels (" + x.channels() + "): " + groups);
        }
        return slide(type, window, x, outChannels);
    }

    private static TensorShape poolOutput(String type, Window window, TensorShape x) {
        int rank = window.spatialRank() + 1;
        requireRank(x, rank, type, rank == 3 ? "[C, H, W]" : "[C, D, H, W]");
        return slide(type, window, x, x.channels());
    }

    private static TensorShape slide(String type, Window window, TensorShape x, int channels) {
        List<Integer> dims = new ArrayList<>(x.rank());
        dims.add(channels);
        for (int i = 0; i < window.spatialRank(); i++) {
            long out = window.outputSize(i, x.spatial(i));
            if (out < 1) {
                throw new WorkloadFormatException(
                        "kernel (with dilation "
                                + window.dilation()
                                + " and padding "
                                + window.padBegin()
                                + "/"
                                + window.padEnd()
                                + ") must fit the "
                                + type
                                + " input "
                                + x
                                + ": "
                                + window.kernel());
            }
            dims.add((int) out);
        }
        return new TensorShape(dims);
    }

    private static long convMacs(TensorShape in, TensorShape out, int groups, Window window) {
        long perOutput = Math.multiplyExact((long) (in.channels() / groups), window.kernelVolume());
        return Math.multiplyExact(out.elementCount(), perOutput);
    }

    private static long convParameters(
            int inChannels, int outChannels, int groups, Window window, boolean bias) {
        long weights =
                Math.multiplyExact(
                        (long) outChannels * (inChannels / groups), window.kernelVolume());
        return weights + (bias ? outChannels : 0);
    }
}
