package org.hwsim.core.workload;

/**
 * A named input tensor of a {@link NetworkSpec} (batch dimension excluded).
 *
 * @param name the name layers use to read it; not blank
 * @param shape its shape, e.g. {@code [3, 224, 224]}
 */
public record NetworkInput(String name, TensorShape shape) {

    /** Validates both fields. */
    public NetworkInput {
        LayerSpec.checkName("name", name);
        if (shape == null) {
            throw new WorkloadFormatException("shape must not be null");
        }
    }
}
