package org.hwsim.pim.convert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-ADC variation: each column's ADC draws its own gain error (relative, Gaussian with this
 * sigma) and offset (Gaussian, sigma in LSB) once, from the tile's {@code adc-variation} stream.
 *
 * @param gainSigma relative sigma of the gain, at least 0 (0.01 = 1 %)
 * @param offsetSigmaLsb sigma of the offset in LSB, at least 0
 */
public record AdcVariationConfig(double gainSigma, double offsetSigmaLsb) {
    /** Validates every field. */
    public AdcVariationConfig {
        if (!(gainSigma >= 0) || Double.isInfinite(gainSigma)) {
            throw new IllegalArgumentException("adc.variation.gainSigma must be finite and >= 0: " + gainSigma);
        }
        if (!(offsetSigmaLsb >= 0) || Double.isInfinite(offsetSigmaLsb)) {
            throw new IllegalArgumentException("adc.variation.offsetSigmaLsb must be finite and >= 0: " + offsetSigmaLsb);
        }
    }

    @JsonCreator
    static AdcVariationConfig fromConfig(@JsonProperty("gainSigma") Double gainSigma,
                                         @JsonProperty("offsetSigmaLsb") Double offsetSigmaLsb) {
        return new AdcVariationConfig(gainSigma == null ? 0 : gainSigma, offsetSigmaLsb == null ? 0 : offsetSigmaLsb);
    }

    /** No variation. */
    public static AdcVariationConfig none() {
        return new AdcVariationConfig(0, 0);
    }

    /** True if there is no variation. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isNone() {
        return gainSigma == 0 && offsetSigmaLsb == 0;
    }
}
