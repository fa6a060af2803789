package org.hwsim.edge.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One compute unit of a device (the CPU with all its clusters, the GPU, a DSP, an NPU, a DLA): peak
 * throughput per precision, on-chip memory, voltage range and energy.
 *
 * @param id unit id within the device: {@code cpu}, {@code gpu}, {@code dsp}, {@code npu}, {@code
 *     dla0}, {@code dla1}
 * @param kind what the unit is
 * @param description the hardware, e.g. {@code "256-core Pascal, 2 SMs"}
 * @param clusters the unit's core clusters, fastest first
 * @param maxVoltageV supply voltage at the highest clock
 * @param minVoltageV supply voltage at the lowest clock, in (0, maxVoltageV]
 * @param onChipBytes last-level on-chip memory a kernel can reuse data from
 * @param idlePowerMw static power while powered, at {@code maxVoltageV}
 * @param dynamicEnergyPjPerMac dynamic energy of one MAC at {@code maxVoltageV}, by precision id
 */
public record UnitSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String kind,
        String description,
        @JsonProperty(required = true) List<ClusterSpec> clusters,
        @JsonProperty(required = true) double maxVoltageV,
        @JsonProperty(required = true) double minVoltageV,
        @JsonProperty(required = true) double onChipBytes,
        @JsonProperty(required = true) double idlePowerMw,
        @JsonProperty(required = true) Map<String, Double> dynamicEnergyPjPerMac) {

    /** Validates every field. */
    public UnitSpec {
        Checks.id("id", id);
        if (UnitKind.fromId(kind).isEmpty()) {
            throw new IllegalArgumentException("kind must be one of cpu, gpu, dsp, npu, dla: '" + kind + "'");
        }
        description = description == null ? "" : description;
        if (clusters == null || clusters.isEmpty()) {
            throw new IllegalArgumentException("clusters must list at least one cluster");
        }
        clusters = List.copyOf(clusters);
        Checks.positive("maxVoltageV", maxVoltageV);
        Checks.positive("minVoltageV", minVoltageV);
        if (minVoltageV > maxVoltageV) {
            throw new IllegalArgumentException(
                    "minVoltageV must be <= maxVoltageV (" + maxVoltageV + "): " + minVoltageV);
        }
        Checks.positive("onChipBytes", onChipBytes);
        Checks.nonNegative("idlePowerMw", idlePowerMw);
        dynamicEnergyPjPerMac = Checks.precisionTable("dynamicEnergyPjPerMac", dynamicEnergyPjPerMac);
        for (ClusterSpec cluster : clusters) {
            for (String p : cluster.macsPerCyclePerCore().keySet()) {
                if (!dynamicEnergyPjPerMac.containsKey(p)) {
                    throw new IllegalArgumentException("dynamicEnergyPjPerMac must give " + p + ", which cluster "
                            + cluster.id() + " runs: " + dynamicEnergyPjPerMac.keySet());
                }
            }
        }
    }

    /** The unit's kind. */
    public UnitKind unitKind() {
        return UnitKind.fromId(kind).orElseThrow();
    }

    /** True if every cluster can run {@code precision}. */
    public boolean supports(Precision precision) {
        return clusters.stream().allMatch(c -> c.supports(precision));
    }

    /** The precisions every cluster runs, in enum order. */
    public List<Precision> precisions() {
        return java.util.Arrays.stream(Precision.values()).filter(this::supports).toList();
    }

    /** Total cores over all clusters. */
    public int totalCores() {
        return clusters.stream().mapToInt(ClusterSpec::cores).sum();
    }

    /** The highest clock of any cluster. */
    public double maxFrequencyHz() {
        return clusters.stream().mapToDouble(ClusterSpec::maxFrequencyHz).max().orElseThrow();
    }

    /**
     * Supply voltage at {@code frequencyHz}: linear between the lowest and the highest clock of the
     * first cluster, as a DVFS table is to first order.
     */
    public double voltageAtV(double frequencyHz) {
        ClusterSpec c = clusters.get(0);
        if (c.maxFrequencyHz() == c.minFrequencyHz()) {
            return maxVoltageV;
        }
        double f = Math.min(Math.max(frequencyHz, c.minFrequencyHz()), c.maxFrequencyHz());
        double t = (f - c.minFrequencyHz()) / (c.maxFrequencyHz() - c.minFrequencyHz());
        return minVoltageV + t * (maxVoltageV - minVoltageV);
    }
}
