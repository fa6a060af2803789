package org.hwsim.edge.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Arithmetic precision of an inference, with the element width it stores tensors in. {@code
 * INT8_SPARSE} is int8 on hardware that skips the zero half of 2:4 structured-sparse weights
 * (NVIDIA Ampere sparse tensor cores); a unit without that key in its peak table cannot run it.
 */
public enum Precision {
    FP32("fp32", 4),
    FP16("fp16", 2),
    INT8("int8", 1),
    INT8_SPARSE("int8-sparse", 1);

    private final String id;
    private final int bytesPerElement;

    Precision(String id, int bytesPerElement) {
        this.id = id;
        this.bytesPerElement = bytesPerElement;
    }

    /** The stable id used in device files, the command line and reports, e.g. {@code "fp16"}. */
    public String id() {
        return id;
    }

    /** Bytes per stored tensor element. */
    public int bytesPerElement() {
        return bytesPerElement;
    }

    /** The precision with this id, if any. */
    public static Optional<Precision> fromId(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(key)).findFirst();
    }

    /**
     * The precision with this id.
     *
     * @throws IllegalArgumentException naming the value and the ids
     */
    public static Precision parse(String field, String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                field + " must be one of " + Arrays.stream(values()).map(Precision::id).toList() + ": '"
                        + id + "'"));
    }
}
