package org.hwsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.LatencyHistogram;
import org.hwsim.core.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report shape of DESIGN.md and atomic writing. */
class ReportTest {
    @TempDir
    Path dir;

    private static Report sample() {
        Simulator sim = Simulator.create(42);
        var c = sim.energy().component("phone/ufs/die0");
        int program = c.defineAction("program", 1500.0);
        c.definePowerState("idle", 2.0);
        c.enterPowerState("idle");
        c.record(program, 3);
        sim.schedule(Time.usToPs(10), arg -> { });
        sim.run();
        LatencyHistogram h = new LatencyHistogram("writeLatencyUs");
        h.recordPs(12 * Time.PS_PER_US);
        return Report.builder("lfs run", 42)
                .config(Map.of("requests", 100))
                .simulatedPs(sim.nowPs())
                .metric("writeAmplification", 2.7)
                .metric("eraseCount", 12L)
                .metric("scheme", "a,b")
                .metric("notANumber", Double.NaN)
                .latency("writeLatencyUs", h, Time.PS_PER_US)
                .energy(sim.energy())
                .build();
    }

    @Test
    void jsonHasTheSharedShape() throws IOException {
        Path file = dir.resolve("out/report.json");
        sample().writeJson(file);
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        assertEquals(Report.version(), n.get("hwsim").asText());
        assertEquals("lfs run", n.get("command").asText());
        assertEquals(42, n.get("seed").asLong());
        assertEquals(100, n.get("config").get("requests").asInt());
        assertEquals(10_000_000L, n.get("simulatedPs").asLong());
        assertEquals(2.7, n.get("writeAmplification").asDouble(), 0.0);
        assertTrue(n.get("notANumber").isNull());
        assertEquals(12.0, n.get("latency").get("writeLatencyUs").get("p50").asDouble(), 12 * 1e-3);
        JsonNode die = n.get("energy").get("components").get("phone/ufs/die0");
        // 3 programs at 1500 pJ, plus 2 mW for 10 us = 2 * 1e7 ps * 1e-3 pJ = 20,000 pJ
        assertEquals(4500.0, die.get("dynamicPj").asDouble(), 1e-9);
        assertEquals(20_000.0, die.get("staticPj").asDouble(), 1e-6);
        assertEquals(3, die.get("actions").get("program").get("count").asLong());
        assertEquals(24_500.0, n.get("energy").get("totalPj").asDouble(), 1e-6);
    }

    @Test
    void csvIsHeaderAndOneRowWithQuotedCells() throws IOException {
        Path file = dir.resolve("report.csv");
        sample().writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("seed,simulatedPs,writeAmplification,eraseCount,scheme,notANumber", lines.get(0));
        assertEquals("42,10000000,2.7,12,\"a,b\",", lines.get(1));
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "old");
        // A directory in the way of the rename makes the write fail after the temp file exists.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.writeString(blocked, "new"));
        assertEquals("old", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }

    @Test
    void fieldsCannotBeSetTwice() {
        var b = Report.builder("x", 1).metric("a", 1.0);
        var e = assertThrows(IllegalArgumentException.class, () -> b.metric("a", 2.0));
        assertTrue(e.getMessage().contains("'a'"));
        assertThrows(IllegalArgumentException.class, () -> b.metric("energy", 2.0));
    }
}
