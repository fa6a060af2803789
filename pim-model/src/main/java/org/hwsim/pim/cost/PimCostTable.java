package org.hwsim.pim.cost;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Energy and latency per action of a tile (sources in the package documentation). The defaults are
 * the ISAAC-derived figures of the accelerator's action table ({@code isaac-actions.yaml}, read by
 * {@code org.hwsim.pim.accel.PimActionTable}); a test keeps the two equal.
 *
 * @param adcWaldenFomFjPerStep Walden FOM in fJ per conversion step (default 6.1: ISAAC's 8-bit ADC,
 *     2 mW at 1.28 GS/s, 1.56 pJ per conversion)
 * @param adcSchreierFomDb Schreier FOM in dB (default 180, the survey's thermal-limit envelope)
 * @param adcConversionNs time per conversion (default 0.78125 ns: 1.28 GS/s, ISAAC)
 * @param columnsPerAdc columns sharing one ADC (default 128, ISAAC)
 * @param dacActivationPj energy per driven wordline per analog step (default 0.39 pJ: 4 mW over
 *     1,024 DACs and a 100 ns cycle, ISAAC)
 * @param cellReadPj energy per cell per analog step (default 0.001831 pJ: 0.3 mW per 128 x 128
 *     array over 100 ns, ISAAC)
 * @param shiftAddPj energy per digital shift-and-add of one converted value (default 0.021 pJ:
 *     0.2 mW per IMA over 8 ADCs at 1.2 GS/s, ISAAC as Accelergy's ISAAC library derives it)
 * @param readNs analog read (settling) time per step (default 100 ns, ISAAC)
 */
public record PimCostTable(double adcWaldenFomFjPerStep, double adcSchreierFomDb, double adcConversionNs,
                           int columnsPerAdc, double dacActivationPj, double cellReadPj, double shiftAddPj,
                           double readNs) {
    /** Validates every field. */
    public PimCostTable {
        positive("adcWaldenFomFjPerStep", adcWaldenFomFjPerStep);
        positive("adcSchreierFomDb", adcSchreierFomDb);
        positive("adcConversionNs", adcConversionNs);
        if (columnsPerAdc < 1) {
            throw new IllegalArgumentException("columnsPerAdc must be >= 1: " + columnsPerAdc);
        }
        nonNegative("dacActivationPj", dacActivationPj);
        nonNegative("cellReadPj", cellReadPj);
        nonNegative("shiftAddPj", shiftAddPj);
        nonNegative("readNs", readNs);
    }

    private static void positive(String f, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(f + " must be positive and finite: " + v);
        }
    }

    private static void nonNegative(String f, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and >= 0: " + v);
        }
    }

    @JsonCreator
    static PimCostTable fromConfig(@JsonProperty("adcWaldenFomFjPerStep") Double walden,
                                   @JsonProperty("adcSchreierFomDb") Double schreier,
                                   @JsonProperty("adcConversionNs") Double conversionNs,
                                   @JsonProperty("columnsPerAdc") Integer columnsPerAdc,
                                   @JsonProperty("dacActivationPj") Double dac,
                                   @JsonProperty("cellReadPj") Double cell,
                                   @JsonProperty("shiftAddPj") Double shiftAdd,
                                   @JsonProperty("readNs") Double readNs) {
        PimCostTable d = defaults();
        return new PimCostTable(walden == null ? d.adcWaldenFomFjPerStep : walden,
                schreier == null ? d.adcSchreierFomDb : schreier,
                conversionNs == null ? d.adcConversionNs : conversionNs,
                columnsPerAdc == null ? d.columnsPerAdc : columnsPerAdc, dac == null ? d.dacActivationPj : dac,
                cell == null ? d.cellReadPj : cell, shiftAdd == null ? d.shiftAddPj : shiftAdd,
                readNs == null ? d.readNs : readNs);
    }

    /** The published defaults (see the parameter documentation). */
    public static PimCostTable defaults() {
        return new PimCostTable(6.1, 180, 0.78125, 128, 0.39, 0.001831, 0.021, 100);
    }

    /**
     * Energy per conversion of an ADC of {@code bits} bits: the larger of the Walden bound
     * {@code FOM_W 2^bits} and the Schreier bound {@code 10^((6.02 bits + 1.76 - FOM_S) / 10) / 2}
     * (SNDR of an ideal quantizer, Nyquist sampling). 8 bits with the defaults: max(1.56 pJ,
     * 0.05 pJ) = 1.56 pJ; 14 bits: max(99.9 pJ, 200 pJ) = 200 pJ. An ideal ADC (0 bits) costs
     * nothing: it is a modelling device, not hardware.
     */
    public double adcConversionPj(int bits) {
        if (bits == 0) {
            return 0;
        }
        double walden = adcWaldenFomFjPerStep * Math.pow(2, bits) * 1e-3;
        double sndrDb = 6.02 * bits + 1.76;
        double schreier = 0.5 * Math.pow(10, (sndrDb - adcSchreierFomDb) / 10) * 1e12;
        return Math.max(walden, schreier);
    }
}
