package org.hwsim.pim.train;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.hwsim.pim.tiling.Im2col;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The running layer of {@link PimConv}: im2col, the PIM product, and col2im in the backward pass. */
final class PimConvLayer extends BaseLayer<PimConv> implements PimLayer {
    private final PimEngine engine;
    private INDArray patches; // [n * P, L] of the last forward pass
    private INDArray preActivation;

    PimConvLayer(NeuralNetConfiguration conf, DataType dataType, PimEngine engine) {
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
        Im2col.Shape s = layerConf().shape();
        long[] want = {input.size(0), s.channels(), s.height(), s.width()};
        if (input.rank() != 4 || input.size(1) != want[1] || input.size(2) != want[2] || input.size(3) != want[3]) {
            throw new IllegalArgumentException("PimConv layer " + index + " input must have shape [batch, "
                    + s.channels() + ", " + s.height() + ", " + s.width() + "]: " + Arrays.toString(input.shape()));
        }
        applyDropOutIfNecessary(training, mgr);
        int n = (int) input.size(0);
        int p = s.outHeight() * s.outWidth();
        int l = s.patchLength();
        int o = (int) layerConf().getNOut();
        float[] flat = input.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int image = s.channels() * s.height() * s.width();
        float[] patchFlat = new float[n * p * l];
        float[][] buf = new float[p][l];
        for (int b = 0; b < n; b++) {
            Im2col.patches(Arrays.copyOfRange(flat, b * image, (b + 1) * image), s, buf);
            for (int k = 0; k < p; k++) {
                System.arraycopy(buf[k], 0, patchFlat, (b * p + k) * l, l);
            }
        }
        patches = Nd4j.create(patchFlat, new long[] {(long) n * p, l}, 'c');
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray bias = getParam(DefaultParamInitializer.BIAS_KEY);
        INDArray y = engine.forward(patches, w, training).castTo(dataType); // [n * P, O]
        y.addiRowVector(bias);
        // [n * P, O] -> [n, P, O] -> [n, O, P] -> [n, O, oh, ow]
        INDArray z = y.reshape('c', n, p, o).permute(0, 2, 1).dup('c').reshape('c', n, o, s.outHeight(), s.outWidth());
        preActivation = z;
        INDArray a = layerConf().getActivationFn().getActivation(z.dup(), training);
        return mgr.leverageTo(ArrayType.ACTIVATIONS, a);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (preActivation == null) {
            throw new IllegalStateException("PimConv layer " + index + ": backprop before a training forward pass");
        }
        Im2col.Shape s = layerConf().shape();
        int n = (int) input.size(0);
        int p = s.outHeight() * s.outWidth();
        int l = s.patchLength();
        int o = (int) layerConf().getNOut();
        INDArray delta = layerConf().getActivationFn().backprop(preActivation.dup(), epsilon).getFirst();
        // [n, O, oh, ow] -> [n, O, P] -> [n, P, O] -> [n * P, O]
        INDArray d = delta.reshape('c', n, o, p).permute(0, 2, 1).dup('c').reshape('c', (long) n * p, o);
        double eta = engine.lastEta();
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        wGrad.assign(patches.castTo(dataType).transpose().mmul(d).muli(eta));
        bGrad.assign(d.sum(true, 0));
        float[] dPatches = d.mmul(w.transpose()).muli(eta).castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] dx = col2im(dPatches, s, n);
        INDArray epsOut = Nd4j.create(dx, new long[] {n, s.channels(), s.height(), s.width()}, 'c').castTo(dataType);
        Gradient g = new DefaultGradient();
        g.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
        g.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
        epsOut = backpropDropOutIfPresent(epsOut);
        return new Pair<>(g, mgr.leverageTo(ArrayType.ACTIVATION_GRAD, epsOut));
    }

    /** The adjoint of {@link Im2col#patches}: adds each patch gradient back onto its input pixels. */
    static float[] col2im(float[] dPatches, Im2col.Shape s, int n) {
        int h = s.height();
        int wd = s.width();
        int ow = s.outWidth();
        int p = s.outHeight() * ow;
        int l = s.patchLength();
        float[] dx = new float[n * s.channels() * h * wd];
        for (int b = 0; b < n; b++) {
            int imageBase = b * s.channels() * h * wd;
            for (int oy = 0; oy < s.outHeight(); oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int base = (b * p + oy * ow + ox) * l;
                    int k = 0;
                    for (int c = 0; c < s.channels(); c++) {
                        for (int ky = 0; ky < s.kernelHeight(); ky++) {
                            int y = oy * s.stride() - s.padding() + ky;
                            for (int kx = 0; kx < s.kernelWidth(); kx++) {
                                int x = ox * s.stride() - s.padding() + kx;
                                if (y >= 0 && y < h && x >= 0 && x < wd) {
                                    dx[imageBase + (c * h + y) * wd + x] += dPatches[base + k];
                                }
                                k++;
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }
}
