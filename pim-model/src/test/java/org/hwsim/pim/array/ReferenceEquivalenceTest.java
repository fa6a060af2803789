package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.AdcVariationConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast batched path equals the plain scalar {@link ReferenceCrossbar} bit for bit: same seed,
 * same numbers, with quantization, ADC non-linearity, thermal noise, per-ADC variation, read
 * noise, slicing, differential columns and sparse inputs. Conductances are integer levels
 * (gMin = 0) so that every float sum is exact whatever its order.
 */
class ReferenceEquivalenceTest {
    static Stream<Arguments> configs() {
        AdcConfig noisy = AdcConfig.linear(6).withThermalNoise(ThermalNoiseConfig.ofLsb(0.7))
                .withVariation(new AdcVariationConfig(0.02, 0.3));
        AdcConfig nonLinear = AdcConfig.linear(5).withTransfer(0.03, 0.4, List.of(0.05, -0.1), List.of())
                .withThermalNoise(ThermalNoiseConfig.ofLsb(0.3));
        DeviceConfig readProp = DeviceConfig.ideal().withReadNoise(0.05, ReadNoiseMode.PROPORTIONAL);
        DeviceConfig readIndep = DeviceConfig.ideal().withReadNoise(0.02, ReadNoiseMode.STATE_INDEPENDENT);
        return Stream.of(
                Arguments.of(CrossbarConfig.of(48, 20, Decomposition.BIT_SERIAL, 4, DacConfig.signed(6), noisy)),
                Arguments.of(CrossbarConfig.of(48, 20, Decomposition.NATIVE, 4, DacConfig.signed(5), noisy)),
                Arguments.of(CrossbarConfig.of(48, 20, Decomposition.DIFFERENTIAL, 5, DacConfig.signed(5), nonLinear)),
                Arguments.of(CrossbarConfig.of(37, 9, Decomposition.DIFFERENTIAL_BIT_SERIAL, 6,
                        new DacConfig(4, false, DacConfig.PER_VECTOR, 0), noisy).withWeightBits(6, 2)),
                Arguments.of(CrossbarConfig.of(50, 12, Decomposition.BIT_SERIAL, 8, DacConfig.signed(8),
                        noisy).withWeightBits(8, 4).withDevice(readProp)),
                Arguments.of(CrossbarConfig.of(33, 7, Decomposition.NATIVE, 3, DacConfig.signed(4),
                        AdcConfig.linear(4).withClip(false)).withDevice(readIndep)),
                Arguments.of(CrossbarConfig.of(40, 10, Decomposition.BIT_SERIAL, 3, DacConfig.signed(4),
                        AdcConfig.linear(3).withTransfer(0, 0, List.of(), List.of(-0.6, -0.3, -0.1, 0.0, 0.2, 0.4, 0.7)))
                        .withDevice(readProp)),
                Arguments.of(CrossbarConfig.of(30, 8, Decomposition.BIT_SERIAL, 4, DacConfig.signed(5),
                        AdcConfig.ideal()).withDevice(readProp)),
                Arguments.of(CrossbarConfig.of(30, 8, Decomposition.DIFFERENTIAL, 4, DacConfig.signed(5),
                        AdcConfig.ideal()).withDevice(readIndep)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void fastPathMatchesTheScalarReference(CrossbarConfig c) {
        long seed = 77;
        float[][] w = TestData.matrix(21, c.rows(), c.cols());
        Crossbar fast = Crossbar.tile(w, c, new RandomStreams(seed), "pim/t0");
        ReferenceCrossbar ref = new ReferenceCrossbar(w, c, seed, "pim/t0");
        float[][] xs = TestData.vectors(22, 12, c.rows(), 0.6);
        xs[3] = new float[c.rows()]; // an all-zero vector: every conversion skipped
        float[][] ys = new float[xs.length][c.cols()];
        fast.mvm(xs, ys);
        for (int b = 0; b < xs.length; b++) {
            assertArrayEquals(ref.mvm(xs[b]), ys[b], "vector " + b);
        }
        assertEquals(ref.conversions, fast.counters().adcConversions());
        assertEquals(ref.skipped, fast.counters().adcConversionsSkipped());
        assertEquals(xs.length, fast.counters().mvms());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void aBatchEqualsTheSameVectorsOneAtATime(CrossbarConfig c) {
        float[][] w = TestData.matrix(23, c.rows(), c.cols());
        Crossbar batch = Crossbar.tile(w, c, new RandomStreams(5), "a");
        Crossbar single = Crossbar.tile(w, c, new RandomStreams(5), "a");
        float[][] xs = TestData.vectors(24, 6, c.rows(), 0.3);
        float[][] ys = new float[6][c.cols()];
        batch.mvm(xs, ys);
        for (int b = 0; b < 6; b++) {
            float[] y = new float[c.cols()];
            single.mvm(xs[b], y);
            assertArrayEquals(y, ys[b]);
        }
    }

    @org.junit.jupiter.api.Test
    void largeBatchesUseWideTablesAndGiveTheSameNumbers() {
        // A batch of 40 goes through the 6-row tables, single vectors through the 4-row ones.
        CrossbarConfig c = CrossbarConfig.of(64, 24, Decomposition.BIT_SERIAL, 8, DacConfig.signed(8),
                AdcConfig.linear(6).withThermalNoise(ThermalNoiseConfig.ofLsb(0.8)));
        float[][] w = TestData.matrix(27, c.rows(), c.cols());
        TileCrossbar batch = (TileCrossbar) Crossbar.tile(w, c, new RandomStreams(8), "w");
        Crossbar single = Crossbar.tile(w, c, new RandomStreams(8), "w");
        ReferenceCrossbar ref = new ReferenceCrossbar(w, c, 8, "w");
        float[][] xs = TestData.vectors(28, 40, c.rows(), 0.2);
        float[][] ys = new float[xs.length][c.cols()];
        batch.mvm(xs, ys);
        assertTrue(batch.usedWideTables());
        for (int b = 0; b < xs.length; b++) {
            float[] y = new float[c.cols()];
            single.mvm(xs[b], y);
            assertArrayEquals(y, ys[b], "vector " + b);
            assertArrayEquals(ref.mvm(xs[b]), ys[b], "vector " + b);
        }
    }

    @org.junit.jupiter.api.Test
    void programmingNonIdealitiesMatchTheReferenceToFloatRounding() {
        // Non-integer conductances: sums are no longer exact floats, so the LUT's order of addition
        // may differ from the reference's in the last bits; outputs agree to 1e-4 of full scale.
        CrossbarConfig c = CrossbarConfig.of(64, 16, Decomposition.BIT_SERIAL, 6, DacConfig.signed(6),
                AdcConfig.ideal()).withCell(new CellConfig(0.3, 10))
                .withDevice(DeviceConfig.ideal().withProgrammingSigma(0.02).withStuckAt(0.01, 0.01)
                        .withDrift(0.05, 0.01, 1, 3600));
        float[][] w = TestData.matrix(25, 64, 16);
        Crossbar fast = Crossbar.tile(w, c, new RandomStreams(9), "d");
        ReferenceCrossbar ref = new ReferenceCrossbar(w, c, 9, "d");
        for (float[] x : TestData.vectors(26, 5, 64, 0.2)) {
            float[] y = new float[16];
            fast.mvm(x, y);
            float[] r = ref.mvm(x);
            double norm = 0;
            for (float v : r) {
                norm = Math.max(norm, Math.abs(v));
            }
            for (int j = 0; j < 16; j++) {
                assertEquals(r[j], y[j], 1e-4 * norm);
            }
        }
    }
}
