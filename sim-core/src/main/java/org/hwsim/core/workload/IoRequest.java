package org.hwsim.core.workload;

import java.util.Comparator;
import java.util.OptionalLong;

/**
 * One request of an I/O trace: at simulated time {@code arrivalPs}, do {@code op} on {@code
 * lengthBytes} bytes of {@code target} starting at {@code offsetBytes}.
 *
 * <p>Rules, checked on creation (a violation throws {@link WorkloadFormatException} naming the
 * field and value):
 *
 * <ul>
 *   <li>{@code arrivalPs >= 0}; {@code target} is not blank;
 *   <li>READ, WRITE and TRIM: {@code offsetBytes >= 0}, {@code lengthBytes >= 1}, and {@code
 *       offsetBytes + lengthBytes} does not overflow a {@code long};
 *   <li>FSYNC: {@code offsetBytes == 0} and {@code lengthBytes == 0} (it applies to the whole
 *       target);
 *   <li>a content seed only on WRITE: it names the pseudo-random content written, so that models
 *       that look at data (deduplication, delta compression) see reproducible bytes without the
 *       trace carrying them.
 * </ul>
 *
 * <p>Example: {@code IoRequest.write(1_000_000L, "/data/app.db", 8192, 4096, 42)} writes 4 KiB at
 * 8 KiB into {@code /data/app.db} at 1 us with content seed 42.
 *
 * @param arrivalPs arrival time in picoseconds of simulated time, at least 0
 * @param op the operation
 * @param target the file path or device name the request addresses (e.g. {@code "/data/app.db"},
 *     {@code "nvme0n1"}); not blank
 * @param offsetBytes first byte addressed, at least 0
 * @param lengthBytes bytes addressed, at least 1 (0 for FSYNC)
 * @param contentSeed seed of the written content; present only for WRITE, and optional there
 */
public record IoRequest(
        long arrivalPs,
        IoOp op,
        String target,
        long offsetBytes,
        long lengthBytes,
        OptionalLong contentSeed) {

    /** Orders by arrival time, then target, op, offset and length: a total order for replay. */
    public static final Comparator<IoRequest> BY_ARRIVAL =
            Comparator.comparingLong(IoRequest::arrivalPs)
                    .thenComparing(IoRequest::target)
                    .thenComparing(IoRequest::op)
                    .thenComparingLong(IoRequest::offsetBytes)
                    .thenComparingLong(IoRequest::lengthBytes);

    /** Validates every field (see the class comment). */
    public IoRequest {
        if (arrivalPs < 0) {
            throw new WorkloadFormatException("arrivalPs must be >= 0: " + arrivalPs);
        }
        if (op == null) {
            throw new WorkloadFormatException("op must not be null");
        }
        if (target == null || target.isBlank()) {
            throw new WorkloadFormatException(
                    "target must be a non-blank file or device name: "
                            + (target == null ? "null" : "'" + target + "'"));
        }
        if (contentSeed == null) {
            throw new WorkloadFormatException("contentSeed must not be null (use OptionalLong.empty())");
        }
        if (op.hasRange()) {
            if (offsetBytes < 0) {
                throw new WorkloadFormatException(
                        "offsetBytes of a " + op.id() + " must be >= 0: " + offsetBytes);
            }
            if (lengthBytes < 1) {
                throw new WorkloadFormatException(
                        "lengthBytes of a " + op.id() + " must be >= 1: " + lengthBytes);
            }
            if (offsetBytes > Long.MAX_VALUE - lengthBytes) {
                throw new WorkloadFormatException(
                        "offsetBytes + lengthBytes must not exceed Long.MAX_VALUE: "
                                + offsetBytes
                                + " + "
                                + lengthBytes);
            }
        } else if (offsetBytes != 0 || lengthBytes != 0) {
            throw new WorkloadFormatException(
                    "offsetBytes and lengthBytes of an fsync must be 0: " + offsetBytes + ", "
                            + lengthBytes);
        }
        if (contentSeed.isPresent() && op != IoOp.WRITE) {
            throw new WorkloadFormatException(
                    "contentSeed is only allowed on a write, not a " + op.id() + ": "
                            + contentSeed.getAsLong());
        }
    }

    /** A read of {@code lengthBytes} at {@code offsetBytes}. */
    public static IoRequest read(long arrivalPs, String target, long offsetBytes, long lengthBytes) {
        return new IoRequest(arrivalPs, IoOp.READ, target, offsetBytes, lengthBytes,
                OptionalLong.empty());
    }

    /** A write without a content seed. */
    public static IoRequest write(long arrivalPs, String target, long offsetBytes, long lengthBytes) {
        return new IoRequest(arrivalPs, IoOp.WRITE, target, offsetBytes, lengthBytes,
                OptionalLong.empty());
    }

    /** A write whose content is generated from {@code contentSeed}. */
    public static IoRequest write(
            long arrivalPs, String target, long offsetBytes, long lengthBytes, long contentSeed) {
        return new IoRequest(arrivalPs, IoOp.WRITE, target, offsetBytes, lengthBytes,
                OptionalLong.of(contentSeed));
    }

    /** A discard of {@code lengthBytes} at {@code offsetBytes}. */
    public static IoRequest trim(long arrivalPs, String target, long offsetBytes, long lengthBytes) {
        return new IoRequest(arrivalPs, IoOp.TRIM, target, offsetBytes, lengthBytes,
                OptionalLong.empty());
    }

    /** An fsync of the whole target. */
    public static IoRequest fsync(long arrivalPs, String target) {
        return new IoRequest(arrivalPs, IoOp.FSYNC, target, 0, 0, OptionalLong.empty());
    }

    /** One past the last byte addressed: {@code offsetBytes + lengthBytes} (0 for FSYNC). */
    public long endOffsetBytes() {
        return offsetBytes + lengthBytes;
    }
}
