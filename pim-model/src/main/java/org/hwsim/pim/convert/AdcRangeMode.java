package org.hwsim.pim.convert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the ADC's full-scale range is chosen; each mode has a stable id. */
public enum AdcRangeMode {
    /** The configured {@code range}, never changed. */
    FIXED("fixed"),
    /** The largest column sum the tile can produce (no clipping, coarsest LSB). */
    MAX_POSSIBLE("max-possible"),
    /** Set from the column sums of calibration data ({@code Crossbar.calibrateAdcRange}). */
    CALIBRATED("calibrated"),
    /** Starts at the configured {@code range}; a training loop sets it ({@code Crossbar.setAdcRange}). */
    LEARNED("learned");

    private final String id;

    AdcRangeMode(String id) {
        this.id = id;
    }

    /** The stable id. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The mode with this id; throws naming the value and the known ids. */
    @JsonCreator
    public static AdcRangeMode fromId(String id) {
        for (AdcRangeMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "adc.rangeMode must be one of fixed, max-possible, calibrated, learned: " + id);
    }
}
