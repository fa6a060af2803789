package org.hwsim.pim.accel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@link PimAccelerator} does when a network's weights need more tiles than the chip has. */
public enum OverflowPolicy {
    /** Refuse the network, naming the tiles it needs and the chip's tiles. */
    ERROR("error"),
    /**
     * Time-multiplex the chip: layers are grouped in network order into sets that fit, and before
     * each set runs its weights are programmed onto the tiles (every inference, since the next set
     * overwrites them). Programming costs {@code cellWritePj} per cell and {@code rowWriteNs} per
     * tile row, all tiles in parallel. A layer larger than the chip is split into parts of whole
     * column blocks (or whole groups), each a set of its own ({@link PimLayerMapping#splitToFit});
     * a layer one column of whose tiles exceeds the chip is an error.
     */
    REPROGRAM("reprogram");

    private final String id;

    OverflowPolicy(String id) {
        this.id = id;
    }

    /** The stable id used in configs and reports. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The policy with this id; throws naming the id and the known ids. */
    @JsonCreator
    public static OverflowPolicy fromId(String id) {
        for (OverflowPolicy p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("overflow must be one of "
                + Arrays.stream(values()).map(OverflowPolicy::id).collect(Collectors.joining(", ")) + ": " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
