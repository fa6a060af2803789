package org.hwsim.pim.cost;

import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.energy.EnergyLedger;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.array.PimCounters;

/**
 * Charges a tile's action counts to the energy ledger and states the time they take.
 *
 * <p>Components under {@code path}: {@code adc} (action {@code convert}), {@code dac} ({@code
 * drive}, one per driven wordline per step), {@code array} ({@code read}, one per cell per step)
 * and {@code shift-add} ({@code accumulate}, one per conversion).
 */
public final class PimCosts {
    private PimCosts() {
    }

    /** Records the counts in the ledger and returns the energy charged in pJ. */
    public static double charge(EnergyLedger ledger, String path, PimCounters counts, CrossbarConfig tile,
                                PimCostTable table) {
        double before = ledger.totalPj();
        EnergyComponent adc = ledger.component(path + "/adc");
        adc.record(adc.defineAction("convert", table.adcConversionPj(tile.adc().bits())), counts.adcConversions());
        EnergyComponent dac = ledger.component(path + "/dac");
        dac.record(dac.defineAction("drive", table.dacActivationPj()), counts.rowActivations());
        EnergyComponent array = ledger.component(path + "/array");
        long cellsPerStep = (long) tile.rows() * tile.cols() * tile.slices() * 2;
        array.record(array.defineAction("read", table.cellReadPj() * cellsPerStep), counts.inputSteps());
        EnergyComponent sa = ledger.component(path + "/shift-add");
        sa.record(sa.defineAction("accumulate", table.shiftAddPj()), counts.adcConversions());
        return ledger.totalPj() - before;
    }

    /**
     * Time for the counted work on one tile, in ps: each analog step takes the longer of the read
     * and the conversions of its columns on the shared ADCs ({@code ceil(cols x arrays /
     * adcs)} conversions each); skipped conversions take no time.
     */
    public static long latencyPs(PimCounters counts, CrossbarConfig tile, PimCostTable table) {
        if (counts.inputSteps() == 0) {
            return 0;
        }
        long adcs = Math.max(1, (tile.cols() * (long) tile.convertedArrays() + table.columnsPerAdc() - 1)
                / table.columnsPerAdc());
        double conversionsPerStep = (double) counts.adcConversions() / counts.inputSteps();
        double convertNs = Math.ceil(conversionsPerStep / adcs) * table.adcConversionNs();
        double stepNs = Math.max(table.readNs(), convertNs);
        return Math.round(stepNs * counts.inputSteps() * 1000);
    }
}
