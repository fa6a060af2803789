package org.hwsim.pim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hwsim.core.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PIM layers' forward pass at ideal settings (analog weights, ideal DAC and ADC) against plain
 * ND4J: a matmul for the dense layer, DL4J's own {@code ConvolutionLayer} for the convolution.
 * Tolerance 1e-5 relative (Frobenius norm), float rounding of the crossbar's normalised arithmetic.
 */
class PimLayerForwardTest {
    static INDArray uniform(RandomStreams s, String name, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        var r = s.stream(name);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return Nd4j.create(v, shape, 'c');
    }

    static double relErr(INDArray got, INDArray want) {
        return got.castTo(DataType.DOUBLE).sub(want.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / want.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }

    static MultiLayerNetwork single(org.deeplearning4j.nn.conf.layers.Layer layer, InputType in) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.FLOAT).trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE).list().layer(layer).setInputType(in).build());
        net.init();
        return net;
    }

    @Test
    void denseAtIdealSettingsEqualsMatmul() {
        RandomStreams s = new RandomStreams(11);
        // 300 inputs on 128-row tiles: three row blocks, partial sums added digitally
        MultiLayerNetwork net = single(new PimDense.Builder().nIn(300).nOut(40).pim(PimSettings.ideal(128, 32))
                .activation(Activation.IDENTITY).build(), InputType.feedForward(300));
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = uniform(s, "b", 1, 40);
        net.getLayer(0).setParam("b", b);
        INDArray x = uniform(s, "x", 17, 300);
        INDArray got = net.output(x, false);
        INDArray want = x.mmul(w).addRowVector(b);
        assertTrue(relErr(got, want) < 1e-5, "relative error " + relErr(got, want));
        // training mode takes the same path (programmed per step)
        assertTrue(relErr(net.output(x, true), want) < 1e-5);
    }

    @Test
    void convAtIdealSettingsEqualsDl4jConvolution() {
        RandomStreams s = new RandomStreams(12);
        InputType in = InputType.convolutional(9, 7, 3);
        MultiLayerNetwork pim = single(new PimConv.Builder().nOut(5).kernel(3).padding(1).stride(1)
                .pim(PimSettings.ideal(16, 4)).activation(Activation.IDENTITY).build(), in);
        MultiLayerNetwork ref = single(new ConvolutionLayer.Builder(3, 3).nOut(5).padding(1, 1).stride(1, 1)
                .activation(Activation.IDENTITY).build(), in);
        INDArray kernel = uniform(s, "k", 5, 3, 3, 3); // [O, C, kh, kw]
        INDArray bias = uniform(s, "bias", 1, 5);
        ref.getLayer(0).setParam("W", kernel);
        ref.getLayer(0).setParam("b", bias.reshape(ref.getLayer(0).getParam("b").shape()));
        // PimConv holds W[(c * k + ky) * k + kx][o]
        pim.getLayer(0).setParam("W", kernel.reshape('c', 5, 27).transpose().dup('c'));
        pim.getLayer(0).setParam("b", bias);
        INDArray x = uniform(s, "x", 4, 3, 9, 7);
        INDArray want = ref.output(x, false);
        INDArray got = pim.output(x, false);
        assertEquals(java.util.Arrays.toString(want.shape()), java.util.Arrays.toString(got.shape()));
        assertTrue(relErr(got, want) < 1e-5, "relative error " + relErr(got, want));
    }

    @Test
    void strideTwoConvAtIdealSettingsEqualsDl4jConvolution() {
        RandomStreams s = new RandomStreams(13);
        InputType in = InputType.convolutional(8, 8, 2);
        MultiLayerNetwork pim = single(new PimConv.Builder().nOut(3).kernel(3).padding(0).stride(2)
                .pim(PimSettings.ideal(8, 8)).activation(Activation.IDENTITY).build(), in);
        MultiLayerNetwork ref = single(new ConvolutionLayer.Builder(3, 3).nOut(3).stride(2, 2)
                .activation(Activation.IDENTITY).build(), in);
        INDArray kernel = uniform(s, "k", 3, 2, 3, 3);
        ref.getLayer(0).setParam("W", kernel);
        ref.getLayer(0).setParam("b", Nd4j.zeros(ref.getLayer(0).getParam("b").shape()).castTo(DataType.FLOAT));
        pim.getLayer(0).setParam("W", kernel.reshape('c', 3, 18).transpose().dup('c'));
        pim.getLayer(0).setParam("b", Nd4j.zeros(DataType.FLOAT, 1, 3));
        INDArray x = uniform(s, "x", 2, 2, 8, 8);
        INDArray want = ref.output(x, false);
        INDArray got = pim.output(x, false);
        assertTrue(relErr(got, want) < 1e-5, "relative error " + relErr(got, want));
    }
}
