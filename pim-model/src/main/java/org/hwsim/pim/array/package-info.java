/**
 * One crossbar tile: weights programmed as conductances, inputs driven through the DAC, column
 * sums converted by the ADCs and recombined digitally according to the decomposition scheme.
 *
 * <p>The arithmetic, for a tile holding weights {@code W[rows][cols]} and an input vector
 * {@code x}: weights are scaled by {@code wMax = max |W|} to levels {@code q = round(|w| / wMax *
 * (2^weightBits - 1))}, split into base-{@code 2^cellBits} digits (slices), and each digit is
 * written to the positive or the negative cell of a pair; inputs become DAC codes; each analog
 * step (one per bit-plane in bit-serial schemes) gives column sums in level units that the ADC
 * converts; the digital side multiplies by {@code 2^(cellBits * slice)}, the bit-plane weight
 * ({@code -2^(n-1)} for the sign plane of two's complement inputs), the sign of the column, and
 * finally by the input and weight step sizes. This is the PIM quantization of PIM-QAT (Jin et
 * al., arXiv:2209.08617, Eq. 3-5) with the bit slicing of ISAAC (Shafiee et al., "ISAAC: A
 * Convolutional Neural Network Accelerator with In-Situ Analog Arithmetic in Crossbars", ISCA
 * 2016).
 *
 * <p>Fast path: bit-planes are binary, so a plane's column sums are sums of selected rows. Rows
 * are grouped by 4 (by 6 for batches of 8 or more vectors on small tiles) and each group has a
 * table of the partial sums of all its row subsets, built once when the weights are programmed,
 * as LUT-based low-bit GEMM kernels do (Park et al., "LUT-GEMM", arXiv:2206.09557, 2022). When
 * the conductances are integer levels (no programming non-idealities) the tables hold two
 * columns per int in signed 16-bit lanes, which halves the bytes read and the adds; the sums are
 * exact either way, so the choice never changes a result. Thermal and read noise take one Gaussian per conversion
 * from a ziggurat sampler (Marsaglia and Tsang, J. Stat. Softw. 5(8), 2000; McFarland, J. Stat.
 * Comput. Simul. 86(7), 2016) over the tile's named streams.
 */
package org.hwsim.pim.array;
