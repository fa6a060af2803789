package org.hwsim.pim.convert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input DAC: resolution, signedness and input range.
 *
 * <p>An input {@code x} becomes the integer code {@code round(x / range * maxCode)} clipped to
 * {@code [-maxCode, maxCode]} (signed, two's complement bit-planes in bit-serial schemes) or
 * {@code [0, maxCode]} (unsigned; negative inputs clip to 0), with {@code maxCode = 2^(bits-1) - 1}
 * signed and {@code 2^bits - 1} unsigned. {@code bits = 0} is an ideal DAC: the input, divided by
 * the range, drives the array unquantized (not allowed with bit-serial schemes).
 *
 * @param bits resolution in [0, 16]; 0 = ideal; signed needs at least 2
 * @param signed whether inputs may be negative (default true)
 * @param rangeMode {@code per-vector} (range = max |x| of each input vector, the default) or
 *     {@code fixed}
 * @param range the fixed input range in input units (required and positive for {@code fixed})
 */
public record DacConfig(int bits, boolean signed, String rangeMode, double range) {
    /** Range mode id: the range is the largest magnitude of each input vector. */
    public static final String PER_VECTOR = "per-vector";
    /** Range mode id: the range is {@link #range()}. */
    public static final String FIXED = "fixed";

    /** Validates every field. */
    public DacConfig {
        if (bits < 0 || bits > 16) {
            throw new IllegalArgumentException("dac.bits must be in [0, 16] (0 = ideal): " + bits);
        }
        if (signed && bits == 1) {
            throw new IllegalArgumentException("dac.bits must be >= 2 for signed inputs: " + bits);
        }
        if (!PER_VECTOR.equals(rangeMode) && !FIXED.equals(rangeMode)) {
            throw new IllegalArgumentException("dac.rangeMode must be per-vector or fixed: " + rangeMode);
        }
        if (FIXED.equals(rangeMode) && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("dac.range must be positive and finite with rangeMode fixed: " + range);
        }
    }

    /** From a config file; absent fields take their defaults. */
    @JsonCreator
    static DacConfig fromConfig(@JsonProperty("bits") Integer bits, @JsonProperty("signed") Boolean signed,
                                @JsonProperty("rangeMode") String rangeMode, @JsonProperty("range") Double range) {
        return new DacConfig(bits == null ? 8 : bits, signed == null || signed,
                rangeMode == null ? PER_VECTOR : rangeMode, range == null ? 0 : range);
    }

    /** A signed DAC of this resolution with a per-vector range. */
    public static DacConfig signed(int bits) {
        return new DacConfig(bits, true, PER_VECTOR, 0);
    }

    /** An ideal (unquantized) signed DAC with a per-vector range. */
    public static DacConfig ideal() {
        return signed(0);
    }

    /** True if the DAC does not quantize. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isIdeal() {
        return bits == 0;
    }

    /** The largest code magnitude; 1 for an ideal DAC (inputs are normalised to [-1, 1]). */
    public int maxCode() {
        if (bits == 0) {
            return 1;
        }
        return signed ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    }
}
