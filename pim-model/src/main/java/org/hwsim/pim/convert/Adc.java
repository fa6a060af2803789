package org.hwsim.pim.convert;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The ADCs of one tile, one per column, converting analog column sums to digital values.
 *
 * <p>Column-sum units: one unit is one input code step times one conductance level step, so an
 * ideal tile's column sum is an exact integer dot product of input codes and weight levels. The
 * digital value returned is the code times the LSB, in the same units (see the package
 * documentation for the codes and the transfer).
 *
 * <p>Not thread-safe: conversions draw thermal noise from the tile's stream, in call order.
 */
public interface Adc {
    /** Resolution in bits; 0 = ideal (no quantization). */
    int bits();

    /** True if the ADC does not quantize. */
    default boolean ideal() {
        return bits() == 0;
    }

    /** True for codes {@code -2^(n-1) .. 2^(n-1)-1}, false for {@code 0 .. 2^n - 1}. */
    boolean bipolar();

    /** Number of columns (one ADC each). */
    int columns();

    /** The full-scale range in column-sum units. */
    double fullScale();

    /**
     * Sets the full-scale range (learned and calibrated modes; also allowed in the others, for
     * studies).
     *
     * @throws IllegalArgumentException if {@code fullScale} is not positive and finite
     */
    void setFullScale(double fullScale);

    /** The LSB in column-sum units; the full scale for an ideal ADC. */
    double lsb();

    /** The thermal noise sigma in LSB; 0 if there is none. */
    double thermalSigmaLsb();

    /** Converts one analog value on {@code column}, drawing one thermal Gaussian if noisy. */
    double convert(double analog, int column);

    /**
     * For every column {@code j}: {@code acc[j] += (float) (weight * convert(analog[j], j))}, in
     * column order, drawing exactly what {@link #convert} would. Allocates nothing.
     */
    void convertAccumulate(float[] analog, double weight, float[] acc);

    /**
     * The ADCs of a tile.
     *
     * @param config the configuration
     * @param columns number of columns, at least 1
     * @param bipolar whether column sums may be negative
     * @param maxPossible the largest column-sum magnitude the tile can produce (the range in
     *     {@code max-possible} mode and before calibration)
     * @param variation the stream per-ADC variation is drawn from (drawn once, here)
     * @param thermal the stream thermal noise is drawn from (one Gaussian per noisy conversion)
     */
    static Adc create(AdcConfig config, int columns, boolean bipolar, double maxPossible,
                      UniformRandomProvider variation, UniformRandomProvider thermal) {
        return new ColumnAdc(config, columns, bipolar, maxPossible, variation, thermal);
    }
}
