package org.hwsim.pim.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The conductance range of a cell. Only the ratio {@code gMinUs / (gMaxUs - gMinUs)} affects the
 * computed values (it sets the off-state current that digital subtraction must cancel and that
 * proportional noise scales with); the absolute values are recorded for energy models.
 *
 * @param gMinUs lowest programmable conductance in microsiemens, at least 0
 * @param gMaxUs highest programmable conductance in microsiemens, above {@code gMinUs}
 */
public record CellConfig(double gMinUs, double gMaxUs) {
    /** Validates every field. */
    public CellConfig {
        if (!(gMinUs >= 0) || Double.isInfinite(gMinUs)) {
            throw new IllegalArgumentException("cell.gMinUs must be finite and >= 0 (conductances cannot be "
                    + "negative): " + gMinUs);
        }
        if (!(gMaxUs > gMinUs) || Double.isInfinite(gMaxUs)) {
            throw new IllegalArgumentException("cell.gMaxUs must be finite and above gMinUs = " + gMinUs + ": " + gMaxUs);
        }
    }

    @JsonCreator
    static CellConfig fromConfig(@JsonProperty("gMinUs") Double gMinUs, @JsonProperty("gMaxUs") Double gMaxUs) {
        CellConfig d = ideal();
        return new CellConfig(gMinUs == null ? d.gMinUs : gMinUs, gMaxUs == null ? d.gMaxUs : gMaxUs);
    }

    /** An ideal cell: zero off-state conductance, range 0 to 1 uS. */
    public static CellConfig ideal() {
        return new CellConfig(0, 1);
    }

    /** The off-state conductance in level units of a cell with {@code levels} steps. */
    public double gMinLevel(int levels) {
        return gMinUs / (gMaxUs - gMinUs) * levels;
    }
}
