package org.hwsim.core.energy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hwsim.core.config.ConfigReader;

/**
 * Energy per action and static power per power state for each class of component, in the style of
 * Accelergy's energy reference tables (Wu, Emer and Sze, "Accelergy: An Architecture-Level Energy
 * Estimation Methodology for Accelerator Designs", ICCAD 2019): component class x action -> pJ.
 *
 * <p>YAML form (JSON works too):
 * <pre>
 * source: "where the figures come from"
 * classes:
 *   sram-64kib:
 *     actionsPj: { read: 5.2, write: 6.1 }
 *     powerStatesMw: { idle: 0.1, active: 2.0 }
 * </pre>
 */
public record ActionEnergyTable(String source, Map<String, ComponentClass> classes) {

    /** Validates every class; names the class, the action or state, and the value on failure. */
    @JsonCreator
    public ActionEnergyTable(@JsonProperty("source") String source,
                             @JsonProperty(value = "classes", required = true) Map<String, ComponentClass> classes) {
        this.source = source == null ? "" : source;
        if (classes == null) {
            throw new IllegalArgumentException("classes must be present");
        }
        Map<String, ComponentClass> named = new LinkedHashMap<>();
        classes.forEach((name, c) -> {
            if (c == null) {
                throw new IllegalArgumentException("class '" + name + "' is empty");
            }
            named.put(name, new ComponentClass(name, c.actionsPj(), c.powerStatesMw()));
        });
        this.classes = Collections.unmodifiableMap(named);
    }

    /** Reads a table from a YAML or JSON file; errors name the file and field. */
    public static ActionEnergyTable read(Path file) {
        return ConfigReader.read(file, ActionEnergyTable.class);
    }

    /** Reads a table from a class-path resource. */
    public static ActionEnergyTable readResource(String resource) {
        return ConfigReader.readResource(resource, ActionEnergyTable.class);
    }

    /** The class with this name; throws naming it and the known classes if absent. */
    public ComponentClass componentClass(String name) {
        ComponentClass c = classes.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown component class '" + name + "'; table has " + classes.keySet());
        }
        return c;
    }

    /** Energy per action of {@code action} for {@code componentClass}, in pJ. */
    public double energyPj(String componentClass, String action) {
        Double e = componentClass(componentClass).actionsPj().get(action);
        if (e == null) {
            throw new IllegalArgumentException("component class '" + componentClass + "' has no action '" + action
                    + "'; it has " + componentClass(componentClass).actionsPj().keySet());
        }
        return e;
    }

    /**
     * One class of component: energy per action (pJ) and power per state (mW). In a file a class is
     * named by its key under {@code classes}, so {@code name} is written out but not read back.
     */
    @JsonIgnoreProperties(value = "name", allowGetters = true)
    public record ComponentClass(String name, Map<String, Double> actionsPj, Map<String, Double> powerStatesMw) {

        /** Validates that every energy and power is finite and non-negative. */
        public ComponentClass(String name, Map<String, Double> actionsPj, Map<String, Double> powerStatesMw) {
            this.name = name == null ? "" : name;
            this.actionsPj = check(this.name, "actionsPj", actionsPj, "pJ");
            this.powerStatesMw = check(this.name, "powerStatesMw", powerStatesMw, "mW");
        }

        /** The file form, without a name (the enclosing table names the class by its key). */
        @JsonCreator
        static ComponentClass fromConfig(@JsonProperty("actionsPj") Map<String, Double> actionsPj,
                                         @JsonProperty("powerStatesMw") Map<String, Double> powerStatesMw) {
            return new ComponentClass("", actionsPj, powerStatesMw);
        }

        private static Map<String, Double> check(String cls, String field, Map<String, Double> values, String unit) {
            if (values == null) {
                return Map.of();
            }
            Map<String, Double> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (v == null || v.isNaN() || v.isInfinite() || v < 0) {
                    throw new IllegalArgumentException((cls.isEmpty() ? "" : "class '" + cls + "': ") + field + "." + k
                            + " must be finite and >= 0 " + unit + ": " + v);
                }
                copy.put(k, v);
            });
            return Collections.unmodifiableMap(copy);
        }
    }
}
