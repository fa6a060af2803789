package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.hwsim.pim.tiling.Tiling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link Crossbar} contract, run over every implementation (one tile, a grid of tiles). */
class CrossbarContractTest {
    interface Factory extends BiFunction<float[][], Long, Crossbar> {
    }

    static final CrossbarConfig NOISY = CrossbarConfig.of(32, 16, Decomposition.BIT_SERIAL, 6, DacConfig.signed(6),
            AdcConfig.linear(6).withThermalNoise(ThermalNoiseConfig.ofLsb(0.8)));

    static Stream<Arguments> implementations() {
        Factory tile = (w, seed) -> Crossbar.tile(w, NOISY.withSize(w.length, w[0].length), new RandomStreams(seed), "c");
        Factory tiled = (w, seed) -> Tiling.program(w, NOISY, new RandomStreams(seed), "c");
        return Stream.of(Arguments.of("tile", tile, 32, 16), Arguments.of("tiled", tiled, 70, 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void sameSeedSameNumbersOtherSeedOtherNumbers(String name, Factory f, int rows, int cols) {
        float[][] w = TestData.matrix(41, rows, cols);
        float[][] xs = TestData.vectors(42, 4, rows, 0.1);
        float[][] a = new float[4][cols];
        float[][] b = new float[4][cols];
        float[][] c = new float[4][cols];
        f.apply(w, 1L).mvm(xs, a);
        f.apply(w, 1L).mvm(xs, b);
        f.apply(w, 2L).mvm(xs, c);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        boolean differs = false;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < cols; j++) {
                differs |= a[i][j] != c[i][j];
            }
        }
        assertTrue(differs, "thermal noise must depend on the seed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void countsConversionsAndSkipsAllZeroVectors(String name, Factory f, int rows, int cols) {
        Crossbar x = f.apply(TestData.matrix(43, rows, cols), 1L);
        float[][] xs = TestData.vectors(44, 3, rows, 0.0);
        xs[1] = new float[rows];
        x.mvm(xs, new float[3][cols]);
        PimCounters c = x.counters();
        assertEquals(c.adcConversions() + c.adcConversionsSkipped(), c.mvms() * 16L * 6, c.toString());
        assertTrue(c.adcConversionsSkipped() >= (c.mvms() / 3) * 16L * 6, c.toString());
        x.resetCounters();
        assertEquals(0, x.counters().adcConversions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void rejectsWrongShapesAndNonFiniteInputs(String name, Factory f, int rows, int cols) {
        Crossbar x = f.apply(TestData.matrix(45, rows, cols), 1L);
        assertThrows(IllegalArgumentException.class, () -> x.mvm(new float[rows + 1], new float[cols]));
        assertThrows(IllegalArgumentException.class, () -> x.mvm(new float[rows], new float[cols - 1]));
        float[] nan = new float[rows];
        nan[rows - 1] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class, () -> x.mvm(nan, new float[cols]));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(rows, x.rows());
        assertEquals(cols, x.cols());
    }
}
