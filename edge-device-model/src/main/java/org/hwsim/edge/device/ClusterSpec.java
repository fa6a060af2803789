package org.hwsim.edge.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group of identical cores of one unit: a big.LITTLE CPU cluster, the SMs of a GPU, a DLA's
 * single engine.
 *
 * @param id the cluster's id within its unit, e.g. {@code "prime"}
 * @param cores cores in the cluster, at least 1
 * @param maxFrequencyHz highest clock
 * @param minFrequencyHz lowest clock, in (0, maxFrequencyHz]
 * @param macsPerCyclePerCore peak multiply-accumulates per cycle per core, by precision id; the
 *     precisions the cluster can run
 */
public record ClusterSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) int cores,
        @JsonProperty(required = true) double maxFrequencyHz,
        @JsonProperty(required = true) double minFrequencyHz,
        @JsonProperty(required = true) Map<String, Double> macsPerCyclePerCore) {

    /** Validates every field. */
    public ClusterSpec {
        Checks.id("id", id);
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1: " + cores);
        }
        Checks.positive("maxFrequencyHz", maxFrequencyHz);
        Checks.positive("minFrequencyHz", minFrequencyHz);
        if (minFrequencyHz > maxFrequencyHz) {
            throw new IllegalArgumentException(
                    "minFrequencyHz must be <= maxFrequencyHz (" + maxFrequencyHz + "): " + minFrequencyHz);
        }
        macsPerCyclePerCore = Checks.precisionTable("macsPerCyclePerCore", macsPerCyclePerCore);
    }

    /** Peak MACs per second of one core at {@code frequencyHz}; 0 if the precision is absent. */
    public double peakMacsPerSPerCore(Precision precision, double frequencyHz) {
        Double perCycle = macsPerCyclePerCore.get(precision.id());
        return perCycle == null ? 0.0 : perCycle * frequencyHz;
    }

    /** True if the cluster can run {@code precision}. */
    public boolean supports(Precision precision) {
        return macsPerCyclePerCore.containsKey(precision.id());
    }

    static Map<String, Double> sorted(Map<String, Double> table) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(table));
    }
}
