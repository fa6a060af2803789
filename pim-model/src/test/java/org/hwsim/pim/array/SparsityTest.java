package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;

/**
 * All-zero bit-planes skip their conversions, as macros with input-sparsity detection do (e.g.
 * Yue et al., "A 65nm computing-in-memory-based CNN processor with 2.9-to-35.8 TOPS/W system
 * energy efficiency using dynamic-sparsity performance-scaling architecture", ISSCC 2020): counted
 * exactly from the input codes.
 */
class SparsityTest {
    @Test
    void zeroHighBitPlanesSkipTheirConversions() {
        // Unsigned 8-bit DAC over a fixed range of 255: inputs 0..3 set only planes 0 and 1.
        int rows = 24;
        int cols = 10;
        CrossbarConfig c = CrossbarConfig.of(rows, cols, Decomposition.BIT_SERIAL, 4,
                new DacConfig(8, false, DacConfig.FIXED, 255), AdcConfig.linear(8));
        Crossbar x = Crossbar.tile(TestData.matrix(51, rows, cols), c, new RandomStreams(1), "s");
        float[] in = new float[rows];
        for (int i = 0; i < rows; i++) {
            in[i] = i % 4;
        }
        x.mvm(in, new float[cols]);
        PimCounters n = x.counters();
        assertEquals(2L * cols, n.adcConversions());
        assertEquals(6L * cols, n.adcConversionsSkipped());
        assertEquals(2, n.inputSteps());
        // plane 0 is set for inputs 1 and 3, plane 1 for 2 and 3: 12 rows each
        assertEquals(24, n.rowActivations());
    }

    @Test
    void differentialSchemesSkipBothColumnsOfAZeroPlane() {
        CrossbarConfig c = CrossbarConfig.of(8, 4, Decomposition.DIFFERENTIAL_BIT_SERIAL, 4,
                new DacConfig(4, false, DacConfig.FIXED, 15), AdcConfig.linear(6));
        Crossbar x = Crossbar.tile(TestData.matrix(52, 8, 4), c, new RandomStreams(1), "s");
        float[] in = new float[8];
        in[5] = 8; // only plane 3
        x.mvm(in, new float[4]);
        assertEquals(2L * 4, x.counters().adcConversions());
        assertEquals(3L * 2 * 4, x.counters().adcConversionsSkipped());
    }
}
