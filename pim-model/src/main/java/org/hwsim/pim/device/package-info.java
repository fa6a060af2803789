/**
 * Memory cells as programmable conductances and their non-idealities: programming variation,
 * read noise, stuck-at faults and conductance drift. All are off by default and each is seeded
 * from a named random stream.
 *
 * <p>Conductances are handled in level units: one unit is the conductance step
 * {@code (gMaxUs - gMinUs) / (2^cellBits - 1)}, so a cell holding digit {@code d} has conductance
 * {@code gMinLevel + d} with {@code gMinLevel = gMinUs / (gMaxUs - gMinUs) * (2^cellBits - 1)}.
 *
 * <p>Models: programming variation and read noise as Gaussians, state-independent (sigma a
 * fraction of the conductance range) or proportional to the conductance, as in aihwkit's
 * {@code PCMLikeNoiseModel} and CrossSim's error models (Rasch et al., arXiv:2104.02184; Xiao et
 * al., arXiv:2109.01262, Sec. III); stuck-at-off/on faults at given rates (Chen et al., "RRAM
 * defect modeling and failure analysis based on march test and a novel squeeze-search scheme",
 * IEEE Trans. Computers 2015); power-law drift {@code g(t) = g(t0) (t / t0)^-nu} (Ielmini et al.,
 * "Recovery and drift dynamics of resistance and threshold voltages in phase-change memories",
 * IEEE Trans. Electron Devices 54(2), 2007), with nu optionally drawn per device (aihwkit's PCM
 * model: nu about 0.05 with a device-to-device spread).
 *
 * <p>Read noise that is Gaussian and independent per device is applied at the column, exactly in
 * distribution: for inputs {@code x_i} the column current's noise is Gaussian with variance
 * {@code sum_i x_i^2 sigma_ij^2}, so one draw per conversion replaces one per device.
 */
package org.hwsim.pim.device;
