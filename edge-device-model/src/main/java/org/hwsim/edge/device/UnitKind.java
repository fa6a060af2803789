package org.hwsim.edge.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of a compute unit of a device. */
public enum UnitKind {
    /** Application CPU cores (one unit holds every cluster). */
    CPU,
    /** The integrated GPU. */
    GPU,
    /** A DSP with vector or tensor extensions (Qualcomm Hexagon). */
    DSP,
    /** A dedicated neural processing unit. */
    NPU,
    /** An NVIDIA deep-learning accelerator. */
    DLA;

    /** The id used in device files: the lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this id, if any. */
    public static Optional<UnitKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
