/**
 * Analog processing-in-memory (PIM) model: crossbar tiles that compute matrix-vector products as
 * analog column sums, the converters at their edges, the decomposition schemes that split inputs
 * and weights into what the analog array can hold, and the tiling of whole layers onto tiles.
 *
 * <p>The quantization model follows PIM-QAT (Jin et al., "PIM-QAT: Neural Network Quantization
 * for Processing-In-Memory (PIM) Systems", arXiv:2209.08617, 2022): each analog partial sum passes
 * through a low-resolution "PIM quantization" step (the ADC), with non-ideal linearity and thermal
 * noise. Device non-idealities follow the models of IBM's aihwkit (Rasch et al., "A flexible and
 * fast PyTorch toolkit for simulating training and inference on analog crossbar arrays", AICAS
 * 2021, arXiv:2104.02184) and Sandia's CrossSim (Xiao et al., "On the Accuracy of Analog Neural
 * Network Inference Accelerators", IEEE CAS Magazine 2022, arXiv:2109.01262).
 *
 * <p>Sub-packages: {@code device} (cells and their non-idealities), {@code convert} (DAC and ADC),
 * {@code scheme} (decomposition schemes), {@code array} (one crossbar tile), {@code tiling}
 * (matrices and convolutions on many tiles), {@code cost} (energy and latency per action).
 */
package org.hwsim.pim;
