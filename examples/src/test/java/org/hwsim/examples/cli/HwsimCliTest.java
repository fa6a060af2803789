package org.hwsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, output files and error messages. */
class HwsimCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void demoWritesTheReportAndMatchesTheClosedForm() throws Exception {
        Path out = dir.resolve("demo");
        CliRun r = run("demo", "--out", out.toString(), "--requests", "100000", "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("closed form"), r.out());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("demo", report.get("command").asText());
        assertEquals(3, report.get("seed").asLong());
        // M/M/1 at rho = 0.8: W = rho / (mu - lambda) = 4 ms (Kleinrock 1975). One run of 1e5
        // requests has a relative standard error of roughly 5% at this load; 20% cannot be missed
        // by a correct queue and catches a wrong one (FIFO with the wrong rate gives 2x or more).
        assertEquals(4.0, report.get("meanWaitClosedFormMs").asDouble(), 1e-12);
        assertEquals(4.0, report.get("meanWaitMs").asDouble(), 0.8);
        assertEquals(0.8, report.get("utilisation").asDouble(), 0.03);
        double total = report.get("energy").get("totalPj").asDouble();
        double sum = 0;
        for (JsonNode c : report.get("energy").get("components")) {
            sum += c.get("staticPj").asDouble() + c.get("dynamicPj").asDouble();
        }
        assertEquals(total, sum, total * 1e-9);
        List<String> csv = Files.readAllLines(out.resolve("report.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("seed,simulatedPs,requests,meanWaitMs"), csv.get(0));
    }

    @Test
    void sameSeedGivesTheSameReport() throws Exception {
        run("demo", "--out", dir.resolve("a").toString(), "--requests", "20000", "--seed", "9");
        run("demo", "--out", dir.resolve("b").toString(), "--requests", "20000", "--seed", "9");
        run("demo", "--out", dir.resolve("c").toString(), "--requests", "20000", "--seed", "10");
        String a = Files.readString(dir.resolve("a/report.json"));
        assertEquals(a, Files.readString(dir.resolve("b/report.json")));
        assertFalse(a.equals(Files.readString(dir.resolve("c/report.json"))));
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFieldAndValue() {
        CliRun r = run("demo", "--out", dir.resolve("x").toString(), "--arrival-rate-per-s", "2000");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("serviceRatePerS") && r.err().contains("2000"), r.err());
        assertFalse(Files.exists(dir.resolve("x/report.json")), "a failed run must leave no report");

        r = run("demo", "--requests", "abc");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("abc"), r.err());
    }

    @Test
    void versionAndHelp() {
        CliRun r = run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("hwsim "), r.out());
        r = run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("demo"), r.out());
    }
}
