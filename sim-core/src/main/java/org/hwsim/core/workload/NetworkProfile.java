package org.hwsim.core.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Per-layer shapes and counts of a {@link NetworkSpec} with network totals, for one sample (batch
 * 1). Totals are exact {@code long} sums of the per-layer counts.
 *
 * <p>Example: {@code NetworkZoo.resnet50().profile().macs()} is {@code 4,089,184,256} and {@code
 * parameters()} is {@code 25,557,032}, the figures torchvision publishes for {@code resnet50}.
 *
 * @param network the network profiled
 * @param layers one profile per layer, in the order of {@link NetworkSpec#layers()}
 */
public record NetworkProfile(NetworkSpec network, List<LayerProfile> layers) {

  /** Copies the layer list. */
  public NetworkProfile {
    if (network == null || layers == null) {
      throw new WorkloadFormatException("network and layers must not be null");
    }
    layers = List.copyOf(layers);
  }

  /** Total dense multiply-accumulates. */
  public long macs() {
    return sum(LayerProfile::macs);
  }

  /** Total multiply-accumulates left after skipping zero weights. */
  public long effectiveMacs() {
    return sum(LayerProfile::effectiveMacs);
  }

  /** Total learned parameters. */
  public long parameters() {
    return sum(LayerProfile::parameters);
  }

  /** Total weight bytes: {@code parameters() * bytesPerElement}. */
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

  /** Bytes of all network inputs together. */
  public long inputBytes() {
    long total = 0;
    for (NetworkInput input : network.inputs()) {
      total = Math.addExact(total, input.shape().elementCount() * network.bytesPerElement());
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
      boolean read =
          layers.stream().anyMatch(l -> l.layer().inputs().contains(candidate.name()));
      if (!read) {
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
}
