package org.hwsim.pim.array;

import org.hwsim.core.random.RandomStreams;

/**
 * A weight matrix held in analog PIM tiles that computes {@code y = x W} for input vectors
 * {@code x} (length {@link #rows()}), giving outputs of length {@link #cols()}, through the DAC,
 * the analog array, the ADCs and the digital recombination of the configured scheme.
 *
 * <p>Contract: with ideal settings (analog weights, ideal DAC and ADC, ideal devices) the result
 * equals the exact product to float rounding. The same weights, configuration, master seed and
 * call sequence give bit-identical outputs. Calls allocate nothing beyond what the caller passes
 * in (working buffers are sized at creation). Not thread-safe: each training thread programs its
 * own crossbar.
 *
 * <p>Errors: a vector of the wrong length, or holding NaN or an infinity, throws
 * {@link IllegalArgumentException} naming the argument, the index and the value.
 */
public interface Crossbar {
    /** Input length (wordlines). */
    int rows();

    /** Output length (weight columns). */
    int cols();

    /** The tile configuration. */
    CrossbarConfig config();

    /** Computes one product: {@code y[j] = sum_i x[i] W[i][j]} as the hardware would. */
    void mvm(float[] x, float[] y);

    /**
     * Computes a batch: {@code ys[b] = xs[b] W} for every {@code b < xs.length}, in order (noise
     * draws follow the vector order, so a batch equals the same vectors one at a time).
     */
    void mvm(float[][] xs, float[][] ys);

    /**
     * Sets the ADC full-scale range of every tile to the largest column-sum magnitude these
     * inputs produce (noise-free), the {@code calibrated} range mode. Counts nothing.
     */
    void calibrateAdcRange(float[][] xs);

    /** Sets the ADC full-scale range in column-sum units (the {@code learned} range mode). */
    void setAdcRange(double fullScale);

    /** A snapshot of the action counts since creation or the last {@link #resetCounters()}. */
    PimCounters counters();

    /** Sets every action count to zero. */
    void resetCounters();

    /**
     * Programs {@code weights[rows][cols]} into one tile of exactly that size.
     *
     * @param weights the matrix, row {@code i} multiplying input {@code i}; copied
     * @param config the tile; its {@code rows} and {@code cols} must equal the matrix's
     * @param streams the run's random streams
     * @param path the tile's component path; its streams are {@code path + "/program"},
     *     {@code "/read-noise"}, {@code "/adc-thermal"} and {@code "/adc-variation"}
     * @throws IllegalArgumentException naming the field and value if the shapes do not fit or a
     *     weight is not finite
     */
    static Crossbar tile(float[][] weights, CrossbarConfig config, RandomStreams streams, String path) {
        return new TileCrossbar(weights, config, streams, path);
    }
}
