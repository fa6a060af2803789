package org.hwsim.core.workload;

import java.util.List;

/**
 * One named layer of a {@link NetworkSpec}: what it computes and which tensors it reads.
 *
 * @param name unique within the network (layers and network inputs share one namespace); not
 *     blank, no leading or trailing white space
 * @param inputs names of the tensors it reads, in order: network inputs or other layers' outputs;
 *     at least one; copied
 * @param op the operation
 * @param weightSparsity fraction of the weights that are zero, in [0, 1]; it scales {@link
 *     LayerProfile#effectiveMacs()} only. Non-zero only for ops with {@link LayerOp#hasWeights()
 *     weights}.
 * @param elementBytes width in bytes of this layer's weights and output elements, in [1, {@link
 *     NetworkSpec#MAX_BYTES_PER_ELEMENT}], or 0 for the network's {@link
 *     NetworkSpec#bytesPerElement()}: mixed precision, e.g. an int8 network whose softmax runs in
 *     fp16 (2)
 */
public record LayerSpec(
        String name, List<String> inputs, LayerOp op, double weightSparsity, int elementBytes) {

    /** Element width meaning "the network's". */
    public static final int NETWORK_ELEMENT_BYTES = 0;

    /** Validates every field (the wiring is checked by {@link NetworkSpec}). */
    public LayerSpec {
        checkName("name", name);
        if (inputs == null) {
            throw new WorkloadFormatException("inputs must not be null");
        }
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new WorkloadFormatException("inputs must name at least one tensor: []");
        }
        for (String input : inputs) {
            checkName("inputs", input);
        }
        if (op == null) {
            throw new WorkloadFormatException("op must not be null");
        }
        if (!(weightSparsity >= 0.0 && weightSparsity <= 1.0)) {
            throw new WorkloadFormatException("weightSparsity must be in [0, 1]: " + weightSparsity);
        }
        if (weightSparsity != 0.0 && !op.hasWeights()) {
            throw new WorkloadFormatException(
                    "weightSparsity must be 0 for "
                            + op.typeId()
                            + ", which has no weights (only conv2d, depthwise_conv2d, conv3d and linear do): "
                            + weightSparsity);
        }
        if (elementBytes < 0 || elementBytes > NetworkSpec.MAX_BYTES_PER_ELEMENT) {
            throw new WorkloadFormatException(
                    "elementBytes must be 0 (the network's) or in [1, "
                            + NetworkSpec.MAX_BYTES_PER_ELEMENT + "]: " + elementBytes);
        }
    }

    /** A layer at the network's element width. */
    public LayerSpec(String name, List<String> inputs, LayerOp op, double weightSparsity) {
        this(name, inputs, op, weightSparsity, NETWORK_ELEMENT_BYTES);
    }

    /** A dense layer (sparsity 0) reading {@code inputs}. */
    public static LayerSpec of(String name, LayerOp op, String... inputs) {
        return new LayerSpec(name, List.of(inputs), op, 0.0);
    }

    /** This layer with another weight sparsity fraction. */
    public LayerSpec withWeightSparsity(double weightSparsity) {
        return new LayerSpec(name, inputs, op, weightSparsity, elementBytes);
    }

    /** This layer with its own element width ({@link #NETWORK_ELEMENT_BYTES} for the network's). */
    public LayerSpec withElementBytes(int elementBytes) {
        return new LayerSpec(name, inputs, op, weightSparsity, elementBytes);
    }

    /** The width this layer's elements have in a network of width {@code networkBytes}. */
    public int elementBytesIn(int networkBytes) {
        return elementBytes == NETWORK_ELEMENT_BYTES ? networkBytes : elementBytes;
    }

    static void checkName(String field, String name) {
        if (name == null || name.isBlank() || !name.strip().equals(name)) {
            throw new WorkloadFormatException(
                    field + " must be a non-blank name without leading or trailing spaces: "
                            + (name == null ? "null" : "'" + name + "'"));
        }
    }
}
