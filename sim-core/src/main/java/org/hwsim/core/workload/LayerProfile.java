package org.hwsim.core.workload;

import java.util.List;

/**
 * The shapes and exact counts of one layer, for one batch of {@link NetworkSpec#batch()} samples.
 *
 * <p>Shapes are per sample (no batch dimension). MACs, element operations and activation bytes
 * cover the whole batch; parameters and weight bytes are one copy of the weights. Byte counts use
 * each tensor's own element width: a layer's weights and output at {@link #elementBytes()}, each
 * input at the width of the layer (or network input) that produced it.
 *
 * @param index position of the layer in {@link NetworkSpec#layers()}
 * @param layer the layer
 * @param inputShapes shapes of {@link LayerSpec#inputs()}, in the same order
 * @param outputShape the inferred output shape
 * @param macs multiply-accumulates, dense (see {@link LayerOp} for the convention)
 * @param effectiveMacs {@code round(macs * (1 - weightSparsity))}: MACs left when zero weights are
 *     skipped
 * @param elementOps scalar operations other than MACs ({@link LayerOp#elementOps})
 * @param parameters learned parameters (weights, biases, batch norm gamma and beta)
 * @param weightBytes {@code parameters * elementBytes}
 * @param inputBytes bytes of all input tensors the layer reads
 * @param activationBytes bytes of the output tensor: {@code outputShape.elementCount() * batch *
 *     elementBytes}
 * @param elementBytes width of this layer's weights and output elements in bytes
 */
public record LayerProfile(
        int index,
        LayerSpec layer,
        List<TensorShape> inputShapes,
        TensorShape outputShape,
        long macs,
        long effectiveMacs,
        long elementOps,
        long parameters,
        long weightBytes,
        long inputBytes,
        long activationBytes,
        int elementBytes) {

    /** Checks the fields for consistency. */
    public LayerProfile {
        if (layer == null || inputShapes == null || outputShape == null) {
            throw new WorkloadFormatException("layer, inputShapes and outputShape must not be null");
        }
        inputShapes = List.copyOf(inputShapes);
        if (index < 0 || macs < 0 || elementOps < 0 || parameters < 0 || weightBytes < 0
                || inputBytes < 0 || activationBytes < 0 || elementBytes < 1) {
            throw new WorkloadFormatException("index and counts must be >= 0: layer " + layer.name());
        }
        if (effectiveMacs < 0 || effectiveMacs > macs) {
            throw new WorkloadFormatException(
                    "effectiveMacs must be in [0, macs = " + macs + "]: " + effectiveMacs);
        }
    }

    /** The layer's name. */
    public String name() {
        return layer.name();
    }

    /** The layer's type id, e.g. {@code "conv2d"}. */
    public String typeId() {
        return layer.op().typeId();
    }

    /** The layer's operation. */
    public LayerOp op() {
        return layer.op();
    }
}
