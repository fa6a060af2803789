package org.hwsim.core.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A neural network as a directed acyclic graph of named layers, with its element width.
 *
 * <p>Layers read network inputs or other layers' outputs by name; a sequential chain is the
 * common case. Layers may be declared in any order as long as the graph has no cycle. Creating a
 * spec validates everything at once: names are unique, every input reference resolves, there is
 * no cycle, every network input is read, and every layer accepts its input shapes (shape
 * inference). A spec that exists is therefore valid, and {@link #profile()} cannot fail.
 *
 * <p>Errors are {@link WorkloadFormatException}s naming the layer by index and name, e.g. {@code
 * "layers[12] 'fc' (linear): inFeatures must equal the input's 512 features: 2048"}.
 *
 * @param name a label for reports, e.g. {@code "resnet50"}; not blank
 * @param inputs the network inputs; at least one
 * @param layers the layers; at least one
 * @param bytesPerElement width of weight and activation elements in bytes, in [1, 8] (1 =
 *     int8, 2 = fp16/bf16, 4 = fp32); a layer may override it ({@link LayerSpec#elementBytes()})
 * @param batch samples per inference, at least 1: the profile's MAC, operation and activation
 *     counts cover the whole batch, its parameters and weight bytes one copy of the weights
 */
public record NetworkSpec(
        String name,
        List<NetworkInput> inputs,
        List<LayerSpec> layers,
        int bytesPerElement,
        int batch) {

    /** Default element width: 1 byte (int8 inference). */
    public static final int DEFAULT_BYTES_PER_ELEMENT = 1;

    /** Largest element width in bytes (float64). */
    public static final int MAX_BYTES_PER_ELEMENT = 8;

    /** Validates the graph and infers every shape. */
    public NetworkSpec {
        LayerSpec.checkName("name", name);
        if (inputs == null || layers == null) {
            throw new WorkloadFormatException("inputs and layers must not be null");
        }
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        if (bytesPerElement < 1 || bytesPerElement > MAX_BYTES_PER_ELEMENT) {
            throw new WorkloadFormatException(
                    "bytesPerElement must be in [1, " + MAX_BYTES_PER_ELEMENT + "]: " + bytesPerElement);
        }
        if (batch < 1) {
            throw new WorkloadFormatException("batch must be >= 1: " + batch);
        }
        GraphAnalysis.check(inputs, layers);
    }

    /** A network of batch 1. */
    public NetworkSpec(
            String name, List<NetworkInput> inputs, List<LayerSpec> layers, int bytesPerElement) {
        this(name, inputs, layers, bytesPerElement, 1);
    }

    /** A builder for a network named {@code name}; see {@link Builder}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Shapes and exact counts of every layer and their totals. Runs in time linear in the number of
     * layers and edges; the result is immutable, keep it rather than recomputing in a loop.
     */
    public NetworkProfile profile() {
        return GraphAnalysis.profile(this);
    }

    /** This network with another default element width (layers with their own keep it). */
    public NetworkSpec withBytesPerElement(int bytesPerElement) {
        return new NetworkSpec(name, inputs, layers, bytesPerElement, batch);
    }

    /** This network with another batch size. */
    public NetworkSpec withBatch(int batch) {
        return new NetworkSpec(name, inputs, layers, bytesPerElement, batch);
    }

    /** This network under another name. */
    public NetworkSpec withName(String name) {
        return new NetworkSpec(name, inputs, layers, bytesPerElement, batch);
    }

    /**
     * This network with the same weight sparsity on every layer that has weights (convolutions and
     * linear layers) and the others unchanged.
     */
    public NetworkSpec withUniformWeightSparsity(double weightSparsity) {
        List<LayerSpec> sparse = new ArrayList<>(layers.size());
        for (LayerSpec layer : layers) {
            sparse.add(layer.op().hasWeights() ? layer.withWeightSparsity(weightSparsity) : layer);
        }
        return new NetworkSpec(name, inputs, sparse, bytesPerElement, batch);
    }

    /** The layer named {@code name}, if there is one. */
    public Optional<LayerSpec> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /**
     * Assembles a {@link NetworkSpec} layer by layer. A layer added without explicit inputs reads
     * the previously added layer (or the only network input, for the first layer), so a chain is
     * written as a sequence of {@link #layer(String, LayerOp, String...)} calls. Not thread-safe;
     * validation happens in {@link #build()}.
     *
     * <pre>{@code
     * NetworkSpec net = NetworkSpec.builder("tiny")
     *     .input("image", TensorShape.chw(3, 32, 32))
     *     .then("conv", LayerOp.conv2d(16, 3, 1, 1, false))
     *     .then("relu", LayerOp.relu())
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final String name;
        private final Map<String, NetworkInput> inputs = new LinkedHashMap<>();
        private final List<LayerSpec> layers = new ArrayList<>();
        private int bytesPerElement = DEFAULT_BYTES_PER_ELEMENT;
        private int batch = 1;
        private String last;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a network input; the first input is the implicit input of the first layer. */
        public Builder input(String name, TensorShape shape) {
            inputs.put(name, new NetworkInput(name, shape));
            if (last == null) {
                last = name;
            }
            return this;
        }

        /** Sets the element width in bytes (default 1). */
        public Builder bytesPerElement(int bytesPerElement) {
            this.bytesPerElement = bytesPerElement;
            return this;
        }

        /** Sets the batch size (default 1). */
        public Builder batch(int batch) {
            this.batch = batch;
            return this;
        }

        /**
         * Adds a layer reading {@code inputs}, or the previous layer if none are given, and returns
         * its name so that branches can refer to it.
         */
        public String layer(String name, LayerOp op, String... inputs) {
            String[] reads = inputs.length > 0 ? inputs : new String[] {requireLast()};
            layers.add(LayerSpec.of(name, op, reads));
            last = name;
            return name;
        }

        /** Adds a layer reading the previous layer; chainable. */
        public Builder then(String name, LayerOp op) {
            layer(name, op);
            return this;
        }

        /** Name of the most recently added layer (or the first input if no layer was added). */
        public String last() {
            return requireLast();
        }

        /** Validates and returns the network. */
        public NetworkSpec build() {
            return new NetworkSpec(name, List.copyOf(inputs.values()), layers, bytesPerElement, batch);
        }

        private String requireLast() {
            if (last == null) {
                throw new IllegalStateException("add an input before the first layer");
            }
            return last;
        }
    }
}
