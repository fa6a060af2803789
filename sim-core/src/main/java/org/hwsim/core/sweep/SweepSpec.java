package org.hwsim.core.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.config.ConfigReader;

/**
 * A full-factorial sweep: every combination of the parameters' values, each run once per seed.
 *
 * <p>YAML form:
 * <pre>
 * parameters:
 *   utilization: [0.7, 0.8, 0.9]
 *   gc: [greedy, cost-benefit]
 * seeds: [1, 2, 3]
 * </pre>
 * gives 3 x 2 x 3 = 18 points, enumerated with the last parameter varying fastest and the seed
 * fastest of all.
 *
 * @param parameters parameter name to its values (at least one value each), in order
 * @param seeds      master seeds, at least one, no duplicates
 */
public record SweepSpec(Map<String, List<Object>> parameters, List<Long> seeds) {

    /** Validates: non-empty value lists, scalar values, at least one seed, no duplicate seeds. */
    @JsonCreator
    public SweepSpec(@JsonProperty(value = "parameters", required = true) Map<String, List<Object>> parameters,
                     @JsonProperty(value = "seeds", required = true) List<Long> seeds) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must be present");
        }
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("parameter names must be non-empty: '" + name + "'");
            }
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("parameters." + name + " must list at least one value");
            }
            for (Object v : values) {
                if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                    throw new IllegalArgumentException("parameters." + name
                            + " values must be numbers, strings or booleans: " + v);
                }
            }
            copy.put(name, List.copyOf(values));
        });
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds must list at least one seed");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("seeds must not repeat: " + seeds);
        }
        this.parameters = Collections.unmodifiableMap(copy);
        this.seeds = List.copyOf(seeds);
    }

    /** Reads a sweep from a YAML or JSON file; errors name the file and the field. */
    public static SweepSpec read(Path file) {
        return ConfigReader.read(file, SweepSpec.class);
    }

    /** Number of points: the product of the value counts times the number of seeds. */
    public int size() {
        long n = seeds.size();
        for (List<Object> values : parameters.values()) {
            n *= values.size();
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sweep has more than 2^31 points");
            }
        }
        return (int) n;
    }

    /** Every point, in enumeration order. */
    public List<SweepPoint> points() {
        List<String> names = new ArrayList<>(parameters.keySet());
        int total = size();
        List<SweepPoint> out = new ArrayList<>(total);
        int[] idx = new int[names.size()];
        for (int p = 0; p < total / seeds.size(); p++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), parameters.get(names.get(i)).get(idx[i]));
            }
            for (long seed : seeds) {
                out.add(new SweepPoint(out.size(), values, seed));
            }
            for (int i = names.size() - 1; i >= 0; i--) {
                if (++idx[i] < parameters.get(names.get(i)).size()) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return out;
    }
}
