package org.hwsim.pim.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hwsim.core.energy.EnergyLedger;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;

/**
 * ADC energy per conversion against the Walden and Schreier figures of merit (Murmann's survey,
 * closed forms), and ledger charges equal to counts times energies.
 */
class PimCostTableTest {
    @Test
    void adcEnergyFollowsWaldenAtLowAndSchreierAtHighResolution() {
        PimCostTable t = PimCostTable.defaults();
        assertEquals(6.1e-3 * 256, t.adcConversionPj(8), 1e-12);     // 6.1 fJ x 2^8
        assertEquals(6.1e-3 * 2 * 256, t.adcConversionPj(9), 1e-12); // doubles per bit
        double sndr14 = 6.02 * 14 + 1.76;
        assertEquals(0.5 * Math.pow(10, (sndr14 - 180) / 10) * 1e12, t.adcConversionPj(14), 1e-9);
        assertTrue(t.adcConversionPj(14) > 6.1e-3 * Math.pow(2, 14));  // thermal limit dominates
        assertEquals(0, t.adcConversionPj(0), 0);
    }

    @Test
    void chargesCountsTimesEnergiesToTheLedger() {
        CrossbarConfig c = CrossbarConfig.of(16, 8, Decomposition.BIT_SERIAL, 4, DacConfig.signed(4),
                AdcConfig.linear(6));
        float[][] w = new float[16][8];
        w[0][0] = 1;
        Crossbar x = Crossbar.tile(w, c, new RandomStreams(1), "t");
        float[] in = new float[16];
        in[0] = 1;
        in[3] = -0.5f;
        x.mvm(in, new float[8]);
        var counts = x.counters();
        EnergyLedger ledger = new EnergyLedger(() -> 0L);
        PimCostTable t = PimCostTable.defaults();
        double pj = PimCosts.charge(ledger, "p", counts, c, t);
        double expected = counts.adcConversions() * (t.adcConversionPj(6) + t.shiftAddPj())
                + counts.rowActivations() * t.dacActivationPj()
                + counts.inputSteps() * 16 * 8 * 2 * t.cellReadPj();
        assertEquals(expected, pj, 1e-12);
        assertEquals(expected, ledger.totalPj(), 1e-12);
        assertEquals(counts.adcConversions(), ledger.component("p/adc").actionCount("convert"));
    }
}
