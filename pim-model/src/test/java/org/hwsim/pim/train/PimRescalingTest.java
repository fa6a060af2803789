package org.hwsim.pim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The straight-through estimator and the PIM-QAT rescaling (after Jin et al., arXiv 2209.08617)
 * on a 3-bit bit-serial PIM layer, checked against their closed forms:
 * {@code eta = ||x W|| / ||PIM(x, W)||}, forward {@code eta * PIM(x, W)} (so the output has the
 * norm of the exact product), backward {@code dW = eta x^T delta}, {@code dx = eta delta W^T}.
 */
class PimRescalingTest {
    private static final PimSettings THREE_BIT = PimSettings.quantized(32, 16, Decomposition.BIT_SERIAL, 4, 4, 3,
            true, 9);

    private static Layer layer(PimSettings s) {
        MultiLayerNetwork net = PimLayerForwardTest.single(new PimDense.Builder().nIn(40).nOut(12).pim(s)
                .activation(Activation.IDENTITY).build(), InputType.feedForward(40));
        net.getLayer(0).getParam("b").assign(0);
        net.initGradientsView();
        return net.getLayer(0);
    }

    private static INDArray positive(RandomStreams s, String name, long... shape) {
        return PimLayerForwardTest.uniform(s, name, shape).addi(1).divi(2); // [0, 1], as unsigned DAC inputs
    }

    @Test
    void forwardRescalingRestoresTheNormOfTheExactProduct() {
        RandomStreams s = new RandomStreams(31);
        Layer l = layer(THREE_BIT);
        INDArray x = positive(s, "x", 16, 40);
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        INDArray y = l.activate(true, LayerWorkspaceMgr.noWorkspaces());
        INDArray exact = x.mmul(l.getParam("W"));
        double eta = ((PimLayer) l).engine().lastEta();
        assertNotEquals(1.0, eta, 1e-3, "a 3-bit ADC changes the product's norm");
        assertEquals(exact.norm2Number().doubleValue(), y.norm2Number().doubleValue(),
                1e-4 * exact.norm2Number().doubleValue());
        // but not its values: PIM quantization error remains
        assertTrue(PimLayerForwardTest.relErr(y, exact) > 1e-3);
    }

    @Test
    void backwardIsTheStraightThroughEstimateScaledByEta() {
        RandomStreams s = new RandomStreams(32);
        Layer l = layer(THREE_BIT);
        INDArray x = positive(s, "x", 16, 40);
        INDArray eps = PimLayerForwardTest.uniform(s, "eps", 16, 12);
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        l.activate(true, LayerWorkspaceMgr.noWorkspaces());
        double eta = ((PimLayer) l).engine().lastEta();
        Pair<Gradient, INDArray> g = l.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        INDArray w = l.getParam("W");
        assertTrue(PimLayerForwardTest.relErr(g.getFirst().getGradientFor("W"), x.transpose().mmul(eps).muli(eta)) < 1e-5);
        assertTrue(PimLayerForwardTest.relErr(g.getSecond(), eps.mmul(w.transpose()).muli(eta)) < 1e-5);
        assertTrue(PimLayerForwardTest.relErr(g.getFirst().getGradientFor("b"), eps.sum(true, 0)) < 1e-5);
    }

    @Test
    void withoutRescalingTheGradientIsThePlainStraightThroughEstimate() {
        RandomStreams s = new RandomStreams(33);
        Layer l = layer(THREE_BIT.withRescale(false));
        INDArray x = positive(s, "x", 16, 40);
        INDArray eps = PimLayerForwardTest.uniform(s, "eps", 16, 12);
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        INDArray y = l.activate(true, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(1.0, ((PimLayer) l).engine().lastEta());
        assertTrue(PimLayerForwardTest.relErr(y, x.mmul(l.getParam("W"))) > 1e-3, "forward is quantized");
        Pair<Gradient, INDArray> g = l.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces());
        assertTrue(PimLayerForwardTest.relErr(g.getFirst().getGradientFor("W"), x.transpose().mmul(eps)) < 1e-5);
    }

    @Test
    void deployedLayerProgramsOnceAndKeepsItsCalibration() {
        RandomStreams s = new RandomStreams(34);
        Layer l = layer(THREE_BIT);
        PimEngine e = ((PimLayer) l).engine();
        INDArray calib = positive(s, "calib", 16, 40);
        l.setInput(calib, LayerWorkspaceMgr.noWorkspaces());
        l.activate(false, LayerWorkspaceMgr.noWorkspaces());
        double eta = e.lastEta();
        INDArray x = positive(s, "x", 5, 40);
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        l.activate(false, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(1, e.programs());
        assertEquals(eta, e.lastEta(), "inference reuses the factor calibrated at deployment");
        l.getParam("W").muli(0.5);
        l.activate(false, LayerWorkspaceMgr.noWorkspaces());
        assertEquals(2, e.programs(), "new weights are programmed again");
    }
}
