package org.hwsim.pim.accel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.time.Time;

/**
 * The outcome of one inference of a network on a {@link PimAccelerator}: end-to-end latency, and
 * per layer the conversions, utilisation, time and energy.
 *
 * @param network the network's name
 * @param config the accelerator configuration
 * @param layers one result per weight layer, in network order
 * @param latencyPs end-to-end latency of the inference, programming included
 * @param tilesUsed tiles the network's weights occupy (over all programming rounds)
 * @param programmingRounds tile sets the network was split into (1 = weights stay programmed)
 */
public record PimRunResult(String network, PimAcceleratorConfig config, List<PimLayerResult> layers, long latencyPs,
                           long tilesUsed, int programmingRounds) {
    /** Copies the list. */
    public PimRunResult {
        layers = List.copyOf(layers);
    }

    /** Total energy of the layers, in pJ (the ledger's total when nothing else was charged). */
    public double energyPj() {
        return layers.stream().mapToDouble(PimLayerResult::energyPj).sum();
    }

    /** Total conversions performed. */
    public long adcConversions() {
        return layers.stream().mapToLong(PimLayerResult::adcConversions).sum();
    }

    /** Total conversions skipped on zero planes. */
    public long adcConversionsSkipped() {
        return layers.stream().mapToLong(PimLayerResult::adcConversionsSkipped).sum();
    }

    /** Total dense MACs of the network. */
    public long macs() {
        return layers.stream().mapToLong(PimLayerResult::macs).sum();
    }

    /** Energy per component summed over layers, in pJ, by component name. */
    public Map<String, Double> energyByComponentPj() {
        Map<String, Double> m = new TreeMap<>();
        for (PimLayerResult l : layers) {
            l.energyByComponentPj().forEach((k, v) -> m.merge(k, v, Double::sum));
        }
        return m;
    }

    /**
     * ADC utilisation over the inference: conversions x conversion time / (ADCs in use x their
     * layer's latency), summed over layers.
     */
    public double adcUtilisation() {
        double busy = 0;
        double avail = 0;
        for (PimLayerResult l : layers) {
            busy += l.adcUtilisation() * l.adcs() * l.latencyPs();
            avail += (double) l.adcs() * l.latencyPs();
        }
        return avail == 0 ? 0 : busy / avail;
    }

    /** Latency with no zero planes skipped, in ps (equals {@link #latencyPs()} when none are). */
    public long denseLatencyPs() {
        return latencyPs + layers.stream().mapToLong(PimLayerResult::latencySavedPs).sum();
    }

    /**
     * The longest layer latency: the interval between inferences if the layers, each on its own
     * tiles, were pipelined across consecutive inferences (as in ISAAC), in ps.
     */
    public long pipelinedIntervalPs() {
        return layers.stream().mapToLong(PimLayerResult::latencyPs).max().orElse(0);
    }

    /**
     * The standard report: headline metrics, energy by component from the simulator's ledger, a
     * {@code layers} section (one row per weight layer) and a {@code components} section (energy
     * per component summed over layers).
     */
    public Report report(String command, Simulator sim, Object configEcho) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("network", network);
        echo.put("inputs", configEcho);
        echo.put("accelerator", config);
        double energyPj = energyPj();
        return Report.builder(command, sim.masterSeed())
                .config(echo)
                .simulatedPs(sim.nowPs())
                .metric("network", network)
                .metric("scheme", config.tile().scheme().id())
                .metric("adcBits", (long) config.tile().adc().bits())
                .metric("inputBits", (long) config.tile().dac().bits())
                .metric("latencyUs", Time.psToUs(latencyPs))
                .metric("energyUj", energyPj * 1e-6)
                .metric("energyPerMacPj", energyPj / macs())
                .metric("macs", macs())
                .metric("adcConversions", adcConversions())
                .metric("adcConversionsSkipped", adcConversionsSkipped())
                .metric("adcUtilisation", adcUtilisation())
                .metric("adcEnergySavedPj", layers.stream().mapToDouble(PimLayerResult::adcEnergySavedPj).sum())
                .metric("latencySavedUs", Time.psToUs(denseLatencyPs() - latencyPs))
                .metric("pipelinedIntervalUs", Time.psToUs(pipelinedIntervalPs()))
                .metric("tilesUsed", tilesUsed)
                .metric("chipTiles", (long) config.chipTiles())
                .metric("programmingRounds", (long) programmingRounds)
                .energy(sim.energy())
                .section("components", energyByComponentPj())
                .section("layers", layers)
                .build();
    }
}
