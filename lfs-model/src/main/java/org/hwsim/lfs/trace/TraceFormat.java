package org.hwsim.lfs.trace;

import java.util.Locale;

/** The trace formats (see the package comment); {@link #id()} is the stable id. */
public enum TraceFormat {
    /** DiskSim/MQSim ASCII. */
    DISKSIM(true),
    /** MSR Cambridge CSV. */
    MSR(true),
    /** blkparse text output. */
    BLKPARSE(true),
    /** hwsim file-level CSV. */
    CSV(false);

    private final boolean block;

    TraceFormat(boolean block) {
        this.block = block;
    }

    /** Stable id: the lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for block-level formats (targets are devices, offsets are device bytes). */
    public boolean isBlockLevel() {
        return block;
    }

    /** The format with this id; throws naming the id and the choices. */
    public static TraceFormat byId(String id) {
        for (TraceFormat f : values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("trace format must be one of disksim, msr, blkparse, csv: " + id);
    }
}
