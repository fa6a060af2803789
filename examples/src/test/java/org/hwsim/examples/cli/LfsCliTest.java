package org.hwsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwsim lfs run} as a user runs it: the report's headline names, exit codes, error lines. */
class LfsCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void runWritesTheStandardReportWithTheHeadlineMetrics() throws Exception {
        Path json = dir.resolve("r.json");
        CliRun r = run("lfs", "run", "--workload", "uniform", "--device-gib", "1", "--utilization", "0.8",
                "--gc", "greedy", "--delta", "off", "--requests", "200000", "--warmup-requests", "300000",
                "--seed", "3", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("write amplification"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("lfs run", j.get("command").asText());
        assertEquals(3, j.get("seed").asLong());
        for (String k : new String[] {"hostBytesWritten", "flashBytesWritten", "writeAmplification", "gcPagesMoved",
            "eraseCount", "energyMj", "simulatedSeconds"}) {
            assertTrue(j.has(k), k);
        }
        assertEquals(200_000L * 4096, j.get("hostBytesWritten").asLong());
        double wa = j.get("writeAmplification").asDouble();
        assertEquals((double) j.get("flashBytesWritten").asLong() / j.get("hostBytesWritten").asLong(), wa, 1e-12);
        assertTrue(wa > 2 && wa < 6, "WA at 80% with greedy cleaning: " + wa);
        for (String k : new String[] {"readLatencyUs", "writeLatencyUs"}) {
            assertTrue(j.get("latency").get(k).has("p50") && j.get("latency").get(k).has("p99"), k);
        }
        // A 4 KiB MLC program is at least tPROG + one page transfer: 750 us + 12.3 us.
        assertTrue(j.get("latency").get("writeLatencyUs").get("p50").asDouble() >= 762);
        assertTrue(j.get("energyMj").asDouble() > 0);
    }

    @Test
    void crashAtAnInstantRecoversAndReportsACrashSection() throws Exception {
        Path json = dir.resolve("c.json");
        // sqlite: WAL appends fsynced per transaction; 2 s into a run of 3,000 requests at 1,000 IOPS.
        CliRun r = run("lfs", "run", "--workload", "sqlite", "--device-gib", "1", "--utilization", "0.7",
                "--requests", "3000", "--seed", "5", "--crash-at-ps", "2000000000000", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("checker             consistent"), r.out());
        JsonNode c = new ObjectMapper().readTree(json.toFile()).get("crash");
        assertEquals(2_000_000_000_000L, c.get("crashAtPs").asLong());
        assertEquals("consistent", c.get("verdict").asText());
        assertEquals(0, c.get("problems").size());
        for (String k : new String[] {"pagesLostInFlight", "checkpointVersion", "nodesRolledForward", "blocksRecovered",
            "recoveryTimeUs", "recoveryReads", "fsyncsAcknowledged"}) {
            assertTrue(c.has(k), k);
        }
        long before = c.get("requestsBeforeCrash").asLong();
        assertTrue(before > 1000 && before < 3000, "about 2,000 requests arrive in 2 s: " + before);
        assertTrue(c.get("fsyncsAcknowledged").asLong() > 0);
        assertTrue(c.get("nodesRolledForward").asLong() > 0, "fsynced WAL frames since the last checkpoint");
        // Recovery reads at least both packs (2 x 5 blocks) and takes at least one page read time (MLC tR 75 us).
        assertTrue(c.get("recoveryReads").asLong() >= 10);
        assertTrue(c.get("recoveryTimeUs").asDouble() >= 75);
    }

    @Test
    void seededCrashIsReproducibleAndExclusiveWithAnInstant() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] args = {"lfs", "run", "--workload", "mix", "--device-gib", "1", "--utilization", "0.75",
            "--requests", "4000", "--seed", "2", "--crash", "11", "--json"};
        CliRun ra = run(concat(args, a.toString()));
        CliRun rb = run(concat(args, b.toString()));
        assertEquals(0, ra.exitCode(), ra.err());
        assertEquals(0, rb.exitCode(), rb.err());
        JsonNode ca = new ObjectMapper().readTree(a.toFile()).get("crash");
        JsonNode cb = new ObjectMapper().readTree(b.toFile()).get("crash");
        assertEquals(ca, cb, "same seeds, same crash and recovery");
        assertEquals(11, ca.get("crashSeed").asLong());
        assertTrue(ca.get("crashAtSeconds").asDouble() >= 0 && ca.get("crashAtSeconds").asDouble() < 4.0,
                "drawn over 4,000 requests / 1,000 IOPS");
        CliRun both = run("lfs", "run", "--device-gib", "1", "--requests", "10", "--crash", "1", "--crash-at-ps", "5",
                "--json", dir.resolve("x.json").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("exclusive"), both.err());
        CliRun neg = run("lfs", "run", "--device-gib", "1", "--requests", "10", "--crash-at-ps", "-1",
                "--json", dir.resolve("y.json").toString());
        assertEquals(2, neg.exitCode());
        assertTrue(neg.err().contains("crashAtPs") && neg.err().contains("-1"), neg.err());
        Path trace = dir.resolve("t.trace");
        Files.writeString(trace, "0 0 8 8 0\n");
        CliRun tr = run("lfs", "run", "--workload", "trace:" + trace, "--device-gib", "1", "--crash", "1",
                "--json", dir.resolve("z.json").toString());
        assertEquals(2, tr.exitCode());
        assertTrue(tr.err().contains("--crash-at-ps"), tr.err());
    }

    @Test
    void crashWithDeltasOnRecoversTheDeltaStructuresAndIsConsistent() throws Exception {
        Path json = dir.resolve("d.json");
        // sqlite: small in-place page edits (deltas) and WAL appends fsynced per transaction.
        CliRun r = run("lfs", "run", "--workload", "sqlite", "--device-gib", "1", "--delta", "on",
                "--requests", "6000", "--seed", "1", "--crash", "3", "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err() + r.out());
        assertTrue(r.out().contains("checker             consistent"), r.out());
        assertTrue(r.out().contains("delta recovery"), r.out());
        JsonNode c = new ObjectMapper().readTree(json.toFile()).get("crash");
        assertEquals("consistent", c.get("verdict").asText());
        assertEquals(0, c.get("problems").size());
        assertEquals(3, c.get("crashSeed").asLong());
        assertTrue(c.get("fsyncsAcknowledged").asLong() > 0);
        assertTrue(c.get("inlineChainsRolledForward").asLong() > 0, "inline deltas fsynced since the checkpoint");
        assertTrue(c.get("deltaChains").asLong() > 0, "the recovered file system keeps its chains");
        assertTrue(c.has("deltaChainsDropped") && c.has("deltaPagesTorn"));
        assertTrue(new ObjectMapper().readTree(json.toFile()).get("delta").get("deltasInline").asLong() > 0);
    }

    private static String[] concat(String[] a, String last) {
        String[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = last;
        return r;
    }

    @Test
    void deltaOnRunsAndReportsTheDeltaSection() throws Exception {
        Path json = dir.resolve("d.json");
        CliRun r = run("lfs", "run", "--workload", "sqlite", "--device-gib", "1", "--delta", "on",
                "--delta-codec", "xor-rle", "--delta-max-chain", "4", "--requests", "30000", "--read-fraction", "0.3",
                "--json", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("deltas") && r.out().contains("inline"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        JsonNode d = j.get("delta");
        for (String k : new String[] {"deltasInline", "deltasInDeltaArea", "bytesSaved", "reconstructReads",
            "chainRewrites"}) {
            assertTrue(d.has(k), k);
        }
        assertTrue(d.get("bytesSaved").asLong() > 0, d.toString());
        assertEquals(4, j.get("config").get("deltaOptions").get("maxChainLength").asInt());
        CliRun bad = run("lfs", "run", "--device-gib", "1", "--delta", "on", "--delta-codec", "lz4", "--requests", "10",
                "--json", dir.resolve("x.json").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("lz4"), bad.err());
    }

    @Test
    void badInputNamesTheFieldAndValue() throws Exception {
        CliRun r = run("lfs", "run", "--device-gib", "1", "--utilization", "1.5", "--json",
                dir.resolve("x.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("utilization") && r.err().contains("1.5"), r.err());
        CliRun g = run("lfs", "run", "--device-gib", "1", "--gc", "lru", "--json", dir.resolve("y.json").toString());
        assertEquals(2, g.exitCode());
        assertTrue(g.err().contains("lru"), g.err());
        Path trace = dir.resolve("bad.trace");
        Files.writeString(trace, "0 0 8 8 0\n1 0 8 8 7\n");
        CliRun t = run("lfs", "run", "--workload", "trace:" + trace, "--device-gib", "1", "--json",
                dir.resolve("z.json").toString());
        assertEquals(2, t.exitCode());
        assertTrue(t.err().contains("bad.trace:2") && t.err().contains("op"), t.err());
    }
}
