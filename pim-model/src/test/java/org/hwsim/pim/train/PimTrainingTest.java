package org.hwsim.pim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Training with PIM quantization in the loop, deployment and batch-norm calibration on generated
 * 8x8 data (10 noisy class prototypes, {@link SyntheticData}).
 */
class PimTrainingTest {
    static final PimNetworks.Shape MLP = new PimNetworks.Shape(Architecture.MLP, 8, 8, 10);
    static final PimSettings PIM_QAT = PimSettings.quantized(32, 32, Decomposition.BIT_SERIAL, 4, 4, 3, true, 7);
    static DataSet train;
    static DataSet test;
    static MultiLayerNetwork trained;

    @BeforeAll
    static void trainOnce() {
        RandomStreams s = new RandomStreams(41);
        train = SyntheticData.prototypes(10, 8, 8, 640, 0.35, s.fresh("proto"), s.fresh("train"));
        test = SyntheticData.prototypes(10, 8, 8, 300, 0.35, s.fresh("proto"), s.fresh("test"));
        trained = PimNetworks.build(MLP, PIM_QAT, 1, 5e-3);
        PimNetworks.train(trained, train, 3, 32, s.fresh("order"));
    }

    static INDArray calibration() {
        return train.getFeatures().get(NDArrayIndex.interval(0, 200), NDArrayIndex.all()).dup();
    }

    @Test
    void pimQatOnSyntheticDataReachesNinetyPercent() {
        // 10 classes, chance 10 %; the prototypes are 0.35-sigma noisy, well separated in 64 pixels:
        // a float MLP reaches 100 % here, and a 3-bit bit-serial ADC in the loop must keep >= 90 %.
        MultiLayerNetwork deployed = PimNetworks.deploy(trained, MLP, PIM_QAT.withSeed(8), calibration());
        double acc = PimNetworks.accuracy(deployed, test);
        assertTrue(acc >= 0.9, "accuracy " + acc);
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        RandomStreams s = new RandomStreams(41);
        MultiLayerNetwork again = PimNetworks.build(MLP, PIM_QAT, 1, 5e-3);
        PimNetworks.train(again, train, 3, 32, s.fresh("order"));
        assertEquals(trained.params(), again.params());
    }

    @Test
    void batchNormCalibrationMovesStatisticsToThoseOfThePimPath() {
        // deploy on a noisy ADC (non-linearity, thermal noise, per-ADC offsets), as a chip would add
        PimSettings chip = PIM_QAT.withAdc(AdcNoise.typical().applyTo(PIM_QAT.tile().adc())).withSeed(99);
        MultiLayerNetwork net = PimNetworks.deploy(trained, MLP, chip, calibration());
        INDArray before = net.getLayer(1).getParam("mean").dup();
        INDArray varBefore = net.getLayer(1).getParam("var").dup();
        List<INDArray> means = PimNetworks.calibrateBatchNorm(net, calibration());
        assertEquals(2, means.size());
        INDArray after = net.getLayer(1).getParam("mean").dup();
        // the first BN's input through the PIM path, measured independently on a fresh pass
        // (fresh thermal noise draws): the calibrated mean must be much closer to it than before
        INDArray measured = net.feedForwardToLayer(0, calibration(), false).get(1).mean(0)
                .reshape(after.shape());
        double distBefore = before.sub(measured).norm2Number().doubleValue();
        double distAfter = after.sub(measured).norm2Number().doubleValue();
        assertTrue(distBefore > 0, "the noisy PIM path shifts the statistics");
        assertTrue(distAfter < 0.2 * distBefore, "after " + distAfter + " vs before " + distBefore);
        INDArray var = net.getLayer(1).getParam("var");
        INDArray measuredVar = net.feedForwardToLayer(0, calibration(), false).get(1).var(false, 0)
                .reshape(var.shape());
        // variances: each pass draws fresh noise on only 200 vectors, so per-channel sample
        // variances scatter by about sqrt(2 / 200) = 10 %; the calibrated ones must still be closer
        double varBeforeErr = PimLayerForwardTest.relErr(varBefore, measuredVar);
        double varAfterErr = PimLayerForwardTest.relErr(var, measuredVar);
        assertTrue(varAfterErr < 0.15 && varAfterErr < varBeforeErr, "variance error after " + varAfterErr
                + ", before " + varBeforeErr);
    }

    @Test
    void studyOnSyntheticDataGivesOneRowPerCombination() {
        PimStudy.Config c = new PimStudy.Config(List.of(Architecture.MLP), List.of(Decomposition.NATIVE),
                List.of(2, 3), 4, 4, 32, 32, 320, 100, 100, 1, 32, 5e-3, AdcNoise.typical(), 3, true);
        List<PimStudy.Row> rows = PimStudy.run(c, line -> { });
        // digital; per (bits, noise): qat-deployed, pim-qat, pim-qat-bncal; adjusted at 3 bits (trained at 2)
        assertEquals(1 + 2 * 2 * 3 + 2, rows.size());
        assertEquals("digital", rows.get(0).method());
        for (PimStudy.Row r : rows) {
            assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1, r.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> r.method().equals("pim-qat-adjusted") && r.adcBits() == 3
                && r.trainAdcBits() == 2));
    }

    @Test
    void badInputGivesClearErrors() {
        MultiLayerNetwork net = PimNetworks.build(MLP, PIM_QAT, 1, 1e-3);
        var wrong = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 63);
        Exception e = assertThrows(Exception.class, () -> net.output(wrong, false));
        assertTrue(rootMessage(e).contains("64"), rootMessage(e));
        var nan = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 64);
        nan.putScalar(1, 5, Float.NaN);
        e = assertThrows(Exception.class, () -> net.output(nan, false));
        assertTrue(rootMessage(e).contains("NaN"), rootMessage(e));
        e = assertThrows(IllegalArgumentException.class, () -> TrainingMethod.fromId("qat-magic"));
        assertEquals("method must be one of digital, qat-deployed, pim-qat, pim-qat-bncal, pim-qat-adjusted: "
                + "qat-magic", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Architecture.fromId("resnet"));
        assertEquals("network must be one of mlp, cnn: resnet", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Decomposition.fromId("crossbar-magic"));
        assertTrue(e.getMessage().contains("crossbar-magic"));
        e = assertThrows(IllegalArgumentException.class, () -> new PimStudy.Config(List.of(Architecture.MLP),
                List.of(Decomposition.NATIVE), List.of(0), 4, 4, 32, 32, 10, 10, 10, 1, 8, 1e-3, AdcNoise.typical(),
                1, true));
        assertEquals("adcBits must be in [1, 16]: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PimDense.Builder().nIn(3).nOut(2).build());
        assertTrue(e.getMessage().startsWith("pim settings must be given"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PimNetworks.Shape(Architecture.CNN, 3, 3, 10));
        assertEquals("image must be at least 4x4 for cnn: 3x3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PimLayerForwardTest.single(new PimConv.Builder().nOut(2).kernel(3).pim(PIM_QAT).build(),
                        org.deeplearning4j.nn.conf.inputs.InputType.feedForward(10)));
        assertTrue(rootMessage(e).contains("needs a convolutional input type"), rootMessage(e));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
