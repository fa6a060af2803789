package org.hwsim.core.workload;

/**
 * One entry of the {@link NetworkZoo}: a stable id, what the network is, its standard input and a
 * builder for other input sizes.
 *
 * @param id the stable id used in configs, the command line and reports, e.g. {@code "resnet50"}
 * @param description one line: the network and the definition it follows
 * @param defaultHeightPx standard input height (for a sequence model: the sequence length; for a
 *     volume model: the edge of a cubic input)
 * @param defaultWidthPx standard input width (equal to the height for square and 1D inputs)
 * @param builder builds the network at a given input size
 */
public record ZooModel(
        String id, String description, int defaultHeightPx, int defaultWidthPx, Builder builder) {

    /** Builds a network at an input size; throws {@link WorkloadFormatException} if it cannot. */
    @FunctionalInterface
    public interface Builder {
        /** The network at {@code heightPx x widthPx}, named {@code name}. */
        NetworkSpec build(String name, int heightPx, int widthPx);
    }

    /** Validates the fields. */
    public ZooModel {
        LayerSpec.checkName("id", id);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank: " + id);
        }
        if (defaultHeightPx < 1 || defaultWidthPx < 1 || builder == null) {
            throw new IllegalArgumentException("default input must be >= 1 and builder set: " + id);
        }
    }

    /** The network at its standard input, named {@link #id()}. */
    public NetworkSpec build() {
        return builder.build(id, defaultHeightPx, defaultWidthPx);
    }

    /**
     * The network at {@code heightPx x widthPx}; named {@link #id()} at the standard input and
     * {@code id-HxW} otherwise (e.g. {@code "resnet50-160x160"}).
     *
     * @throws WorkloadFormatException if the network cannot take that input, naming the limit
     */
    public NetworkSpec build(int heightPx, int widthPx) {
        if (heightPx == defaultHeightPx && widthPx == defaultWidthPx) {
            return build();
        }
        if (heightPx < 1 || widthPx < 1) {
            throw new WorkloadFormatException(
                    "input of " + id + " must be >= 1 in both dimensions: " + heightPx + "x" + widthPx);
        }
        return builder.build(id + "-" + heightPx + "x" + widthPx, heightPx, widthPx);
    }

    /** A builder for networks whose input cannot change. */
    static Builder fixed(String id, int heightPx, int widthPx, java.util.function.Supplier<NetworkSpec> spec) {
        return (name, h, w) -> {
            if (h != heightPx || w != widthPx) {
                throw new WorkloadFormatException(
                        "input of " + id + " is fixed at " + heightPx + "x" + widthPx + ": " + h + "x" + w);
            }
            return spec.get().withName(name);
        };
    }
}
