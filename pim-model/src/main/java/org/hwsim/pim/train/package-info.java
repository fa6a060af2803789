/**
 * PIM-aware training on DL4J: dense ({@link org.hwsim.pim.train.PimDense}) and convolutional
 * ({@link org.hwsim.pim.train.PimConv}) layers whose forward pass runs the crossbar model of
 * {@code org.hwsim.pim.array} (weight quantization to cell levels, DAC, per-tile analog sums, the
 * ADC's PIM quantization under the chosen decomposition scheme, its non-linearity and thermal
 * noise from the layer's named streams), and the methods and study of PIM-QAT (Jin, Chen, Ren,
 * Li, Wang and Yang, "PIM-QAT: Neural Network Quantization for Processing-In-Memory (PIM)
 * Systems", arXiv:2209.08617, 2022).
 *
 * <p>Backward pass: the straight-through estimator (Bengio, Leonard and Courville,
 * arXiv:1308.3432, 2013) treats the PIM product as the exact product {@code x W}. Rescaling, after
 * PIM-QAT's forward/backward rescaling: the PIM output is multiplied by {@code eta = ||x W|| / ||PIM(x, W)||} (per
 * training batch; fixed at deployment from the calibration batch), which keeps the layer's
 * output scale that of the exact product however coarse the ADC, and the straight-through
 * gradients are multiplied by the same {@code eta}, the derivative of the rescaled product under
 * the estimator. This is a simplified form of the paper's rescaling (which derives its factors
 * from the quantizer's statistics), stated here as implemented.
 *
 * <p>Batch-norm calibration (as in PIM-QAT) re-estimates each batch-norm layer's running mean and
 * variance from its inputs through the deployed PIM model on calibration data; adjusted precision
 * training (also PIM-QAT) trains at another ADC resolution than the deployed one.
 */
package org.hwsim.pim.train;
