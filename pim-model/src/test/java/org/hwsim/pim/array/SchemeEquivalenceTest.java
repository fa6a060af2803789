package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decomposition schemes agree when the ADC is ideal: shift-and-add of bit-planes is exact
 * arithmetic on the integer codes (PIM-QAT, arXiv:2209.08617, Sec. 3: the schemes differ only
 * through the PIM quantization), differential columns subtract to the signed weights, and weight
 * slices recombine to the whole weight. With integer levels every column sum is an exact float,
 * so equality is exact up to the final float scaling (tolerance 1e-6 relative).
 */
class SchemeEquivalenceTest {
    private static float[] run(CrossbarConfig c, float[][] w, float[] x) {
        Crossbar xbar = Crossbar.tile(w, c, new RandomStreams(1), "t");
        float[] y = new float[c.cols()];
        xbar.mvm(x, y);
        return y;
    }

    private static void assertClose(float[] expected, float[] actual) {
        double norm = 0;
        for (float v : expected) {
            norm = Math.max(norm, Math.abs(v));
        }
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-6 * norm, "column " + j);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void bitSerialWithIdealAdcEqualsNative(int inputBits) {
        float[][] w = TestData.matrix(11, 96, 40);
        for (float[] x : TestData.vectors(12, 8, 96, 0.2)) {
            CrossbarConfig nat = CrossbarConfig.of(96, 40, Decomposition.NATIVE, 8, DacConfig.signed(inputBits),
                    AdcConfig.ideal());
            float[] expected = run(nat, w, x);
            assertArrayEquals(expected, run(nat.withScheme(Decomposition.BIT_SERIAL), w, x));
        }
    }

    @Test
    void differentialEqualsTheSignedResult() {
        // gMin > 0 puts an off-state current on both columns; digital subtraction must cancel it.
        float[][] w = TestData.matrix(13, 80, 30);
        for (float[] x : TestData.vectors(14, 8, 80, 0.1)) {
            CrossbarConfig nat = CrossbarConfig.of(80, 30, Decomposition.NATIVE, 7, DacConfig.signed(6),
                    AdcConfig.ideal());
            float[] signed = run(nat, w, x);
            CrossbarConfig diff = nat.withScheme(Decomposition.DIFFERENTIAL).withCell(new CellConfig(1, 41));
            assertClose(signed, run(diff, w, x));
            assertClose(signed, run(diff.withScheme(Decomposition.DIFFERENTIAL_BIT_SERIAL), w, x));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void weightSlicesRecombineToTheWholeWeight(int cellBits) {
        float[][] w = TestData.matrix(15, 64, 24);
        for (float[] x : TestData.vectors(16, 6, 64, 0.0)) {
            CrossbarConfig whole = CrossbarConfig.of(64, 24, Decomposition.BIT_SERIAL, 8, DacConfig.signed(8),
                    AdcConfig.ideal());
            assertClose(run(whole, w, x), run(whole.withWeightBits(8, cellBits), w, x));
        }
    }
}
