package org.hwsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hwsim pim mvm} as a user runs it: report fields, exit codes and error messages. */
class PimCliTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private JsonNode mvm(String name, String... extra) throws Exception {
        Path json = dir.resolve(name + ".json");
        String[] base = {"pim", "mvm", "--json", json.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = run(args);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("relative error"), r.out());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void writesTheHeadlineMetricsAndTheEnergyByComponent() throws Exception {
        JsonNode r = mvm("bs", "--rows", "128", "--cols", "64", "--scheme", "bit-serial", "--input-bits", "8",
                "--adc-bits", "8", "--thermal-noise-lsb", "0.5", "--read-noise", "0.01", "--seed", "4",
                "--vectors", "16");
        assertEquals("pim mvm", r.get("command").asText());
        for (String m : new String[] {"relativeError", "meanAbsError", "latencyNs", "energyPj", "adcConversions"}) {
            assertTrue(r.has(m), m);
        }
        // 16 vectors x 8 bit-planes x 64 columns, minus planes that happen to be all zero (none for
        // 128 uniform inputs: the chance a plane is all zero is 2^-128).
        assertEquals(16 * 8 * 64, r.get("adcConversions").asLong());
        assertTrue(r.get("relativeError").asDouble() > 1e-4 && r.get("relativeError").asDouble() < 0.2,
                r.get("relativeError").toString());
        double adcPj = r.at("/energy/components/pim~1tile~1adc/actions/convert/energyPj").asDouble();
        // 8-bit ADC at the Walden FOM of 6.1 fJ/step (ISAAC): 1.5616 pJ per conversion
        assertEquals(16 * 8 * 64 * 6.1e-3 * 256, adcPj, 1e-6);
        assertEquals(r.get("energyPj").asDouble(), r.at("/energy/totalPj").asDouble(), 1e-6);
        // one step = max(100 ns read, ceil(64 / 1 ADC) x 0.78 ns); 128 steps
        assertEquals(128 * 100.0, r.get("latencyNs").asDouble(), 1e-9);
    }

    @Test
    void idealSettingsGiveTheExactProduct() throws Exception {
        JsonNode r = mvm("ideal", "--rows", "64", "--cols", "32", "--scheme", "native", "--input-bits", "0",
                "--weight-bits", "0", "--adc-bits", "0", "--vectors", "8");
        assertTrue(r.get("relativeError").asDouble() < 1e-6, r.get("relativeError").toString());
    }

    @Test
    void fewerAdcBitsGiveLargerErrors() throws Exception {
        double e4 = mvm("a4", "--rows", "64", "--cols", "32", "--adc-bits", "4").get("relativeError").asDouble();
        double e8 = mvm("a8", "--rows", "64", "--cols", "32", "--adc-bits", "8").get("relativeError").asDouble();
        assertTrue(e4 > 2 * e8, e4 + " vs " + e8);
    }

    @Test
    void sameSeedGivesTheSameReport() throws Exception {
        mvm("s1", "--rows", "32", "--cols", "16", "--thermal-noise-lsb", "1", "--seed", "5");
        mvm("s2", "--rows", "32", "--cols", "16", "--thermal-noise-lsb", "1", "--seed", "5");
        mvm("s3", "--rows", "32", "--cols", "16", "--thermal-noise-lsb", "1", "--seed", "6");
        String a = Files.readString(dir.resolve("s1.json"));
        assertEquals(a, Files.readString(dir.resolve("s2.json")));
        assertFalse(a.equals(Files.readString(dir.resolve("s3.json"))));
    }

    @Test
    void badInputExitsWithTwoAndNamesTheFieldAndValue() {
        String json = dir.resolve("x.json").toString();
        CliRun r = run("pim", "mvm", "--scheme", "crossbar-magic", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("scheme") && r.err().contains("crossbar-magic"), r.err());
        r = run("pim", "mvm", "--adc-bits", "23", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adc.bits") && r.err().contains("23"), r.err());
        r = run("pim", "mvm", "--rows", "0", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("rows") && r.err().contains("0"), r.err());
        r = run("pim", "mvm", "--adc-bits", "0", "--thermal-noise-lsb", "1", "--json", json);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("adc.bits"), r.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }
}
