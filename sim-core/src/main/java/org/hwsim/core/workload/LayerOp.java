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
        LayerOp.Pad {

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
    RELU,
    RELU6,
    LEAKY_RELU,
    GELU,
    SIGMOID,
    TANH,
    SILU;

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
    public long parameters(List<TensorShape> in) {
      return convParameters(in.get(0).channels(), outChannels, groups, window, bias);
    }

    @Override
    public boolean hasWeights() {
      return true;
    }
  }

  /**
   * Fully connected layer ({@code torch.nn.Linear}) on a flat {@code [inFeatures]} input; use
   * {@link Flatten} before it. MACs {@code = inFeatures * outFeatures}; parameters {@code =
   * inFeatures * outFeatures (+ outFeatures)}.
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
      if (x.rank() != 1) {
        throw new WorkloadFormatException(
            "inputs of linear must be a flat [features] tensor (add a flatten layer before it): "
                + x);
      }
      if (x.channels() != inFeatures) {
        throw new WorkloadFormatException(
            "inFeatures must equal the input's " + x.channels() + " features: " + inFeatures);
      }
      return TensorShape.features(outFeatures);
    }

    @Override
    public long macs(List<TensorShape> in) {
      return (long) inFeatures * outFeatures;
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

  // ---------------------------------------------------------------------------------------------
  // Shared rules (private to the interface)

  private static TensorShape single(List<TensorShape> in, String type) {
    if (in.size() != 1) {
      throw new WorkloadFormatException(
          "inputs of " + type + " must be exactly 1 tensor: " + in.size() + " given");
    }
    return in.get(0);
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
