package org.hwsim.lfs.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hwsim.core.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Block and file traces through the whole model; bad requests become results, not crashes. */
class TraceReplayTest {
    @TempDir
    Path dir;

    @Test
    void blockTraceRequestsPastTheDeviceAreCountedAndTheRestReplayed() throws Exception {
        Path trace = dir.resolve("t.ascii");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append(i * 100_000L).append(" 0 ").append((i * 7919L % 200_000) * 8).append(" 8 ")
                    .append(i % 4 == 0 ? 1 : 0).append('\n');
        }
        sb.append("200000000 0 ").append(1L << 40).append(" 8 0\n"); // 512 TiB: past the 1 GiB device
        Files.writeString(trace, sb);
        Report r = LfsRun.run(new LfsRun.Config("trace:" + trace, "disksim", 1, "mlc", 0.5, "greedy", false, 0,
                0, 1, 1000, 0, false));
        JsonNode j = r.json();
        assertEquals(1001, j.get("requests").asLong());
        assertEquals(1, j.get("failedRequests").asLong());
        assertEquals(1, j.get("fs").get("results").get("erange").asLong());
        assertEquals(750L * 4096, j.get("hostBytesWritten").asLong());
        assertEquals(250, j.get("latency").get("readLatencyUs").get("count").asLong());
        // A read of a pre-filled block costs at least tR + one page transfer (75 us + 12.3 us, MLC).
        assertTrue(j.get("latency").get("readLatencyUs").get("p50").asDouble() >= 87.0);
        assertTrue(j.get("writeAmplification").asDouble() >= 1.0);
    }

    @Test
    void fileTraceCreatesFilesAndReportsMissingOnes() throws Exception {
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "timestampNs,op,file,offset,length,contentSeed\n"
                + "1000,write,/data/x.db,0,8192,5\n2000,fsync,/data/x.db,0,0\n3000,read,/data/none,0,4096\n"
                + "4000,read,/data/x.db,0,4096\n5000,write,/data/tiny,0,100,6\n");
        Report r = LfsRun.run(new LfsRun.Config("trace:" + trace, "csv", 1, "slc", 0.3, "cost-benefit", false, 0,
                0, 1, 1000, 0, false));
        JsonNode j = r.json();
        assertEquals(5, j.get("requests").asLong());
        assertEquals(1, j.get("fs").get("results").get("enoent").asLong());
        assertEquals(1, j.get("fs").get("inlineWrites").asLong());
        assertEquals(8192 + 100, j.get("hostBytesWritten").asLong());
    }

    @Test
    void deltaOptionsAreRequiredAndTheSwitchWins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LfsRun.Config(
                "uniform", "disksim", 1, "mlc", 0.5, "greedy", true, 10, 0, 1, 1000, 0, false, null));
        assertTrue(e.getMessage().contains("deltaOptions"), e.getMessage());
        LfsRun.Config c = new LfsRun.Config("uniform", "disksim", 1, "mlc", 0.5, "greedy", false, 10, 0, 1, 1000, 0,
                false, org.hwsim.lfs.fs.DeltaConfig.defaults());
        assertTrue(!c.deltaOptions().enabled(), "--delta off switches the options off");
    }

    @Test
    void everySyntheticWorkloadRunsConsistently() {
        for (String w : new String[] {"uniform", "hotcold", "sqlite", "append", "mix"}) {
            LfsRun run = LfsRun.prepare(new LfsRun.Config(w, "disksim", 1, "tlc", 0.85, "greedy", false, 50_000, 0,
                    2, 2000, 0.3, w.equals("mix")));
            Report r = run.runAndReport();
            assertEquals(java.util.List.of(), run.fs().checkConsistency(), w);
            assertEquals(0L, r.headline().get("failedRequests"), w);
            assertTrue((Double) r.headline().get("energyMj") > 0, w);
        }
    }

    /** The bound: a 256 GiB device on a 24 GiB machine; the model's arrays take about 1.2 GiB. */
    @Test
    void a256GibDeviceFitsInModestMemory() {
        LfsRun run = LfsRun.prepare(new LfsRun.Config("uniform", "disksim", 256, "tlc", 0.8, "greedy", false, 1000,
                0, 1, 1000, 0, false));
        run.replay(1000);
        assertTrue(run.fs().validBlocks() > 0.79 * run.fs().mainBlocks());
        double mibPerGib = run.fs().stateBytes() / 1048576.0 / 256;
        assertTrue(mibPerGib < 6, "MiB of model state per GiB of flash: " + mibPerGib);
    }
}
