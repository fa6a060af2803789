package org.hwsim.pim.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How read-noise sigma depends on the cell's conductance; each mode has a stable id. */
public enum ReadNoiseMode {
    /** Sigma is {@code readNoise} times the conductance range, whatever the state. */
    STATE_INDEPENDENT("state-independent"),
    /** Sigma is {@code readNoise} times the cell's conductance (relative noise). */
    PROPORTIONAL("proportional");

    private final String id;

    ReadNoiseMode(String id) {
        this.id = id;
    }

    /** The stable id. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The mode with this id; throws naming the value and the known ids. */
    @JsonCreator
    public static ReadNoiseMode fromId(String id) {
        for (ReadNoiseMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("device.readNoiseMode must be state-independent or proportional: " + id);
    }
}
