package org.hwsim.lfs.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.core.workload.IoOp;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.hwsim.lfs.fs.FsConfig;
import org.hwsim.lfs.fs.LogFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract every synthetic workload keeps. */
class WorkloadContractTest {
    static LogFs fs() {
        return LogFs.format(FlashDevice.create(FlashGeometry.forCapacityGib(1), FlashTiming.mlc()), FsConfig.defaults());
    }

    static long fingerprint(String id, long seed, int n) {
        Workload w = Workload.synthetic(id, new RandomStreams(seed), 1000, 0.3);
        w.prepare(fs(), 0.7);
        Request r = new Request();
        long h = 17;
        for (int i = 0; i < n; i++) {
            w.next(r);
            h = h * 31 + r.arrivalPs;
            h = h * 31 + r.op.ordinal();
            h = h * 31 + r.offsetBytes;
            h = h * 31 + r.lengthBytes;
            h = h * 31 + r.contentId;
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "hotcold", "sqlite", "append", "mix"})
    void requestsAreWellFormedAndReachTheUtilization(String id) {
        LogFs fs = fs();
        Workload w = Workload.synthetic(id, new RandomStreams(1), 1000, 0.3);
        assertEquals(id, w.id());
        w.prepare(fs, 0.7);
        // The pre-fill leaves room for the files a workload grows (the WAL, the rotating logs: up to
        // 4% of this 1 GiB device), so live data sits at the utilization once they have grown.
        double live = (double) fs.validBlocks() / fs.mainBlocks();
        assertTrue(live > 0.66 && live < 0.71, id + " pre-fill reaches 70% less growth room: " + live);
        Request r = new Request();
        long last = 0;
        long writes = 0;
        for (int i = 0; i < 20_000; i++) {
            assertTrue(w.next(r));
            assertTrue(r.arrivalPs >= last, "arrivals never go back");
            last = r.arrivalPs;
            assertTrue(r.file > 0 && r.file < fs.files(), "a file of the file system: " + r.file);
            if (r.op == IoOp.FSYNC) {
                assertEquals(0, r.lengthBytes);
            } else {
                assertTrue(r.offsetBytes >= 0 && r.lengthBytes >= 1);
            }
            writes += r.op == IoOp.WRITE ? 1 : 0;
        }
        assertTrue(writes > 1000, id + " writes");
        // Poisson arrivals at 1,000/s: 20,000 requests take 20 s, standard deviation 20 s / sqrt(20,000)
        // = 0.14 s; 5% (7 sigma) cannot be missed by a correct generator.
        assertEquals(20.0, last / 1e12, 20.0 * 0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "hotcold", "sqlite", "append", "mix"})
    void sameSeedSameRequestsOtherSeedOtherRequests(String id) {
        assertEquals(fingerprint(id, 5, 5000), fingerprint(id, 5, 5000));
        assertNotEquals(fingerprint(id, 5, 5000), fingerprint(id, 6, 5000));
    }

    @Test
    void badArgumentsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Workload.synthetic("zipf", new RandomStreams(1), 1000, 0));
        assertTrue(e.getMessage().contains("zipf") && e.getMessage().contains("uniform"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workload.synthetic("uniform", new RandomStreams(1), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Workload.synthetic("uniform", new RandomStreams(1), 1, 2));
        Workload w = Workload.synthetic("uniform", new RandomStreams(1), 1000, 0);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> w.prepare(fs(), 0.99));
        assertTrue(u.getMessage().contains("utilization") && u.getMessage().contains("0.99"), u.getMessage());
    }
}
