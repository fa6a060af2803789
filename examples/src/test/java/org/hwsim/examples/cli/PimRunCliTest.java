package org.hwsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.core.workload.NetworkFormat;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.pim.accel.PimAcceleratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwsim pim run} as a user runs it: summary, report fields, overrides, exit codes. */
class PimRunCliTest {
    @TempDir
    Path dir;

    private JsonNode runOk(String name, String... extra) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] base = {"pim", "run", "--json", json.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("latency") && r.out().contains("top components"), r.out());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void reportsLatencyEnergyConversionsAndLayers() throws Exception {
        Path csv = dir.resolve("r.csv");
        JsonNode r = runOk("r20", "--network", "resnet20-cifar", "--csv", csv.toString());
        assertEquals("pim run", r.get("command").asText());
        for (String m : new String[] {"latencyUs", "energyUj", "energyPerMacPj", "adcConversions",
            "adcConversionsSkipped", "adcUtilisation", "adcEnergySavedPj", "latencySavedUs", "tilesUsed"}) {
            assertTrue(r.has(m), m);
        }
        assertEquals(NetworkZoo.resnet20Cifar().profile().macs(), r.get("macs").asLong());
        assertEquals(r.get("energyUj").asDouble() * 1e6, r.at("/energy/totalPj").asDouble(),
                1e-9 * r.at("/energy/totalPj").asDouble());
        double layerSum = 0;
        for (Iterator<JsonNode> it = r.get("layers").elements(); it.hasNext(); ) {
            JsonNode l = it.next();
            assertEquals(l.get("macs").asLong(), l.get("analogMacs").asLong());
            layerSum += l.get("latencyPs").asLong();
        }
        assertEquals(r.get("simulatedPs").asDouble(), layerSum, 0);
        assertTrue(r.at("/energy/components/pim~1conv1~1adc/actions/convert/count").asLong() > 0);
        String[] lines = Files.readString(csv).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("latencyUs") && lines[0].contains("energyUj"), lines[0]);
    }

    @Test
    void overridesAndZeroPlanesShowInTheReport() throws Exception {
        JsonNode dense = runOk("d", "--network", "resnet20-cifar", "--adc-bits", "6", "--input-bits", "4");
        JsonNode sparse = runOk("s", "--network", "resnet20-cifar", "--adc-bits", "6", "--input-bits", "4",
                "--zero-plane-probability", "0.5");
        assertEquals(6, dense.get("adcBits").asInt());
        assertEquals(4, dense.get("inputBits").asInt());
        assertEquals(0, dense.get("adcConversionsSkipped").asLong());
        assertEquals(dense.get("adcConversions").asLong(),
                sparse.get("adcConversions").asLong() + sparse.get("adcConversionsSkipped").asLong());
        assertTrue(sparse.get("adcEnergySavedPj").asDouble() > 0);
        assertTrue(sparse.get("latencySavedUs").asDouble() > 0);
        assertEquals(dense.get("latencyUs").asDouble(),
                sparse.get("latencyUs").asDouble() + sparse.get("latencySavedUs").asDouble(), 1e-6);
        JsonNode diff = runOk("x", "--network", "resnet20-cifar", "--adc-bits", "6", "--input-bits", "4",
                "--scheme", "differential-bit-serial");
        assertEquals(2 * dense.get("adcConversions").asLong(), diff.get("adcConversions").asLong());
    }

    @Test
    void networkFilesAndTheShippedConfigWork() throws Exception {
        Path net = dir.resolve("r20.yaml");
        NetworkFormat.write(NetworkZoo.resnet20Cifar(), net);
        Path config = Path.of("configs/pim-accelerator.yaml");
        assertEquals(PimAcceleratorConfig.defaults(), ConfigReader.read(config, PimAcceleratorConfig.class));
        JsonNode a = runOk("file", "--network", net.toString(), "--config", config.toString());
        JsonNode b = runOk("zoo", "--network", "resnet20-cifar");
        assertEquals(b.get("energyUj").asDouble(), a.get("energyUj").asDouble(), 0);
        assertEquals(b.get("latencyUs").asDouble(), a.get("latencyUs").asDouble(), 0);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFieldAndValue() throws Exception {
        String json = dir.resolve("bad.json").toString();
        CliRun r = CliRun.of("pim", "run", "--network", "resnet20-cifar", "--scheme", "crossbar-magic", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("scheme") && r.err().contains("crossbar-magic"), r.err());
        r = CliRun.of("pim", "run", "--network", "resnet20-cifar", "--adc-bits", "0", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adc.bits") && r.err().contains("0"), r.err());
        r = CliRun.of("pim", "run", "--network", "resnet20-cifar", "--adc-bits", "17", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adc.bits") && r.err().contains("17"), r.err());
        r = CliRun.of("pim", "run", "--network", "alexnet-9000", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--network") && r.err().contains("alexnet-9000"), r.err());
        Path cfg = dir.resolve("zero.yaml");
        Files.writeString(cfg, "columnsPerAdc: 0\n");
        r = CliRun.of("pim", "run", "--network", "resnet20-cifar", "--config", cfg.toString(), "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("columnsPerAdc") && r.err().contains("0") && r.err().contains("zero.yaml"),
                r.err());
        r = CliRun.of("pim", "run", "--network", "vgg16", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("fc6") && r.err().contains("chipTiles is 4032") && r.err().contains("reprogram"),
                r.err());
        assertFalse(Files.exists(Path.of(json)));
    }

    @Test
    void theSameInputsGiveTheSameReport() throws Exception {
        runOk("a", "--network", "resnet20-cifar", "--zero-plane-probability", "0.2");
        runOk("b", "--network", "resnet20-cifar", "--zero-plane-probability", "0.2");
        assertEquals(Files.readString(dir.resolve("a.json")), Files.readString(dir.resolve("b.json")));
    }
}
