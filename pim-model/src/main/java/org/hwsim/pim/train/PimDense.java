package org.hwsim.pim.train;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J dense layer whose product {@code x W} runs on the PIM crossbar model: parameters
 * {@code W [nIn, nOut]} and {@code b [1, nOut]} as DL4J's {@code DenseLayer}; output
 * {@code activation(eta * PIM(x, W) + b)}; backward pass by the straight-through estimator of the
 * rescaled product (see {@link PimSettings#rescale()}). Build with {@link Builder}:
 * {@code new PimDense.Builder().nIn(784).nOut(128).pim(settings).activation(Activation.IDENTITY).build()}.
 */
public class PimDense extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;
    private PimSettings pim;

    /** For DL4J's configuration cloning; use {@link Builder}. */
    public PimDense() {
    }

    private PimDense(Builder b) {
        super(b);
        if (b.pim == null) {
            throw new IllegalArgumentException("pim settings must be given for layer " + b.getLayerName());
        }
        this.pim = b.pim;
    }

    /** The layer's PIM settings. */
    public PimSettings getPim() {
        return pim;
    }

    /** Sets the PIM settings (configuration cloning). */
    public void setPim(PimSettings pim) {
        this.pim = pim;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        PimDenseLayer layer = new PimDenseLayer(conf, networkDataType,
                new PimEngine(pim, "pim/layer-" + layerIndex));
        return PimLayer.wire(layer, conf, listeners, layerIndex, paramsView, initializeParams, initializer());
    }

    @Override
    public ParamInitializer initializer() {
        return DefaultParamInitializer.getInstance();
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        return new LayerMemoryReport.Builder(layerName, PimDense.class, inputType, out)
                .standardMemory(params, 0)
                .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** Builds a {@link PimDense}; {@code nIn}, {@code nOut} and {@code pim} are required. */
    public static class Builder extends FeedForwardLayer.Builder<Builder> {
        private PimSettings pim;

        /** The PIM settings. */
        public Builder pim(PimSettings pim) {
            this.pim = pim;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PimDense build() {
            return new PimDense(this);
        }
    }
}
