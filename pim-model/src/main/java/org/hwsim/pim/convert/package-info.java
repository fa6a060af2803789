/**
 * The converters at the edges of a crossbar: the DAC that turns digital inputs into wordline
 * voltages and the ADC that turns analog column sums into codes, with the ADC's non-idealities.
 *
 * <p>ADC semantics, stated once: {@code bits = 0} (written {@code ideal} in a config) means no
 * quantization and no clipping at all, the analog value passes through unchanged. With {@code
 * bits = n > 0} the ADC has {@code 2^n} codes over its full-scale range {@code R} (in column-sum
 * units, see {@link org.hwsim.pim.convert.Adc}): bipolar codes {@code -2^(n-1) .. 2^(n-1)-1} with
 * {@code LSB = R / 2^(n-1)}, unipolar codes {@code 0 .. 2^n - 1} with {@code LSB = R / 2^n}; the
 * output is the code times the LSB, so an ideal transfer errs by at most half an LSB inside the
 * range. Range modes (fixed, max-possible, calibrated from data, learned) follow NeuroSim and
 * CrossSim practice (Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021; Xiao et al.,
 * arXiv:2109.01262, Sec. IV) and PIM-QAT's learned rescaling (Jin et al., arXiv:2209.08617).
 *
 * <p>Non-idealities (PIM-QAT Sec. 4): a transfer curve with gain and offset errors, integral
 * non-linearity as a polynomial in the normalised input, or an explicit table of code thresholds;
 * thermal noise at the ADC input, one Gaussian per column per conversion, with sigma in LSB or
 * from kT/C (Johns and Martin, "Analog Integrated Circuit Design", 1997, Sec. 1.4: the sampled
 * noise of a capacitor C is sqrt(kT/C) volts rms); per-ADC gain and offset variation drawn once
 * from a named random stream.
 */
package org.hwsim.pim.convert;
