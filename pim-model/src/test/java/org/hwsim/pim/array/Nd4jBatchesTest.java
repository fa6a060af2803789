package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J batches through an ideal crossbar equal ND4J's own {@code x.mmul(W)} (1e-5 relative). */
class Nd4jBatchesTest {
    @Test
    void idealCrossbarEqualsNd4jMatmul() {
        float[][] w = TestData.matrix(61, 20, 7);
        CrossbarConfig c = CrossbarConfig.of(20, 7, Decomposition.NATIVE, 0, DacConfig.ideal(), AdcConfig.ideal());
        Nd4jBatches batches = new Nd4jBatches(Crossbar.tile(w, c, new RandomStreams(1), "n"));
        INDArray x = Nd4j.create(TestData.vectors(62, 5, 20, 0.0));
        INDArray expected = x.mmul(Nd4j.create(w));
        INDArray y = batches.mvm(x);
        assertEquals(5, y.rows());
        assertEquals(7, y.columns());
        for (int b = 0; b < 5; b++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(expected.getDouble(b, j), y.getDouble(b, j), 1e-5 * 20);
            }
        }
        INDArray smaller = batches.mvm(x.getRows(0, 1));
        assertEquals(expected.getDouble(1, 3), smaller.getDouble(1, 3), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> batches.mvm(Nd4j.create(2, 19)));
    }

    /** Column-major inputs, views and doubles give the same products as a plain row-major float matrix. */
    @Test
    void layoutsAndViewsGiveTheSameProduct() {
        float[][] w = TestData.matrix(71, 12, 9);
        CrossbarConfig c = CrossbarConfig.of(12, 9, Decomposition.NATIVE, 0, DacConfig.ideal(), AdcConfig.ideal());
        Nd4jBatches batches = new Nd4jBatches(Crossbar.tile(w, c, new RandomStreams(1), "n"));
        INDArray x = Nd4j.create(TestData.vectors(72, 6, 12, 0.0));
        INDArray expected = x.mmul(Nd4j.create(w));
        INDArray[] variants = {
            x.dup('f'),                                              // column-major
            Nd4j.concat(1, x, Nd4j.ones(6, 3)).get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 12)), // a strided view
            x.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE),       // doubles
        };
        for (INDArray v : variants) {
            INDArray y = batches.mvm(v);
            for (int b = 0; b < 6; b++) {
                for (int j = 0; j < 9; j++) {
                    assertEquals(expected.getDouble(b, j), y.getDouble(b, j), 1e-5 * 12);
                }
            }
        }
    }
}
