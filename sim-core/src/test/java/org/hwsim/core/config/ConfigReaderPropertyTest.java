package org.hwsim.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trip: any valid record written by {@link ConfigReader#mapper()} (as a report's config
 * section would be) reads back equal, including names that YAML would otherwise take for null,
 * booleans, numbers or comments.
 */
class ConfigReaderPropertyTest {

    @Provide
    Arbitrary<AdcBank> banks() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(" /-_:#'\"\\{}[],&*!|>%@`é")
                        .ofMaxLength(20),
                Arbitraries.of("null", "~", "true", "no", "yes", "1.0", "0x1F", ".inf", "", " leading", "trailing ", "a: b", "- x"));
        Arbitrary<AdcSpec> adc = Combinators.combine(
                Arbitraries.integers().between(1, 16),
                // any double in [1e-9, 1e9], all 53 bits (positive doubles order like their bit patterns)
                Arbitraries.longs().between(Double.doubleToLongBits(1e-9), Double.doubleToLongBits(1e9)).map(Double::longBitsToDouble),
                names).as(AdcSpec::new);
        return Combinators.combine(names, adc.list().ofMaxSize(5)).as(AdcBank::new);
    }

    @Property(tries = 300)
    void writtenConfigsReadBackEqual(@ForAll("banks") AdcBank bank) throws JsonProcessingException {
        String yaml = ConfigReader.mapper().writeValueAsString(bank);
        assertEquals(bank, ConfigReader.readString(yaml, "written.yaml", AdcBank.class), yaml);
    }

    @Property(tries = 100)
    void jsonWrittenByAPlainMapperReadsBackEqual(@ForAll("banks") AdcBank bank) throws JsonProcessingException {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(bank);
        assertEquals(bank, ConfigReader.readString(json, "written.json", AdcBank.class), json);
        assertEquals(List.copyOf(bank.adcs()), ConfigReader.readString(json, "written.json", AdcBank.class).adcs());
    }
}
