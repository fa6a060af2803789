/**
 * Named random streams: one master seed per run, one independent generator per component path,
 * from Commons RNG. Distributions are Commons RNG samplers (e.g. {@code ZigguratSampler}, about
 * 2-3 ns a Gaussian draw) or Commons Math distributions built over a stream.
 */
package org.hwsim.core.random;
