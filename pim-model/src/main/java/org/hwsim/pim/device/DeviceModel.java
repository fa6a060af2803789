package org.hwsim.pim.device;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Writes target conductances into devices and states their read-noise variance.
 *
 * <p>Conductances are in level units (see the package documentation). Draws come from the
 * stream given at creation, in a fixed order per device: one uniform for stuck-at faults (if any
 * rate is non-zero), one Gaussian for programming variation (if on), one Gaussian for the drift
 * exponent (if its spread is non-zero). Not thread-safe.
 */
public interface DeviceModel {
    /** The conductance a device holds at read time after being programmed to {@code targetLevel}. */
    double program(double targetLevel);

    /**
     * The read-noise variance of a device of conductance {@code level}, divided by
     * {@code readNoise^2} (so that integer conductances give integer values; multiply by
     * {@link #readNoiseSigma()} squared for the variance in level units squared).
     */
    double unitReadVariance(double level);

    /** The read-noise sigma factor ({@code DeviceConfig.readNoise}); 0 = no read noise. */
    double readNoiseSigma();

    /**
     * The model for cells with {@code levels} conductance steps.
     *
     * @param config the non-idealities
     * @param cell the conductance range
     * @param levels conductance steps per cell ({@code 2^cellBits - 1}, or 1 for analog weights)
     * @param program the stream programming draws from
     */
    static DeviceModel create(DeviceConfig config, CellConfig cell, int levels, UniformRandomProvider program) {
        return new GaussianDeviceModel(config, cell, levels, program);
    }
}
