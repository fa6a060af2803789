package org.hwsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hwsim pim study} as a user runs it, on a tiny configuration (generated 8x8 data, the MLP,
 * one scheme, two ADC resolutions) so it runs in seconds: table, report, CSV, plot, exit codes.
 */
class PimStudyCliTest {
    @TempDir
    Path dir;

    @Test
    void tinyStudyWritesTableReportCsvAndPlot() throws Exception {
        Path json = dir.resolve("study.json");
        Path csv = dir.resolve("study.csv");
        Path png = dir.resolve("study.png");
        CliRun r = CliRun.of("pim", "study", "--quick", "--synthetic", "--networks", "mlp", "--schemes", "bit-serial",
                "--adc-bits", "2,3", "--train", "256", "--test", "100", "--epochs", "2", "--seed", "5",
                "--json", json.toString(), "--csv", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("pim-qat-bncal"), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("network,scheme,adcBits,trainAdcBits,method,noise,accuracy", lines.get(0));
        // digital + 2 bits x 2 noise x (qat-deployed, pim-qat, pim-qat-bncal) + adjusted at 3 bits x 2 noise
        assertEquals(1 + 1 + 12 + 2, lines.size());
        assertTrue(lines.contains(lines.stream().filter(l -> l.startsWith("mlp,bit-serial,3,2,pim-qat-adjusted,on,"))
                .findFirst().orElseThrow()));
        JsonNode rep = new ObjectMapper().readTree(json.toFile());
        assertEquals("pim study", rep.get("command").asText());
        assertEquals("mlp", rep.at("/config/study/networks/0").asText());
        assertEquals(15, rep.get("rows").asLong(), rep.toString());
        assertEquals(15, rep.get("results").size(), rep.toString());
        double digital = rep.get("digitalAccuracy.mlp").asDouble();
        assertTrue(digital > 0.3, "digital accuracy " + digital + " (chance 0.1)");
        Path plot = dir.resolve("study-mlp-bit-serial.png");
        assertTrue(Files.size(plot) > 1000);
        byte[] head = Files.readAllBytes(plot);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheValue() {
        Path json = dir.resolve("x.json");
        Path csv = dir.resolve("x.csv");
        CliRun r = CliRun.of("pim", "study", "--synthetic", "--schemes", "crossbar-magic", "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("crossbar-magic"), r.err());
        r = CliRun.of("pim", "study", "--synthetic", "--networks", "resnet", "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("network must be one of mlp, cnn: resnet"), r.err());
        r = CliRun.of("pim", "study", "--synthetic", "--adc-bits", "0", "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adcBits must be in [1, 16]: 0"), r.err());
        r = CliRun.of("pim", "study", "--synthetic", "--adc-range", "learned", "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adcRange must be calibrated or max-possible: learned"), r.err());
        r = CliRun.of("pim", "study", "--synthetic", "--adc-range", "widest", "--json", json.toString(),
                "--csv", csv.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("widest"), r.err());
        r = CliRun.of("pim", "study", "--json", json.toString());
        assertEquals(2, r.exitCode(), "missing --csv");
        assertTrue(Files.notExists(json));
    }
}
