package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Validation of I/O trace records. */
class IoRequestTest {

    private static String rejection(Runnable create) {
        return assertThrows(WorkloadFormatException.class, create::run).getMessage();
    }

    @Test
    void factoriesBuildValidRequests() {
        IoRequest w = IoRequest.write(1_000_000L, "/data/app.db", 8192, 4096, 42);
        assertEquals(IoOp.WRITE, w.op());
        assertEquals(OptionalLong.of(42), w.contentSeed());
        assertEquals(12_288L, w.endOffsetBytes());
        assertEquals(OptionalLong.empty(), IoRequest.write(0, "nvme0n1", 0, 512).contentSeed());
        assertEquals(IoOp.READ, IoRequest.read(5, "nvme0n1", 0, 512).op());
        assertEquals(IoOp.TRIM, IoRequest.trim(5, "nvme0n1", 4096, 1 << 20).op());
        IoRequest sync = IoRequest.fsync(7, "/data/app.db");
        assertEquals(0L, sync.offsetBytes());
        assertEquals(0L, sync.lengthBytes());
        assertEquals(0L, sync.endOffsetBytes());
    }

    @Test
    void invalidFieldsAreNamedWithTheirValue() {
        assertEquals("arrivalPs must be >= 0: -1",
                rejection(() -> IoRequest.read(-1, "f", 0, 1)));
        assertEquals("target must be a non-blank file or device name: ' '",
                rejection(() -> IoRequest.read(0, " ", 0, 1)));
        assertEquals("target must be a non-blank file or device name: null",
                rejection(() -> IoRequest.read(0, null, 0, 1)));
        assertEquals("offsetBytes of a read must be >= 0: -4096",
                rejection(() -> IoRequest.read(0, "f", -4096, 1)));
        assertEquals("lengthBytes of a write must be >= 1: 0",
                rejection(() -> IoRequest.write(0, "f", 0, 0)));
        assertEquals("lengthBytes of a trim must be >= 1: -5",
                rejection(() -> IoRequest.trim(0, "f", 0, -5)));
        assertEquals("offsetBytes + lengthBytes must not exceed Long.MAX_VALUE: "
                        + Long.MAX_VALUE + " + 1",
                rejection(() -> IoRequest.read(0, "f", Long.MAX_VALUE, 1)));
        assertEquals("offsetBytes and lengthBytes of an fsync must be 0: 0, 4096",
                rejection(() -> new IoRequest(0, IoOp.FSYNC, "f", 0, 4096, OptionalLong.empty())));
        assertEquals("contentSeed is only allowed on a write, not a read: 7",
                rejection(() -> new IoRequest(0, IoOp.READ, "f", 0, 1, OptionalLong.of(7))));
        assertEquals("op must not be null",
                rejection(() -> new IoRequest(0, null, "f", 0, 1, OptionalLong.empty())));
        assertEquals("contentSeed must not be null (use OptionalLong.empty())",
                rejection(() -> new IoRequest(0, IoOp.WRITE, "f", 0, 1, null)));
    }

    @ParameterizedTest
    @EnumSource(IoOp.class)
    void opIdsRoundTrip(IoOp op) {
        assertEquals(op, IoOp.fromId(op.id()).orElseThrow());
        assertEquals(op, IoOp.fromId(op.id().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
        assertEquals(op != IoOp.FSYNC, op.hasRange());
    }

    @Test
    void unknownOpIdIsEmpty() {
        assertFalse(IoOp.fromId("discard").isPresent());
    }

    /** The range end never overflows for any accepted request (checked at construction). */
    @Property(tries = 300)
    void acceptedRangesNeverOverflow(
            @ForAll @LongRange(min = 0) long offset, @ForAll @LongRange(min = 1) long length) {
        boolean fits = offset <= Long.MAX_VALUE - length;
        if (fits) {
            IoRequest r = IoRequest.read(0, "dev", offset, length);
            assertTrue(r.endOffsetBytes() > r.offsetBytes());
        } else {
            assertThrows(WorkloadFormatException.class, () -> IoRequest.read(0, "dev", offset, length));
        }
    }

    @Test
    void byArrivalIsATotalDeterministicOrder() {
        List<IoRequest> requests =
                new ArrayList<>(
                        List.of(
                                IoRequest.write(20, "b", 0, 10),
                                IoRequest.read(10, "b", 0, 10),
                                IoRequest.fsync(20, "a"),
                                IoRequest.read(20, "b", 0, 10),
                                IoRequest.read(20, "b", 0, 5)));
        requests.sort(IoRequest.BY_ARRIVAL);
        assertEquals(
                List.of(
                        IoRequest.read(10, "b", 0, 10),
                        IoRequest.fsync(20, "a"),
                        IoRequest.read(20, "b", 0, 5),
                        IoRequest.read(20, "b", 0, 10),
                        IoRequest.write(20, "b", 0, 10)),
                requests);
    }
}
