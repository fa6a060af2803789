package org.hwsim.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.config.ConfigException;
import org.hwsim.core.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ActionEnergyTable}: reading the Accelergy-style table from YAML (a test resource with the
 * 45 nm figures of Horowitz, ISSCC 2014) and JSON, the documented YAML form, lookups, and bad files
 * failing with a {@link ConfigException} that names the file and the field.
 */
class ActionEnergyTableTest {

    static final String RESOURCE = "/org/hwsim/core/energy/horowitz-45nm.yaml";

    static Path resourcePath(String name) {
        try {
            return Path.of(ActionEnergyTableTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheTableFromAYamlResource() {
        ActionEnergyTable table = ActionEnergyTable.readResource(RESOURCE);
        assertEquals("Horowitz, ISSCC 2014, 45 nm (power states illustrative)", table.source());
        assertEquals(List.of("int-alu-32b", "fp-unit-32b", "sram-8kib", "dram"), List.copyOf(table.classes().keySet()));
        // the figures as printed in the paper, read back exactly
        assertEquals(0.1, table.energyPj("int-alu-32b", "add"));
        assertEquals(3.1, table.energyPj("int-alu-32b", "mult"));
        assertEquals(0.9, table.energyPj("fp-unit-32b", "add"));
        assertEquals(3.7, table.energyPj("fp-unit-32b", "mult"));
        assertEquals(10.0, table.energyPj("sram-8kib", "read-64b"));
        assertEquals(1300.0, table.energyPj("dram", "read-64b"));

        ActionEnergyTable.ComponentClass alu = table.componentClass("int-alu-32b");
        assertEquals("int-alu-32b", alu.name(), "a class is named by its key");
        assertEquals(Map.of("idle", 0.01, "active", 1.5), alu.powerStatesMw());
        assertEquals(Map.of(), table.componentClass("fp-unit-32b").powerStatesMw());
    }

    @Test
    void readingTheFileGivesTheSameTableAsTheResource() {
        assertEquals(ActionEnergyTable.readResource(RESOURCE), ActionEnergyTable.read(resourcePath(RESOURCE)));
    }

    /** The YAML form shown in the class Javadoc, verbatim. */
    @Test
    void readsTheFormDocumentedInTheJavadoc() {
        String yaml = """
                source: "where the figures come from"
                classes:
                  sram-64kib:
                    actionsPj: { read: 5.2, write: 6.1 }
                    powerStatesMw: { idle: 0.1, active: 2.0 }
                """;
        ActionEnergyTable table = ConfigReader.readString(yaml, "javadoc example", ActionEnergyTable.class);
        assertEquals(5.2, table.energyPj("sram-64kib", "read"));
        assertEquals(6.1, table.energyPj("sram-64kib", "write"));
        assertEquals(2.0, table.componentClass("sram-64kib").powerStatesMw().get("active"));
    }

    @Test
    void readsJson() {
        String json = """
                {"source": "json", "classes": {"mac-8b": {"actionsPj": {"mac": 0.23}, "powerStatesMw": {"idle": 0.0}}}}
                """;
        ActionEnergyTable table = ConfigReader.readString(json, "inline.json", ActionEnergyTable.class);
        assertEquals(0.23, table.energyPj("mac-8b", "mac"));
    }

    /** What the mapper writes (e.g. into a report's config section) reads back as the same table. */
    @Test
    void roundTripsThroughTheConfigMapper() throws Exception {
        ActionEnergyTable table = ActionEnergyTable.readResource(RESOURCE);
        String written = ConfigReader.mapper().writeValueAsString(table);
        assertEquals(table, ConfigReader.readString(written, "written", ActionEnergyTable.class));
    }

    @Test
    void tablesAreImmutable() {
        ActionEnergyTable table = ActionEnergyTable.readResource(RESOURCE);
        assertThrows(UnsupportedOperationException.class, () -> table.classes().remove("dram"));
        assertThrows(UnsupportedOperationException.class,
                () -> table.componentClass("dram").actionsPj().put("write-64b", 1.0));
        Map<String, Double> actions = new HashMap<>(Map.of("read", 1.0));
        ActionEnergyTable.ComponentClass c = new ActionEnergyTable.ComponentClass("c", actions, null);
        actions.put("read", 99.0);
        assertEquals(1.0, c.actionsPj().get("read"), "a defensive copy");
        assertEquals(Map.of(), c.powerStatesMw());
    }

    @Test
    void unknownClassOrActionIsNamed() {
        ActionEnergyTable table = ActionEnergyTable.readResource(RESOURCE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.energyPj("sram-1mib", "read-64b"));
        assertContains(e.getMessage(), "sram-1mib");
        assertContains(e.getMessage(), "sram-8kib"); // lists the known classes
        e = assertThrows(IllegalArgumentException.class, () -> table.energyPj("sram-8kib", "write-64b"));
        assertContains(e.getMessage(), "sram-8kib");
        assertContains(e.getMessage(), "write-64b");
        assertContains(e.getMessage(), "read-64b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-1.0     | actionsPj  | read",
        "NaN      | actionsPj  | read",
        "Infinity | powerStatesMw | idle",
        "-0.5     | powerStatesMw | idle",
    })
    void constructorRejectsBadValuesNamingClassFieldAndValue(double value, String field, String key) {
        Map<String, Double> bad = Map.of(key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ActionEnergyTable.ComponentClass(
                "sram-8kib", field.equals("actionsPj") ? bad : null, field.equals("powerStatesMw") ? bad : null));
        assertContains(e.getMessage(), "sram-8kib");
        assertContains(e.getMessage(), field + "." + key);
        assertContains(e.getMessage(), String.valueOf(value));
    }

    /** Each bad file fails with a ConfigException whose message names the file, the field and the value or reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-negative-energy.yaml  | classes.sram-8kib | actionsPj.read-64b | -10.0",
        "bad-infinite-energy.yaml  | classes.dram.actionsPj | numeric  | .inf",
        "bad-nan-power.yaml        | classes.sram-8kib | powerStatesMw.retention | NaN",
        "bad-unknown-field.yaml    | classes.sram-8kib | leakageMw          | leakageMw",
        "bad-wrong-type.yaml       | classes.sram-8kib.actionsPj.read-64b | Double | ten",
        "bad-classes-not-a-map.yaml | classes          | Map                | classes",
    })
    void badFilesNameTheFileAndTheField(String file, String fieldPath, String detail, String value) {
        Path path = resourcePath("/org/hwsim/core/energy/" + file);
        ConfigException e = assertThrows(ConfigException.class, () -> ActionEnergyTable.read(path));
        assertContains(e.getMessage(), path.toString());
        assertContains(e.getMessage(), "field '" + fieldPath);
        assertContains(e.getMessage(), detail);
        assertContains(e.getMessage(), value);

        // the same through the class path names the resource
        String resource = "/org/hwsim/core/energy/" + file;
        ConfigException viaResource = assertThrows(ConfigException.class, () -> ActionEnergyTable.readResource(resource));
        assertContains(viaResource.getMessage(), resource);
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        Path path = resourcePath("/org/hwsim/core/energy/bad-syntax.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ActionEnergyTable.read(path));
        assertContains(e.getMessage(), path + ":");
        assertContains(e.getMessage(), "TAB");
    }

    @Test
    void aMissingFileIsAConfigExceptionNamingIt() {
        Path missing = Path.of("no-such-dir", "no-such-table.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ActionEnergyTable.read(missing));
        assertContains(e.getMessage(), missing.toString());
        e = assertThrows(ConfigException.class, () -> ActionEnergyTable.readResource("/org/hwsim/core/energy/none.yaml"));
        assertContains(e.getMessage(), "/org/hwsim/core/energy/none.yaml");
    }

    static void assertContains(String message, String expected) {
        assertTrue(message != null && message.contains(expected), () -> "message should contain '" + expected + "': " + message);
    }
}
