package org.hwsim.pim.train;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The running layer of {@link PimDense}. */
final class PimDenseLayer extends BaseLayer<PimDense> implements PimLayer {
    private final PimEngine engine;
    private INDArray preActivation;

    PimDenseLayer(NeuralNetConfiguration conf, DataType dataType, PimEngine engine) {
        super(conf, dataType);
        this.engine = engine;
    }

    @Override
    public PimEngine engine() {
        return engine;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        if (input.rank() != 2 || input.columns() != layerConf().getNIn()) {
            throw new IllegalArgumentException("PimDense layer " + index + " input must have shape [batch, "
                    + layerConf().getNIn() + "]: " + java.util.Arrays.toString(input.shape()));
        }
        applyDropOutIfNecessary(training, mgr);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray b = getParam(DefaultParamInitializer.BIAS_KEY);
        INDArray z = engine.forward(input, w, training).castTo(dataType);
        z.addiRowVector(b);
        preActivation = z;
        INDArray a = layerConf().getActivationFn().getActivation(z.dup(), training);
        return mgr.leverageTo(ArrayType.ACTIVATIONS, a);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (preActivation == null) {
            throw new IllegalStateException("PimDense layer " + index + ": backprop before a training forward pass");
        }
        INDArray delta = layerConf().getActivationFn().backprop(preActivation.dup(), epsilon).getFirst();
        double eta = engine.lastEta();
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray x = input.castTo(dataType);
        INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        // Straight-through estimator of y = eta * x W: the PIM quantization passes gradients unchanged.
        wGrad.assign(x.transpose().mmul(delta).muli(eta));
        bGrad.assign(delta.sum(true, 0));
        INDArray epsOut = delta.mmul(w.transpose()).muli(eta);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
        g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(g, mgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsOut));
    }
}
