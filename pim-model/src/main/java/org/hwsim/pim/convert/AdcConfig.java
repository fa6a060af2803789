package org.hwsim.pim.convert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The column ADC: resolution, range and non-idealities (see the package documentation for the
 * exact transfer).
 *
 * <p>The transfer, for an analog column sum {@code s} and full-scale range {@code R}: normalise
 * {@code u = s / R}; apply gain and offset, {@code u' = (1 + gainError) u + offsetErrorLsb * LSB / R};
 * add integral non-linearity {@code sum_k inlCoefficients[k] * u^(k+2)}; add thermal noise; then
 * either round to the nearest code (clipped to the code range if {@code clip}) or, if {@code
 * thresholds} is given, take as code the number of thresholds at or below {@code u'} (plus the
 * lowest code).
 *
 * @param bits resolution in [0, 16]; 0 (written {@code ideal} in a config) = no quantization, no
 *     clipping, no non-linearity
 * @param rangeMode how the full-scale range is chosen (default {@code max-possible})
 * @param range full-scale range in column-sum units, required and positive for {@code fixed}
 *     and {@code learned} (its starting value)
 * @param clip whether codes saturate at the ends of the range (default true); false models an
 *     unbounded quantizer, for separating quantization from clipping error
 * @param gainError relative gain error (0.01 = +1 %)
 * @param offsetErrorLsb offset in LSB
 * @param inlCoefficients polynomial INL: coefficients of u^2, u^3, ... in full-scale units
 * @param thresholds normalised code thresholds in (-1, 1) (bipolar) or (0, 1) (unipolar),
 *     strictly increasing, exactly {@code 2^bits - 1} of them; empty = uniform
 * @param thermalNoise thermal noise at the input (default none)
 * @param variation per-ADC gain and offset variation (default none)
 */
public record AdcConfig(int bits, AdcRangeMode rangeMode, double range, boolean clip, double gainError,
                        double offsetErrorLsb, List<Double> inlCoefficients, List<Double> thresholds,
                        ThermalNoiseConfig thermalNoise, AdcVariationConfig variation) {
    /** Validates every field. */
    public AdcConfig {
        if (bits < 0 || bits > 16) {
            throw new IllegalArgumentException("adc.bits must be in [0, 16] (0 = ideal): " + bits);
        }
        if (rangeMode == null) {
            throw new IllegalArgumentException("adc.rangeMode must be given: null");
        }
        boolean needsRange = rangeMode == AdcRangeMode.FIXED || rangeMode == AdcRangeMode.LEARNED;
        if (needsRange && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("adc.range must be positive and finite with rangeMode "
                    + rangeMode.id() + ": " + range);
        }
        if (!Double.isFinite(gainError) || gainError <= -1) {
            throw new IllegalArgumentException("adc.gainError must be finite and > -1: " + gainError);
        }
        if (!Double.isFinite(offsetErrorLsb)) {
            throw new IllegalArgumentException("adc.offsetErrorLsb must be finite: " + offsetErrorLsb);
        }
        inlCoefficients = List.copyOf(inlCoefficients == null ? List.of() : inlCoefficients);
        thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
        for (int k = 0; k < inlCoefficients.size(); k++) {
            if (!Double.isFinite(inlCoefficients.get(k))) {
                throw new IllegalArgumentException("adc.inlCoefficients[" + k + "] must be finite: " + inlCoefficients.get(k));
            }
        }
        thermalNoise = thermalNoise == null ? ThermalNoiseConfig.none() : thermalNoise;
        variation = variation == null ? AdcVariationConfig.none() : variation;
        if (bits == 0) {
            if (gainError != 0 || offsetErrorLsb != 0 || !inlCoefficients.isEmpty() || !thresholds.isEmpty()
                    || !thermalNoise.isNone() || !variation.isNone()) {
                throw new IllegalArgumentException("adc.bits is 0 (ideal): non-linearity, thermal noise and "
                        + "variation are defined in LSB and need adc.bits > 0: " + bits);
            }
        }
        if (!thresholds.isEmpty()) {
            long expected = (1L << bits) - 1;
            if (thresholds.size() != expected) {
                throw new IllegalArgumentException("adc.thresholds must have 2^bits - 1 = " + expected
                        + " entries: " + thresholds.size());
            }
            for (int k = 0; k < thresholds.size(); k++) {
                double t = thresholds.get(k);
                if (!Double.isFinite(t) || (k > 0 && t <= thresholds.get(k - 1))) {
                    throw new IllegalArgumentException("adc.thresholds[" + k + "] must be finite and strictly "
                            + "increasing: " + t);
                }
            }
        }
    }

    /** From a config file; absent fields take their defaults; {@code bits} may be {@code ideal}. */
    @JsonCreator
    static AdcConfig fromConfig(@JsonProperty("bits") Object bits,
                                @JsonProperty("rangeMode") AdcRangeMode rangeMode,
                                @JsonProperty("range") Double range,
                                @JsonProperty("clip") Boolean clip,
                                @JsonProperty("gainError") Double gainError,
                                @JsonProperty("offsetErrorLsb") Double offsetErrorLsb,
                                @JsonProperty("inlCoefficients") List<Double> inlCoefficients,
                                @JsonProperty("thresholds") List<Double> thresholds,
                                @JsonProperty("thermalNoise") ThermalNoiseConfig thermalNoise,
                                @JsonProperty("variation") AdcVariationConfig variation) {
        return new AdcConfig(parseBits(bits), rangeMode == null ? AdcRangeMode.MAX_POSSIBLE : rangeMode,
                range == null ? 0 : range, clip == null || clip, gainError == null ? 0 : gainError,
                offsetErrorLsb == null ? 0 : offsetErrorLsb, inlCoefficients, thresholds, thermalNoise, variation);
    }

    private static int parseBits(Object bits) {
        if (bits == null) {
            return 8;
        }
        if (bits instanceof Integer i) {
            return i;
        }
        if ("ideal".equals(bits)) {
            return 0;
        }
        throw new IllegalArgumentException("adc.bits must be an integer in [0, 16] or 'ideal': " + bits);
    }

    /** A linear, noiseless ADC of this resolution over the max-possible range. */
    public static AdcConfig linear(int bits) {
        return new AdcConfig(bits, AdcRangeMode.MAX_POSSIBLE, 0, true, 0, 0, List.of(), List.of(),
                ThermalNoiseConfig.none(), AdcVariationConfig.none());
    }

    /** No quantization at all. */
    public static AdcConfig ideal() {
        return linear(0);
    }

    /** True if the ADC does not quantize. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isIdeal() {
        return bits == 0;
    }

    /** This configuration with another range mode and range. */
    public AdcConfig withRange(AdcRangeMode rangeMode, double range) {
        return new AdcConfig(bits, rangeMode, range, clip, gainError, offsetErrorLsb, inlCoefficients, thresholds,
                thermalNoise, variation);
    }

    /** This configuration with clipping on or off. */
    public AdcConfig withClip(boolean clip) {
        return new AdcConfig(bits, rangeMode, range, clip, gainError, offsetErrorLsb, inlCoefficients, thresholds,
                thermalNoise, variation);
    }

    /** This configuration with another thermal noise. */
    public AdcConfig withThermalNoise(ThermalNoiseConfig thermalNoise) {
        return new AdcConfig(bits, rangeMode, range, clip, gainError, offsetErrorLsb, inlCoefficients, thresholds,
                thermalNoise, variation);
    }

    /** This configuration with another transfer curve. */
    public AdcConfig withTransfer(double gainError, double offsetErrorLsb, List<Double> inlCoefficients,
                                  List<Double> thresholds) {
        return new AdcConfig(bits, rangeMode, range, clip, gainError, offsetErrorLsb, inlCoefficients, thresholds,
                thermalNoise, variation);
    }

    /** This configuration with per-ADC variation. */
    public AdcConfig withVariation(AdcVariationConfig variation) {
        return new AdcConfig(bits, rangeMode, range, clip, gainError, offsetErrorLsb, inlCoefficients, thresholds,
                thermalNoise, variation);
    }
}
