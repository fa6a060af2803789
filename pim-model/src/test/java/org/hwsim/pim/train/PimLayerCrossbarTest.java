package org.hwsim.pim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.scheme.Decomposition;
import org.hwsim.pim.tiling.Im2col;
import org.hwsim.pim.tiling.Tiling;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The PIM layers at non-ideal settings (3-bit ADC with INL, thermal noise and per-ADC variation)
 * give exactly what the crossbar model gives for the same weights, inputs and named streams: the
 * layers add nothing to the PIM arithmetic and draw their noise from the kernel's streams
 * ({@code pim/layer-<index>/...} under the settings' seed).
 */
class PimLayerCrossbarTest {
    private static final PimSettings NOISY = noisy();

    private static PimSettings noisy() {
        PimSettings s = PimSettings.quantized(32, 8, Decomposition.BIT_SERIAL, 4, 4, 3, false, 17);
        return s.withAdc(AdcNoise.typical().applyTo(s.tile().adc()));
    }

    @Test
    void denseLayerEqualsTiledCrossbarWithTheLayersStreams() {
        RandomStreams data = new RandomStreams(51);
        MultiLayerNetwork net = PimLayerForwardTest.single(new PimDense.Builder().nIn(70).nOut(12).pim(NOISY)
                .activation(Activation.IDENTITY).build(), InputType.feedForward(70));
        net.getLayer(0).getParam("b").assign(0);
        INDArray calib = PimLayerForwardTest.uniform(data, "calib", 20, 70).addi(1).divi(2);
        INDArray x = PimLayerForwardTest.uniform(data, "x", 6, 70).addi(1).divi(2);
        net.output(calib, false); // deployment: program, calibrate
        float[] got = net.output(x, false).castTo(DataType.FLOAT).dup('c').data().asFloat();

        float[][] w = PimEngine.toRows(net.getLayer(0).getParam("W"));
        Crossbar ref = Tiling.program(w, NOISY.tile(), new RandomStreams(17), "pim/layer-0");
        ref.calibrateAdcRange(PimEngine.toRows(calib));
        float[][] cal = new float[20][12];
        ref.mvm(PimEngine.toRows(calib), cal); // the same call sequence draws the same noise
        float[][] ys = new float[6][12];
        ref.mvm(PimEngine.toRows(x), ys);
        float[] want = new float[72];
        for (int b = 0; b < 6; b++) {
            System.arraycopy(ys[b], 0, want, b * 12, 12);
        }
        assertArrayEquals(want, got);
        assertTrue(PimLayerForwardTest.relErr(net.output(x, false), x.mmul(net.getLayer(0).getParam("W"))) > 1e-2,
                "the noisy 3-bit product differs from the exact one");
    }

    @Test
    void maxPossibleRangeIsNeverCalibrated() {
        // A fixed full-range ADC (the paper's PIM quantizer): the layer equals the crossbar with no
        // range calibration at all, and a 2-bit ADC over the whole range loses most small sums.
        PimSettings full = PimSettings.quantized(32, 8, Decomposition.BIT_SERIAL, 4, 4, 2,
                org.hwsim.pim.convert.AdcRangeMode.MAX_POSSIBLE, false, 19);
        RandomStreams data = new RandomStreams(53);
        MultiLayerNetwork net = PimLayerForwardTest.single(new PimDense.Builder().nIn(70).nOut(12).pim(full)
                .activation(Activation.IDENTITY).build(), InputType.feedForward(70));
        net.getLayer(0).getParam("b").assign(0);
        INDArray x = PimLayerForwardTest.uniform(data, "x", 6, 70).addi(1).divi(2);
        float[] got = net.output(x, false).castTo(DataType.FLOAT).dup('c').data().asFloat();

        float[][] w = PimEngine.toRows(net.getLayer(0).getParam("W"));
        Crossbar ref = Tiling.program(w, full.tile(), new RandomStreams(19), "pim/layer-0");
        float[][] ys = new float[6][12];
        ref.mvm(PimEngine.toRows(x), ys);
        float[] want = new float[72];
        for (int b = 0; b < 6; b++) {
            System.arraycopy(ys[b], 0, want, b * 12, 12);
        }
        assertArrayEquals(want, got);
        assertTrue(PimLayerForwardTest.relErr(net.output(x, false), x.mmul(net.getLayer(0).getParam("W"))) > 0.2,
                "a 2-bit full-range ADC is far from the exact product");
    }

    @Test
    void convLayerEqualsCrossbarOnIm2colPatches() {
        RandomStreams data = new RandomStreams(52);
        Im2col.Shape shape = new Im2col.Shape(2, 6, 6, 3, 3, 1, 1);
        MultiLayerNetwork net = PimLayerForwardTest.single(new PimConv.Builder().nOut(4).kernel(3).padding(1)
                .pim(NOISY).activation(Activation.IDENTITY).build(), InputType.convolutional(6, 6, 2));
        net.getLayer(0).getParam("b").assign(0);
        INDArray x = PimLayerForwardTest.uniform(data, "x", 1, 2, 6, 6).addi(1).divi(2);
        INDArray out = net.output(x, false); // [1, 4, 6, 6]; calibrates on its own patches

        float[][] patches = new float[36][18];
        Im2col.patches(x.dup('c').data().asFloat(), shape, patches);
        float[][] w = PimEngine.toRows(net.getLayer(0).getParam("W"));
        Crossbar ref = Crossbar.tile(w, NOISY.tile().withSize(18, 4), new RandomStreams(17), "pim/layer-0/tile-0-0");
        ref.calibrateAdcRange(patches);
        float[][] ys = new float[36][4];
        ref.mvm(patches, ys);
        for (int o = 0; o < 4; o++) {
            for (int p = 0; p < 36; p++) {
                float g = out.getFloat(0, o, p / 6, p % 6);
                assertTrue(g == ys[p][o], "filter " + o + " pixel " + p + ": " + g + " vs " + ys[p][o]);
            }
        }
    }
}
