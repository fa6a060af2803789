package org.hwsim.pim.accel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.pim.cost.PimCostTable;

/**
 * Latency and energy per action of every component of a {@link PimAccelerator}, in the style of
 * an Accelergy action table: component -> field -> value, energies in pJ and times in ns (the
 * unit is the suffix of each field name).
 *
 * <p>The defaults ({@link #defaults()}) are the class-path resource {@code
 * /org/hwsim/pim/accel/isaac-actions.yaml}, which cites the source of every figure (ISAAC, ISCA
 * 2016, Table 6; Murmann's ADC survey; NeuroSim). A table read from a file overrides only the
 * fields it names; the rest keep their defaults. Unknown components or fields, and values that
 * are negative, not finite, or (for sizes) not whole and positive, fail with the field and value.
 *
 * <pre>
 * components:
 *   adc: {waldenFomFjPerStep: 6.1, schreierFomDb: 180, convertNs: 0.78125}
 *   buffer: {readPj: 20.45}
 * </pre>
 *
 * @param source where the figures come from
 * @param components component -> field -> value, every field present (defaults filled in)
 */
public record PimActionTable(String source, Map<String, Map<String, Double>> components) {
    /** Resource holding the default table. */
    public static final String DEFAULTS_RESOURCE = "/org/hwsim/pim/accel/isaac-actions.yaml";

    /** Known components and their fields, in file order. */
    static final Map<String, List<String>> SCHEMA = schema();

    private static final PimActionTable DEFAULTS = ConfigReader.readResource(DEFAULTS_RESOURCE, PimActionTable.class);

    /** Validates every field; fills absent fields from the defaults. */
    public PimActionTable {
        source = source == null ? "" : source;
        if (components == null) {
            components = Map.of();
        }
        Map<String, Map<String, Double>> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Double>> c : components.entrySet()) {
            List<String> fields = SCHEMA.get(c.getKey());
            if (fields == null) {
                throw new IllegalArgumentException("actions.components has an unknown component '" + c.getKey()
                        + "'; known: " + SCHEMA.keySet());
            }
            Map<String, Double> values = c.getValue() == null ? Map.of() : c.getValue();
            for (Map.Entry<String, Double> f : values.entrySet()) {
                String name = "actions.components." + c.getKey() + "." + f.getKey();
                if (!fields.contains(f.getKey())) {
                    throw new IllegalArgumentException(name + " is not a known field; " + c.getKey() + " has " + fields);
                }
                Double v = f.getValue();
                if (v == null || !Double.isFinite(v) || v < 0) {
                    throw new IllegalArgumentException(name + " must be finite and >= 0: " + v);
                }
                if (f.getKey().endsWith("Bytes") && (v < 1 || v != Math.rint(v))) {
                    throw new IllegalArgumentException(name + " must be a whole number >= 1: " + v);
                }
                if ((f.getKey().equals("convertNs") || f.getKey().startsWith("waldenFom")
                        || f.getKey().startsWith("schreierFom")) && v == 0) {
                    throw new IllegalArgumentException(name + " must be positive: " + v);
                }
            }
        }
        for (Map.Entry<String, List<String>> s : SCHEMA.entrySet()) {
            Map<String, Double> given = components.getOrDefault(s.getKey(), Map.of());
            Map<String, Double> row = new LinkedHashMap<>();
            for (String field : s.getValue()) {
                Double v = given == null ? null : given.get(field);
                if (v == null) {
                    if (DEFAULTS == null) {
                        throw new IllegalArgumentException("actions.components." + s.getKey() + "." + field
                                + " is missing from the defaults resource " + DEFAULTS_RESOURCE);
                    }
                    v = DEFAULTS.components.get(s.getKey()).get(field);
                }
                row.put(field, v);
            }
            merged.put(s.getKey(), Collections.unmodifiableMap(row));
        }
        components = Collections.unmodifiableMap(merged);
    }

    @JsonCreator
    static PimActionTable fromConfig(@JsonProperty("source") String source,
                                     @JsonProperty("components") Map<String, Map<String, Double>> components) {
        return new PimActionTable(source == null && DEFAULTS != null ? DEFAULTS.source : source, components);
    }

    /** The published defaults (see the resource for the source of each figure). */
    public static PimActionTable defaults() {
        return DEFAULTS;
    }

    /** The value of {@code component.field}. */
    public double value(String component, String field) {
        Map<String, Double> c = components.get(component);
        if (c == null || !c.containsKey(field)) {
            throw new IllegalArgumentException("no action field " + component + "." + field);
        }
        return c.get(field);
    }

    /** This table with one value replaced (validated like a file entry). */
    public PimActionTable with(String component, String field, double value) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        components.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        if (!copy.containsKey(component)) {
            copy.put(component, new LinkedHashMap<>());
        }
        copy.get(component).put(field, value);
        return new PimActionTable(source, copy);
    }

    /**
     * Energy of one ADC conversion at {@code bits} of resolution, in pJ: the larger of the Walden
     * and the Schreier bounds (see {@link PimCostTable#adcConversionPj(int)}). With the defaults, 8
     * bits cost 6.1 fJ x 256 = 1.56 pJ (ISAAC's 2 mW at 1.28 GS/s), 4 bits 0.098 pJ, 12 bits 25 pJ.
     */
    public double adcConvertPj(int bits) {
        return new PimCostTable(value("adc", "waldenFomFjPerStep"), value("adc", "schreierFomDb"),
                value("adc", "convertNs"), 1, 0, 0, 0, 0).adcConversionPj(bits);
    }

    /**
     * Energy of driving one wordline for one analog step with a DAC of {@code bits} bits, in pJ:
     * the 1-bit figure times {@code 2^(bits-1)} (a binary-weighted DAC's switched capacitance
     * doubles per bit, the scaling Accelergy's ISAAC DAC model uses).
     */
    public double dacDrivePj(int bits) {
        return value("dac", "drivePj") * Math.pow(2, Math.max(0, bits - 1));
    }

    static long ps(double ns) {
        return Math.round(ns * 1000.0);
    }

    private static Map<String, List<String>> schema() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("adc", List.of("waldenFomFjPerStep", "schreierFomDb", "convertNs"));
        s.put("dac", List.of("drivePj"));
        s.put("array", List.of("cellReadPj", "readNs", "cellWritePj", "rowWriteNs"));
        s.put("shiftAdd", List.of("accumulatePj", "latencyNs"));
        s.put("buffer", List.of("wordBytes", "readPj", "writePj", "accessNs"));
        s.put("interconnect", List.of("flitBytes", "busPj", "routerPj", "flitNs"));
        return Collections.unmodifiableMap(s);
    }
}
