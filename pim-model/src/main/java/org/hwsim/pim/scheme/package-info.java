/**
 * Decomposition schemes: how inputs and signed weights are split into analog operations whose
 * column sums the ADC converts, and how the digital side recombines them.
 *
 * <p>The three schemes of PIM-QAT (Jin et al., arXiv:2209.08617, Sec. 3 and Fig. 2): native
 * (multi-bit inputs and weights, one analog sum per tile), bit-serial (inputs applied one bit-plane
 * per cycle, each plane converted, then shift-and-add, as in ISAAC: Shafiee et al., ISCA 2016) and
 * differential (positive and negative weights on separate columns, each converted, subtracted
 * digitally). Signed weights in {@code native} and {@code bit-serial} sit on conductance pairs
 * subtracted on the bitline before the ADC: that is the analog-subtraction variant of the
 * differential scheme (CrossSim's "balanced core" with in-array subtraction, Xiao et al.,
 * arXiv:2109.01262). Weight bit slicing (several cells per weight, slices recombined digitally)
 * is orthogonal and set by {@code CrossbarConfig.cellBits}.
 */
package org.hwsim.pim.scheme;
