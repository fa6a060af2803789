package org.hwsim.pim.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.hwsim.core.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Gradients of networks with PIM layers on the ideal path against central finite differences of
 * the network's score (times the batch size: DL4J's score is a mean, its gradient a sum). The crossbar computes in float, so the step is 5e-3 and the tolerance
 * {@code |fd - analytic| <= 2e-2 * max(|fd|, |analytic|) + 2e-4}: float rounding of a score near 1
 * divided by 2h is about 1e-5, and the loss is smooth (tanh, softmax cross-entropy), so the
 * truncation error O(h^2) is far smaller than the tolerance. A wrong transpose, a missing
 * activation derivative or a wrong col2im index gives errors of order the gradient itself.
 */
class PimGradientTest {
    private static MultiLayerNetwork net(org.deeplearning4j.nn.conf.layers.Layer pim, InputType in, int classes) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .dataType(DataType.FLOAT).trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE).list()
                .layer(pim)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(in).build());
        net.init();
        return net;
    }

    private static DataSet data(RandomStreams s, long[] shape, int classes) {
        INDArray x = PimLayerForwardTest.uniform(s, "x", shape);
        INDArray y = Nd4j.zeros(DataType.FLOAT, shape[0], classes);
        var r = s.stream("labels");
        for (int i = 0; i < shape[0]; i++) {
            y.putScalar(i, r.nextInt(classes), 1f);
        }
        return new DataSet(x, y);
    }

    /** Checks every parameter of layer 0; returns the number checked. */
    private static int check(MultiLayerNetwork net, DataSet ds) {
        net.setInput(ds.getFeatures());
        net.setLabels(ds.getLabels());
        net.computeGradientAndScore();
        INDArray grad = net.gradient().gradient().dup();
        INDArray params = net.params();
        long n0 = net.getLayer(0).numParams();
        double h = 5e-3;
        int checked = 0;
        for (int i = 0; i < n0; i++) {
            float orig = params.getFloat(i);
            params.putScalar(i, orig + h);
            net.setParams(params);
            double plus = net.score(ds, true);
            params.putScalar(i, orig - h);
            net.setParams(params);
            double minus = net.score(ds, true);
            params.putScalar(i, orig);
            net.setParams(params);
            // DL4J's score is the mean over the batch, its gradient the sum (the updater divides later)
            double fd = (plus - minus) / (2 * h) * ds.numExamples();
            double an = grad.getDouble(i);
            double tol = 2e-2 * Math.max(Math.abs(fd), Math.abs(an)) + 2e-4;
            assertTrue(Math.abs(fd - an) <= tol, "param " + i + ": finite difference " + fd + " vs analytic " + an);
            checked++;
        }
        return checked;
    }

    @Test
    void denseGradientsMatchFiniteDifferences() {
        RandomStreams s = new RandomStreams(21);
        MultiLayerNetwork net = net(new PimDense.Builder().nIn(10).nOut(6).pim(PimSettings.ideal(4, 4))
                .activation(Activation.TANH).build(), InputType.feedForward(10), 3);
        // 10 x 6 on 4 x 4 tiles: 3 x 2 tiles, so the tiled path is differentiated too
        assertTrue(check(net, data(s, new long[] {7, 10}, 3)) == 66);
    }

    @Test
    void convGradientsMatchFiniteDifferences() {
        RandomStreams s = new RandomStreams(22);
        MultiLayerNetwork net = net(new PimConv.Builder().nOut(3).kernel(3).padding(1).stride(1)
                .pim(PimSettings.ideal(8, 8)).activation(Activation.TANH).build(), InputType.convolutional(5, 4, 2), 3);
        assertTrue(check(net, data(s, new long[] {3, 2, 5, 4}, 3)) == 2 * 9 * 3 + 3);
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        // <im2col(x), p> = <x, col2im(p)> for any x and p: the defining property of the adjoint
        RandomStreams s = new RandomStreams(23);
        var shape = new org.hwsim.pim.tiling.Im2col.Shape(2, 6, 5, 3, 3, 2, 1);
        int p = shape.outHeight() * shape.outWidth();
        float[] x = PimLayerForwardTest.uniform(s, "x", 2 * 6 * 5).data().asFloat();
        float[] q = PimLayerForwardTest.uniform(s, "q", (long) p * shape.patchLength()).data().asFloat();
        float[][] patches = new float[p][shape.patchLength()];
        org.hwsim.pim.tiling.Im2col.patches(x, shape, patches);
        double left = 0;
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < shape.patchLength(); l++) {
                left += patches[k][l] * q[k * shape.patchLength() + l];
            }
        }
        float[] back = PimConvLayer.col2im(q, shape, 1);
        double right = 0;
        for (int i = 0; i < x.length; i++) {
            right += x[i] * back[i];
        }
        assertTrue(Math.abs(left - right) < 1e-4 * Math.abs(left) + 1e-5, left + " vs " + right);
    }

    @Test
    void layerBackpropWithoutWorkspaces() {
        // the layer API directly, as DL4J calls it: activate in training mode, then backpropGradient
        MultiLayerNetwork net = net(new PimDense.Builder().nIn(5).nOut(4).pim(PimSettings.ideal(8, 8))
                .activation(Activation.IDENTITY).build(), InputType.feedForward(5), 2);
        net.initGradientsView();
        var layer = net.getLayer(0);
        INDArray x = PimLayerForwardTest.uniform(new RandomStreams(24), "x", 3, 5);
        layer.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
        INDArray eps = Nd4j.ones(DataType.FLOAT, 3, 4);
        INDArray dx = layer.backpropGradient(eps, LayerWorkspaceMgr.noWorkspaces()).getSecond();
        INDArray want = eps.mmul(layer.getParam("W").transpose());
        assertTrue(PimLayerForwardTest.relErr(dx, want) < 1e-6);
    }
}
