package org.hwsim.pim.train;

import java.util.List;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.AdcVariationConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;

/**
 * The "noise on" condition of the study: the ADC non-idealities a real chip adds to PIM
 * quantization (see {@code AdcConfig} for the transfer). Values are in LSB or full-scale units,
 * so they mean the same at every resolution.
 *
 * @param inlCubic coefficient of u^3 in the transfer (negative = compressive), |value| < 1
 * @param thermalSigmaLsb thermal noise sigma in LSB, per column per conversion, >= 0
 * @param gainSigma per-ADC relative gain sigma, >= 0
 * @param offsetSigmaLsb per-ADC offset sigma in LSB, >= 0
 */
public record AdcNoise(double inlCubic, double thermalSigmaLsb, double gainSigma, double offsetSigmaLsb) {
    /** Validates the fields. */
    public AdcNoise {
        if (!(Math.abs(inlCubic) < 1)) {
            throw new IllegalArgumentException("noise.inlCubic must be in (-1, 1): " + inlCubic);
        }
        if (!(thermalSigmaLsb >= 0) || !(gainSigma >= 0) || !(offsetSigmaLsb >= 0)
                || Double.isInfinite(thermalSigmaLsb + gainSigma + offsetSigmaLsb)) {
            throw new IllegalArgumentException("noise sigmas must be finite and >= 0: thermal " + thermalSigmaLsb
                    + ", gain " + gainSigma + ", offset " + offsetSigmaLsb);
        }
    }

    /**
     * The study's default: a 10 % compressive cubic INL at full scale, 0.5 LSB thermal noise, 2 %
     * per-ADC gain and 0.5 LSB per-ADC offset spread. Illustrative values of the order measured on
     * SAR ADCs in PIM macros, not the figures of any one chip.
     */
    public static AdcNoise typical() {
        return new AdcNoise(-0.1, 0.5, 0.02, 0.5);
    }

    /** {@code adc} with these non-idealities (unchanged if {@code adc} is ideal). */
    public AdcConfig applyTo(AdcConfig adc) {
        if (adc.isIdeal()) {
            return adc;
        }
        return adc.withTransfer(0, 0, List.of(0.0, inlCubic), List.of())
                .withThermalNoise(ThermalNoiseConfig.ofLsb(thermalSigmaLsb))
                .withVariation(new AdcVariationConfig(gainSigma, offsetSigmaLsb));
    }
}
