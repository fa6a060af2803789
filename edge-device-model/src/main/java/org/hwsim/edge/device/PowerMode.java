package org.hwsim.edge.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A power mode (an {@code nvpmodel} mode, a phone's default DVFS range): per-unit clock caps and
 * online cores, the memory clock, and the time to switch into it.
 *
 * @param id e.g. {@code "maxn"}, {@code "15w"}
 * @param description e.g. {@code "nvpmodel mode 0"}
 * @param budgetW the mode's power budget, if published (null otherwise)
 * @param units per unit id, its setting in this mode; a unit not listed runs at its maximum
 * @param memoryFrequencyHz memory clock cap
 * @param transitionLatencyUs time to switch into this mode
 */
public record PowerMode(
        @JsonProperty(required = true) String id,
        String description,
        Double budgetW,
        Map<String, UnitSetting> units,
        @JsonProperty(required = true) double memoryFrequencyHz,
        Double transitionLatencyUs) {

    /**
     * One unit's setting in a mode.
     *
     * @param frequencyHz clock cap
     * @param coresOnline online cores per cluster id; a cluster not listed has all cores online
     */
    public record UnitSetting(@JsonProperty(required = true) double frequencyHz, Map<String, Integer> coresOnline) {
        /** Validates the fields. */
        public UnitSetting {
            Checks.positive("frequencyHz", frequencyHz);
            coresOnline = coresOnline == null ? Map.of() : Map.copyOf(coresOnline);
            for (Map.Entry<String, Integer> e : coresOnline.entrySet()) {
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException(
                            "coresOnline." + e.getKey() + " must be >= 0: " + e.getValue());
                }
            }
        }
    }

    /** Validates the fields. */
    public PowerMode {
        Checks.id("id", id);
        description = description == null ? "" : description;
        units = units == null ? Map.of() : Map.copyOf(units);
        Checks.positive("memoryFrequencyHz", memoryFrequencyHz);
        if (budgetW != null) {
            Checks.positive("budgetW", budgetW);
        }
        transitionLatencyUs = transitionLatencyUs == null ? 0.0 : transitionLatencyUs;
        Checks.nonNegative("transitionLatencyUs", transitionLatencyUs);
    }
}
