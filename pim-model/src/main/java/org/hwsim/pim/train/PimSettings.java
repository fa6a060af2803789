package org.hwsim.pim.train;

import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;

/**
 * How a PIM layer computes its product: the crossbar tile it is programmed onto (size, scheme,
 * weight and cell bits, DAC, ADC, devices), whether the PIM-QAT forward/backward rescaling is on,
 * and the master seed of the layer's random streams.
 *
 * <p>A layer's weight matrix larger than the tile is spread over several tiles whose partial sums
 * are converted separately and added digitally ({@code Tiling.program}); a matrix smaller than
 * the tile is programmed onto a tile of exactly its size (unused rows and columns carry nothing,
 * and with a {@code calibrated} ADC range they change nothing).
 *
 * @param tile the tile configuration; its {@code rows x cols} is the largest tile
 * @param rescale whether the PIM-QAT rescaling is applied: the PIM output is multiplied by
 *     {@code eta = ||x W|| / ||PIM(x, W)||} (over the batch in training, over the calibration
 *     batch once deployed) and the straight-through gradients by the same {@code eta}
 * @param seed master seed of the layer's {@code RandomStreams} (programming variation, read
 *     noise, ADC thermal noise and variation)
 */
public record PimSettings(CrossbarConfig tile, boolean rescale, long seed) {
    /** Validates the fields. */
    public PimSettings {
        if (tile == null) {
            throw new IllegalArgumentException("tile must be given: null");
        }
    }

    /**
     * The exact product on ND4J precision: analog weights, ideal DAC and ADC, ideal devices, no
     * rescaling. The layer's forward pass then equals {@code x W} to float rounding; the path on
     * which gradients are checked against finite differences.
     */
    public static PimSettings ideal(int tileRows, int tileCols) {
        return new PimSettings(CrossbarConfig.of(tileRows, tileCols, Decomposition.NATIVE, 0, DacConfig.ideal(),
                AdcConfig.ideal()), false, 1);
    }

    /**
     * Quantized weights and inputs with an ADC of {@code adcBits} (0 = ideal, i.e. conventional
     * digital QAT) whose range is calibrated from data; unsigned inputs (images and ReLU outputs).
     */
    public static PimSettings quantized(int tileRows, int tileCols, Decomposition scheme, int weightBits,
                                        int inputBits, int adcBits, boolean rescale, long seed) {
        return quantized(tileRows, tileCols, scheme, weightBits, inputBits, adcBits, AdcRangeMode.CALIBRATED, rescale,
                seed);
    }

    /**
     * As {@link #quantized(int, int, Decomposition, int, int, int, boolean, long)} with the ADC range
     * set by {@code adcRange}: {@code calibrated} (from the first batch after programming) or
     * {@code max-possible} (the tile's largest possible column sum, fixed).
     */
    public static PimSettings quantized(int tileRows, int tileCols, Decomposition scheme, int weightBits,
                                        int inputBits, int adcBits, AdcRangeMode adcRange, boolean rescale,
                                        long seed) {
        if (adcRange != AdcRangeMode.CALIBRATED && adcRange != AdcRangeMode.MAX_POSSIBLE) {
            throw new IllegalArgumentException("adcRange must be calibrated or max-possible: "
                    + (adcRange == null ? "null" : adcRange.id()));
        }
        AdcConfig adc = AdcConfig.linear(adcBits).withRange(adcRange, 0);
        DacConfig dac = new DacConfig(inputBits, false, DacConfig.PER_VECTOR, 0);
        return new PimSettings(CrossbarConfig.of(tileRows, tileCols, scheme, weightBits, dac, adc), rescale, seed);
    }

    /** These settings with another ADC. */
    public PimSettings withAdc(AdcConfig adc) {
        return new PimSettings(tile.withAdc(adc), rescale, seed);
    }

    /** These settings with rescaling on or off. */
    public PimSettings withRescale(boolean rescale) {
        return new PimSettings(tile, rescale, seed);
    }

    /** These settings with another seed. */
    public PimSettings withSeed(long seed) {
        return new PimSettings(tile, rescale, seed);
    }
}
