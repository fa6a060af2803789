package org.hwsim.pim.train;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.hwsim.pim.tiling.Im2col;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J 2-D convolution (NCHW, square kernel, equal zero padding) whose product runs on the PIM
 * crossbar model through im2col: each output pixel's receptive field is one input vector of
 * length {@code C * k * k} (channel-major, then kernel row, then column, as {@link Im2col}), and
 * the kernel is held as the {@code [C * k * k, nOut]} matrix {@code W} (parameter {@code "W"};
 * bias {@code "b" [1, nOut]}). Filter {@code o}'s weight for channel {@code c}, kernel position
 * {@code (ky, kx)} is {@code W[(c * k + ky) * k + kx][o]}. Backward pass by the straight-through
 * estimator of the rescaled product, as {@link PimDense}.
 */
public class PimConv extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;
    private PimSettings pim;
    private int kernel;
    private int stride;
    private int padding;
    private int channels;
    private int height;
    private int width;

    /** For DL4J's configuration cloning; use {@link Builder}. */
    public PimConv() {
    }

    private PimConv(Builder b) {
        super(b);
        if (b.pim == null) {
            throw new IllegalArgumentException("pim settings must be given for layer " + b.getLayerName());
        }
        if (b.kernel < 1 || b.stride < 1 || b.padding < 0) {
            throw new IllegalArgumentException("PimConv kernel and stride must be >= 1 and padding >= 0: kernel "
                    + b.kernel + ", stride " + b.stride + ", padding " + b.padding);
        }
        this.pim = b.pim;
        this.kernel = b.kernel;
        this.stride = b.stride;
        this.padding = b.padding;
    }

    /** The layer's PIM settings. */
    public PimSettings getPim() {
        return pim;
    }

    /** Sets the PIM settings (configuration cloning). */
    public void setPim(PimSettings pim) {
        this.pim = pim;
    }

    /** The convolution geometry; known once the input type is set. */
    public Im2col.Shape shape() {
        if (channels == 0) {
            throw new IllegalStateException("PimConv input type not set: give the network an input type");
        }
        return new Im2col.Shape(channels, height, width, kernel, kernel, stride, padding);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = convolutional(layerIndex, inputType);
        Im2col.Shape s = new Im2col.Shape((int) in.getChannels(), (int) in.getHeight(), (int) in.getWidth(),
                kernel, kernel, stride, padding);
        return InputType.convolutional(s.outHeight(), s.outWidth(), nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional in = convolutional(-1, inputType);
        channels = (int) in.getChannels();
        height = (int) in.getHeight();
        width = (int) in.getWidth();
        shape();
        nIn = (long) channels * kernel * kernel;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutionalFlat f) {
            return new FeedForwardToCnnPreProcessor(f.getHeight(), f.getWidth(), f.getDepth());
        }
        return null;
    }

    private InputType.InputTypeConvolutional convolutional(int layerIndex, InputType t) {
        if (t instanceof InputType.InputTypeConvolutionalFlat f) {
            return (InputType.InputTypeConvolutional) InputType.convolutional(f.getHeight(), f.getWidth(), f.getDepth());
        }
        if (!(t instanceof InputType.InputTypeConvolutional c)) {
            throw new IllegalArgumentException("PimConv layer " + layerIndex + " needs a convolutional input type: " + t);
        }
        return c;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        PimConvLayer layer = new PimConvLayer(conf, networkDataType, new PimEngine(pim, "pim/layer-" + layerIndex));
        return PimLayer.wire(layer, conf, listeners, layerIndex, paramsView, initializeParams, initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, PimConv.class, inputType, out)
                .standardMemory(initializer().numParams(this), 0)
                .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Builds a {@link PimConv}; {@code nOut} (filters), {@code kernel} and {@code pim} are required. */
    public static class Builder extends FeedForwardLayer.Builder<Builder> {
        private PimSettings pim;
        private int kernel;
        private int stride = 1;
        private int padding;

        /** The PIM settings. */
        public Builder pim(PimSettings pim) {
            this.pim = pim;
            return this;
        }

        /** Square kernel size. */
        public Builder kernel(int kernel) {
            this.kernel = kernel;
            return this;
        }

        /** Stride (default 1). */
        public Builder stride(int stride) {
            this.stride = stride;
            return this;
        }

        /** Zero padding on each side (default 0). */
        public Builder padding(int padding) {
            this.padding = padding;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PimConv build() {
            return new PimConv(this);
        }
    }
}
