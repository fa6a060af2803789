/**
 * Inference runtimes (TensorRT, TF-TRT, TensorFlow, PyTorch, TFLite, ncnn, Paddle Lite, Darknet)
 * as data read from {@code org/hwsim/edge/runtimes.yaml}: the paths by which each reaches a
 * device's units (CPU backend, GPU delegate, NNAPI, DLA) with their precisions, unsupported
 * operators and fallbacks, and the graph rewrites ({@link org.hwsim.edge.runtime.FusionRule}) its
 * compiler applies, each with the documentation it comes from.
 */
package org.hwsim.edge.runtime;
