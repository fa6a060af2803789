package org.hwsim.pim.convert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Thermal noise at the ADC input: one zero-mean Gaussian per column per conversion.
 *
 * <p>Either {@code sigmaLsb} directly, or from kT/C: sigma = sqrt(k T / C) volts (Johns and
 * Martin, "Analog Integrated Circuit Design", Wiley 1997, Sec. 1.4), expressed in LSB of an ADC
 * whose full-scale range spans {@code fullScaleV} volts. Example: C = 100 fF at 300 K gives
 * 203 uV rms; an 8-bit bipolar ADC over 1 V has an LSB of 1/128 V = 7.8 mV, so sigma = 0.026 LSB.
 *
 * @param sigmaLsb sigma in LSB, at least 0 (0 with no capacitance = no noise)
 * @param capacitanceF sampling capacitance in farads; 0 = use {@code sigmaLsb}
 * @param temperatureK temperature in kelvin (default 300)
 * @param fullScaleV the voltage that the ADC's full-scale range spans (default 1)
 */
public record ThermalNoiseConfig(double sigmaLsb, double capacitanceF, double temperatureK, double fullScaleV) {
    /** Boltzmann's constant in J/K (CODATA 2018, exact since the 2019 SI redefinition). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;

    /** Validates every field. */
    public ThermalNoiseConfig {
        if (!(sigmaLsb >= 0) || Double.isInfinite(sigmaLsb)) {
            throw new IllegalArgumentException("adc.thermalNoise.sigmaLsb must be finite and >= 0: " + sigmaLsb);
        }
        if (!(capacitanceF >= 0) || Double.isInfinite(capacitanceF)) {
            throw new IllegalArgumentException("adc.thermalNoise.capacitanceF must be finite and >= 0: " + capacitanceF);
        }
        if (!(temperatureK > 0) || Double.isInfinite(temperatureK)) {
            throw new IllegalArgumentException("adc.thermalNoise.temperatureK must be positive: " + temperatureK);
        }
        if (!(fullScaleV > 0) || Double.isInfinite(fullScaleV)) {
            throw new IllegalArgumentException("adc.thermalNoise.fullScaleV must be positive: " + fullScaleV);
        }
        if (sigmaLsb > 0 && capacitanceF > 0) {
            throw new IllegalArgumentException("adc.thermalNoise: give sigmaLsb or capacitanceF, not both: "
                    + sigmaLsb + ", " + capacitanceF);
        }
    }

    @JsonCreator
    static ThermalNoiseConfig fromConfig(@JsonProperty("sigmaLsb") Double sigmaLsb,
                                         @JsonProperty("capacitanceF") Double capacitanceF,
                                         @JsonProperty("temperatureK") Double temperatureK,
                                         @JsonProperty("fullScaleV") Double fullScaleV) {
        return new ThermalNoiseConfig(sigmaLsb == null ? 0 : sigmaLsb, capacitanceF == null ? 0 : capacitanceF,
                temperatureK == null ? 300 : temperatureK, fullScaleV == null ? 1 : fullScaleV);
    }

    /** No thermal noise. */
    public static ThermalNoiseConfig none() {
        return new ThermalNoiseConfig(0, 0, 300, 1);
    }

    /** Noise of this many LSB rms. */
    public static ThermalNoiseConfig ofLsb(double sigmaLsb) {
        return new ThermalNoiseConfig(sigmaLsb, 0, 300, 1);
    }

    /** True if there is no noise. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNone() {
        return sigmaLsb == 0 && capacitanceF == 0;
    }

    /** Sigma in LSB of an ADC with {@code codes} codes over its full-scale range. */
    public double sigmaLsb(long codes) {
        if (capacitanceF == 0) {
            return sigmaLsb;
        }
        double sigmaV = Math.sqrt(BOLTZMANN_J_PER_K * temperatureK / capacitanceF);
        return sigmaV / (fullScaleV / codes);
    }
}
