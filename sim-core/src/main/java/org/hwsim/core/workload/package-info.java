/**
 * Workload descriptions shared by every model: neural network graphs and I/O trace requests.
 *
 * <h2>Networks</h2>
 *
 * <p>A {@link org.hwsim.core.workload.NetworkSpec} is a directed acyclic graph of named {@link
 * org.hwsim.core.workload.LayerSpec layers}, each an {@link org.hwsim.core.workload.LayerOp}
 * (convolutions, transposed convolutions, linear, matmul, batch and layer norm, activations,
 * pooling, add, mul, concat, slice, reshape, transpose, upsample and resize, pixel shuffle,
 * flatten, pad, softmax, embedding) reading named tensors. Creating a spec infers every tensor
 * shape (batch excluded: {@code [features]}, {@code [C, L]}, {@code [C, H, W]}, {@code [C, D, H,
 * W]}, up to rank 6) and fails early with a {@link
 * org.hwsim.core.workload.WorkloadFormatException} naming the layer, field and value. {@link
 * org.hwsim.core.workload.NetworkSpec#profile()} gives exact {@code long} counts per layer and in
 * total for one batch: MACs, effective MACs under weight sparsity, other element operations,
 * parameters, weight bytes, input and output activation bytes at each tensor's element width
 * (a network default, overridable per layer for mixed precision), plus the graph's topological
 * order and producer/consumer edges, which is what a latency model walks.
 *
 * <p>Counting conventions (detailed in {@link org.hwsim.core.workload.LayerOp}): MACs are the
 * multiply-accumulates of activations with learned weights (convolutions and linear layers only;
 * bias, batch norm, activations, pooling and element-wise ops count zero), as in He et al. 2016,
 * Sandler et al. 2018, torchvision's published GFLOPS and Darknet's BFLOPs / 2. Parameters are
 * counted as PyTorch's {@code model.parameters()} does: weights, biases, batch norm gamma and beta.
 *
 * <p>{@link org.hwsim.core.workload.NetworkFormat} reads and writes the JSON (or YAML) network
 * format; {@link org.hwsim.core.workload.NetworkZoo} builds reference networks by stable id
 * ({@code resnet20-cifar}, {@code resnet18}, {@code resnet50}, {@code mobilenetv2}, {@code vgg16},
 * {@code yolov3-tiny}, {@code sr-small}, {@code voxel3d}) from their papers (He et al., CVPR 2016;
 * Sandler et al., CVPR 2018; Simonyan and Zisserman, ICLR 2015; Redmon and Farhadi,
 * arXiv:1804.02767; Shi et al., CVPR 2016; Cicek et al., MICCAI 2016) and torchvision's and
 * Darknet's definitions, reproducing their published parameter counts exactly.
 *
 * <h2>I/O traces</h2>
 *
 * <p>An {@link org.hwsim.core.workload.IoRequest} is one validated trace record (arrival time in
 * picoseconds, {@link org.hwsim.core.workload.IoOp}, target, byte range, optional content seed),
 * consumed by the flash file-system model; trace-format readers produce them.
 *
 * <p>Every public type here is immutable and thread-safe except {@link
 * org.hwsim.core.workload.NetworkSpec.Builder}.
 */
package org.hwsim.core.workload;
