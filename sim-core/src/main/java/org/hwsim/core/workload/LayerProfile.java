package org.hwsim.core.workload;

import java.util.List;

/**
 * The shapes and exact counts of one layer, for one sample (batch 1).
 *
 * <p>Byte counts use the network's {@link NetworkSpec#bytesPerElement()} for weights and
 * activations alike.
 *
 * @param index position of the layer in {@link NetworkSpec#layers()}
 * @param layer the layer
 * @param inputShapes shapes of {@link LayerSpec#inputs()}, in the same order
 * @param outputShape the inferred output shape
 * @param macs multiply-accumulates, dense (see {@link LayerOp} for the convention)
 * @param effectiveMacs {@code round(macs * (1 - weightSparsity))}: MACs left when zero weights are
 *     skipped
 * @param parameters learned parameters (weights, biases, batch norm gamma and beta)
 * @param weightBytes {@code parameters * bytesPerElement}
 * @param activationBytes bytes of the output tensor: {@code outputShape.elementCount() *
 *     bytesPerElement}
 */
public record LayerProfile(
    int index,
    LayerSpec layer,
    List<TensorShape> inputShapes,
    TensorShape outputShape,
    long macs,
    long effectiveMacs,
    long parameters,
    long weightBytes,
    long activationBytes) {

  /** Checks the fields for consistency. */
  public LayerProfile {
    if (layer == null || inputShapes == null || outputShape == null) {
      throw new WorkloadFormatException("layer, inputShapes and outputShape must not be null");
    }
    inputShapes = List.copyOf(inputShapes);
    if (index < 0 || macs < 0 || parameters < 0 || weightBytes < 0 || activationBytes < 0) {
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
}
