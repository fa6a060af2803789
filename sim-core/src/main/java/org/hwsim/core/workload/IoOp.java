package org.hwsim.core.workload;

import java.util.Locale;
import java.util.Optional;

/**
 * The operation of an {@link IoRequest}, as recorded by block and file-system tracers (e.g.
 * blktrace's R/W/D(iscard)/F(lush) actions, or the read/write/fallocate-punch-hole/fsync system
 * calls of an application trace).
 */
public enum IoOp {
    /** Read {@code lengthBytes} bytes at {@code offsetBytes}. */
    READ,
    /** Write {@code lengthBytes} bytes at {@code offsetBytes}, optionally with a content seed. */
    WRITE,
    /** Discard (unmap, punch a hole in) {@code lengthBytes} bytes at {@code offsetBytes}. */
    TRIM,
    /** Persist everything written to the target so far; offset and length are 0. */
    FSYNC;

    /** The stable id used in traces and reports: the lower-case name, e.g. {@code "fsync"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The op whose {@link #id()} equals {@code id} ignoring case, if any. */
    public static Optional<IoOp> fromId(String id) {
        for (IoOp op : values()) {
            if (op.id().equalsIgnoreCase(id)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** True for the ops that address a byte range: READ, WRITE and TRIM. */
    public boolean hasRange() {
        return this != FSYNC;
    }
}
