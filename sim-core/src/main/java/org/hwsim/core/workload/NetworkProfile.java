package org.hwsim.core.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Per-layer shapes and counts of a {@link NetworkSpec} with network totals and the graph's
 * producer/consumer edges, for one batch of {@link NetworkSpec#batch()} samples. Totals are exact
 * {@code long} sums of the per-layer counts.
 *
 * <p>Example: {@code NetworkZoo.resnet50().profile().macs()} is {@code 4,089,184,256} and {@code
 * parameters()} is {@code 25,557,032}, the figures torchvision publishes for {@code resnet50}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NetworkProfile {
    private final NetworkSpec network;
    private final List<LayerProfile> layers;
    private final List<LayerProfile> topologicalOrder;
    private final List<List<LayerProfile>> producers;
    private final List<List<LayerProfile>> consumers;

    NetworkProfile(NetworkSpec network, List<LayerProfile> layers, int[] order) {
        this.network = network;
        this.layers = List.copyOf(layers);
        List<LayerProfile> ordered = new ArrayList<>(order.length);
        for (int i : order) {
            ordered.add(this.layers.get(i));
        }
        this.topologicalOrder = List.copyOf(ordered);
        java.util.Map<String, LayerProfile> byName = new java.util.HashMap<>();
        List<List<LayerProfile>> consumerLists = new ArrayList<>(layers.size());
        for (LayerProfile layer : this.layers) {
            byName.put(layer.name(), layer);
            consumerLists.add(new ArrayList<>());
        }
        List<List<LayerProfile>> producerLists = new ArrayList<>(layers.size());
        for (LayerProfile layer : this.layers) {
            List<LayerProfile> reads = new ArrayList<>();
            for (String ref : layer.layer().inputs()) {
                LayerProfile producer = byName.get(ref);
                if (producer != null) {
                    reads.add(producer);
                    List<LayerProfile> readers = consumerLists.get(producer.index());
                    if (readers.isEmpty() || readers.get(readers.size() - 1) != layer) {
                        readers.add(layer);
                    }
                }
            }
            producerLists.add(List.copyOf(reads));
        }
        List<List<LayerProfile>> frozen = new ArrayList<>(consumerLists.size());
        consumerLists.forEach(c -> frozen.add(List.copyOf(c)));
        this.producers = List.copyOf(producerLists);
        this.consumers = List.copyOf(frozen);
    }

    /** The network profiled. */
    public NetworkSpec network() {
        return network;
    }

    /** One profile per layer, in the order of {@link NetworkSpec#layers()}. */
    public List<LayerProfile> layers() {
        return layers;
    }

    /**
     * Every layer after all layers it reads: Kahn's order, ties broken by declaration index, so it
     * is deterministic and equals declaration order when that is already topological.
     */
    public List<LayerProfile> topologicalOrder() {
        return topologicalOrder;
    }

    /**
     * The layers whose outputs {@code layer} reads, in the order of its inputs (a layer read twice
     * appears twice); network inputs are not layers and do not appear.
     */
    public List<LayerProfile> producers(LayerProfile layer) {
        return producers.get(layer.index());
    }

    /** The layers that read {@code layer}'s output, in declaration order, each once. */
    public List<LayerProfile> consumers(LayerProfile layer) {
        return consumers.get(layer.index());
    }

    /** Total dense multiply-accumulates. */
    public long macs() {
        return sum(LayerProfile::macs);
    }

    /** Total multiply-accumulates left after skipping zero weights. */
    public long effectiveMacs() {
        return sum(LayerProfile::effectiveMacs);
    }

    /** Total scalar operations other than MACs. */
    public long elementOps() {
        return sum(LayerProfile::elementOps);
    }

    /** Total learned parameters. */
    public long parameters() {
        return sum(LayerProfile::parameters);
    }

    /** Total weight bytes, each layer at its own element width. */
    public long weightBytes() {
        return sum(LayerProfile::weightBytes);
    }

    /**
     * Sum of every layer's output bytes: the activation traffic written if no layer is fused or
     * computed in place (not the peak memory).
     */
    public long activationBytes() {
        return sum(LayerProfile::activationBytes);
    }

    /** Bytes of all network inputs together, for the whole batch. */
    public long inputBytes() {
        long total = 0;
        for (NetworkInput input : network.inputs()) {
            total = Math.addExact(total,
                    input.shape().elementCount() * network.bytesPerElement() * network.batch());
        }
        return total;
    }

    /** The profile of the layer named {@code name}, if there is one. */
    public Optional<LayerProfile> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** Layers whose output no other layer reads: the network's outputs, in declaration order. */
    public List<LayerProfile> outputs() {
        List<LayerProfile> outputs = new ArrayList<>();
        for (LayerProfile candidate : layers) {
            if (consumers(candidate).isEmpty()) {
                outputs.add(candidate);
            }
        }
        return outputs;
    }

    private long sum(ToLongFunction<LayerProfile> count) {
        long total = 0;
        for (LayerProfile layer : layers) {
            total = Math.addExact(total, count.applyAsLong(layer));
        }
        return total;
    }

    @Override
    public String toString() {
        return "NetworkProfile[" + network.name() + ", " + layers.size() + " layers, " + macs()
                + " MACs, " + parameters() + " parameters]";
    }
}
