package org.hwsim.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConfigReader}: YAML and JSON into validating records, and every failure (validation,
 * unknown field, missing or null primitive, wrong type, syntax, empty document, missing file or
 * resource) as a {@link ConfigException} naming the source, the field path and the reason.
 */
class ConfigReaderTest {

    static final String DIR = "/org/hwsim/core/config/";

    static Path resourcePath(String file) {
        try {
            return Path.of(ConfigReaderTest.class.getResource(DIR + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final AdcBank EXPECTED = new AdcBank("crossbar0 column ADCs",
            List.of(new AdcSpec(8, 1.0, "sar-8b"), new AdcSpec(4, 0.5, "flash-4b")));

    @Test
    void readsYamlFromAFileAResourceAStreamAndAString() throws IOException {
        assertEquals(EXPECTED, ConfigReader.read(resourcePath("adc-bank.yaml"), AdcBank.class));
        assertEquals(EXPECTED, ConfigReader.readResource(DIR + "adc-bank.yaml", AdcBank.class));
        try (InputStream in = ConfigReaderTest.class.getResourceAsStream(DIR + "adc-bank.yaml")) {
            assertEquals(EXPECTED, ConfigReader.read(in, "stream", AdcBank.class));
        }
        String yaml = new String(ConfigReaderTest.class.getResourceAsStream(DIR + "adc-bank.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(EXPECTED, ConfigReader.readString(yaml, "string", AdcBank.class));
    }

    @Test
    void readsJson() {
        String json = """
                {"name": "crossbar0 column ADCs", "adcs": [
                  {"adcBits": 8, "fullScaleV": 1.0, "name": "sar-8b"},
                  {"adcBits": 4, "fullScaleV": 0.5, "name": "flash-4b"}]}
                """;
        assertEquals(EXPECTED, ConfigReader.readString(json, "inline.json", AdcBank.class));
    }

    /** Each bad file fails with a ConfigException naming the file (and line), the field path and the reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-adc-bits.yaml          | adcs[1]         | adcBits must be in [1, 16]: 23",
        "bad-missing-primitive.yaml | adcs[0].fullScaleV | fullScaleV",
        "bad-null-primitive.yaml    | adcs[0].adcBits | null",
        "bad-unknown-field.yaml     | adcs[0].gainDb  | gainDb",
        "bad-wrong-type.yaml        | adcs[0].adcBits | eight",
    })
    void badFilesNameTheFileTheFieldAndTheReason(String file, String field, String reason) {
        Path path = resourcePath(file);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(path, AdcBank.class));
        assertContains(e.getMessage(), path + ":"); // file and line
        assertContains(e.getMessage(), "field '" + field + "'");
        assertContains(e.getMessage(), reason);

        ConfigException viaResource = assertThrows(ConfigException.class,
                () -> ConfigReader.readResource(DIR + file, AdcBank.class));
        assertContains(viaResource.getMessage(), DIR + file + ":");
        assertContains(viaResource.getMessage(), "field '" + field + "'");
    }

    /** A validation failure of the top-level record has no field path; the record's own message names the field. */
    @Test
    void topLevelValidationFailureKeepsTheRecordsMessage() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.readString("adcBits: 0\nfullScaleV: 1.0\nname: x\n", "adc.yaml", AdcSpec.class));
        assertContains(e.getMessage(), "adc.yaml");
        assertContains(e.getMessage(), "adcBits must be in [1, 16]: 0");
        assertTrue(e.getCause() != null, "the Jackson exception is kept as the cause");
    }

    @Test
    void aTopLevelUnknownFieldIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.readString("adcBits: 8\nfullScaleV: 1.0\nname: x\nadcBit: 9\n", "typo.yaml", AdcSpec.class));
        assertContains(e.getMessage(), "typo.yaml");
        assertContains(e.getMessage(), "field 'adcBit'");
    }

    /** The class Javadoc's example: a misspelt {@code adcBit} must fail, not fall back to a default. */
    @Test
    void aMisspeltFieldFailsInsteadOfFallingBackToADefault() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.readString("adcBit: 8\nfullScaleV: 1.0\nname: x\n", "misspelt.yaml", AdcSpec.class));
        assertContains(e.getMessage(), "misspelt.yaml");
        assertContains(e.getMessage(), "adcBit");
    }

    @Test
    void syntaxErrorsNameTheSourceAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.readString("name: x\nadcs: [ {adcBits: 8\n", "broken.yaml", AdcBank.class));
        assertContains(e.getMessage(), "broken.yaml:");
    }

    @Test
    void anEmptyDocumentIsAConfigExceptionNamingTheSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(resourcePath("empty.yaml"), AdcBank.class));
        assertContains(e.getMessage(), resourcePath("empty.yaml").toString());
        e = assertThrows(ConfigException.class, () -> ConfigReader.readString("", "nothing.yaml", AdcBank.class));
        assertContains(e.getMessage(), "nothing.yaml");
        e = assertThrows(ConfigException.class,
                () -> ConfigReader.read(new ByteArrayInputStream(new byte[0]), "empty stream", AdcBank.class));
        assertContains(e.getMessage(), "empty stream");
    }

    @Test
    void missingFilesAndResourcesAreConfigExceptionsNamingThem() {
        Path missing = Path.of("no-such-dir", "device.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigReader.read(missing, AdcBank.class));
        assertContains(e.getMessage(), missing.toString());
        e = assertThrows(ConfigException.class, () -> ConfigReader.readResource(DIR + "none.yaml", AdcBank.class));
        assertContains(e.getMessage(), DIR + "none.yaml");
    }

    @Test
    void configExceptionKeepsMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("why");
        ConfigException e = new ConfigException("device.yaml:3: field 'x': bad", cause);
        assertEquals("device.yaml:3: field 'x': bad", e.getMessage());
        assertEquals(cause, e.getCause());
        assertEquals("m", new ConfigException("m").getMessage());
    }

    static void assertContains(String message, String expected) {
        assertTrue(message != null && message.contains(expected), () -> "message should contain '" + expected + "': " + message);
    }
}
