package org.hwsim.pim.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The study's small networks, with stable ids. */
public enum Architecture {
    /**
     * {@code PimDense(64) - BN - ReLU - PimDense(64) - BN - ReLU - Output(softmax)}; the output
     * layer stays digital, as the first and last layers of quantized networks usually do.
     */
    MLP("mlp"),
    /**
     * {@code PimConv(8, 3x3, pad 1) - BN - ReLU - MaxPool 2 - PimConv(16, 3x3, pad 1) - BN - ReLU -
     * MaxPool 2 - Output(softmax)}; the output layer stays digital.
     */
    CNN("cnn");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** The stable id. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** The architecture with this id; throws naming the value and the known ids. */
    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("network must be one of "
                + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", ")) + ": " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
