package org.hwsim.edge.latency;

import java.util.List;
import java.util.Map;

/**
 * What one inference costs on a device, as the latency model predicts it: deterministic, so the
 * median and every percentile equal {@link #latencyPs()} (run-to-run variation is a separate
 * model).
 *
 * @param latencyPs time of one inference (the whole batch), picoseconds
 * @param throughputPerS samples per second when inferences run back to back: {@code batch /
 *     latency}
 * @param energyPj energy of one inference: dynamic plus static
 * @param dynamicEnergyPj MACs, element operations and DRAM traffic
 * @param staticEnergyPj idle power of the units used and the rest of the module, over the latency
 * @param energyByComponentPj energy per component ({@code gpu}, {@code dram}, {@code base}, ...)
 * @param kernels kernels launched after fusion
 * @param layers one row per layer, in execution order
 */
public record Prediction(
        long latencyPs,
        double throughputPerS,
        double energyPj,
        double dynamicEnergyPj,
        double staticEnergyPj,
        Map<String, Double> energyByComponentPj,
        int kernels,
        List<LayerRow> layers) {

    /** Copies the collections. */
    public Prediction {
        energyByComponentPj = Map.copyOf(energyByComponentPj);
        layers = List.copyOf(layers);
    }

    /** Latency in milliseconds. */
    public double latencyMs() {
        return latencyPs / 1e9;
    }

    /** Energy in millijoules. */
    public double energyMj() {
        return energyPj / 1e9;
    }
}
