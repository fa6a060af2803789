package org.hwsim.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.energy.EnergyLedger;
import org.hwsim.core.stats.LatencyHistogram;

/**
 * The one result shape every hwsim command writes: the version, the command, the seed, the full
 * configuration, the simulated time, the command's headline metrics at the top level, then nested
 * latency distributions, energy by component and any further sections.
 *
 * <pre>
 * { "hwsim": "0.1.0", "command": "demo", "seed": 1, "config": {...}, "simulatedPs": 123,
 *   "meanWaitUs": 9.1, ...,
 *   "latency": { "waitUs": { "p50": .., "p95": .., "p99": .., "p999": .., "mean": .., "max": .., "count": .. } },
 *   "energy": { "totalPj": .., "components": { "a/b": { "staticPj": .., "dynamicPj": ..,
 *                "actions": { "read": { "count": .., "energyPj": .. } } } } } }
 * </pre>
 *
 * <p>The CSV form is one header line and one row: the seed, the simulated time and the headline
 * metrics, so sweep rows load straight into pandas or R. Both forms are written atomically.
 * Reports are immutable once built.
 */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String VERSION = loadVersion();

    private final ObjectNode root;
    private final Map<String, Object> headline;

    private Report(ObjectNode root, Map<String, Object> headline) {
        this.root = root;
        this.headline = headline;
    }

    /** The hwsim version written in every report. */
    public static String version() {
        return VERSION;
    }

    /** Starts a report of {@code command} run with master seed {@code seed}. */
    public static Builder builder(String command, long seed) {
        return new Builder(command, seed);
    }

    /** The report as a JSON tree (a deep copy; the report itself stays unchanged). */
    public ObjectNode json() {
        return root.deepCopy();
    }

    /** The JSON text, indented. */
    public String toJsonString() {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headline columns in order: seed, simulatedPs, then the headline metrics. */
    public Map<String, Object> headline() {
        return Collections.unmodifiableMap(headline);
    }

    /** The CSV header line (no line terminator). */
    public String csvHeader() {
        return Csv.line(new ArrayList<>(headline.keySet()));
    }

    /** The CSV row of headline values (no line terminator). */
    public String csvRow() {
        List<String> cells = new ArrayList<>();
        for (Object v : headline.values()) {
            cells.add(Csv.format(v));
        }
        return Csv.line(cells);
    }

    /** Writes the JSON document atomically. */
    public void writeJson(Path file) {
        AtomicFiles.writeString(file, toJsonString());
    }

    /** Writes the CSV header and row atomically. */
    public void writeCsv(Path file) {
        AtomicFiles.writeString(file, csvHeader() + "\n" + csvRow() + "\n");
    }

    /** Builds a {@link Report}; each top-level name may be set once. */
    public static final class Builder {
        private final ObjectNode root = JsonNodeFactory.instance.objectNode();
        private final Map<String, Object> headline = new LinkedHashMap<>();
        private final ObjectNode latency = JsonNodeFactory.instance.objectNode();
        private final Map<String, JsonNode> sections = new LinkedHashMap<>();
        private JsonNode energy;

        private Builder(String command, long seed) {
            root.put("hwsim", VERSION);
            root.put("command", command);
            root.put("seed", seed);
            root.putObject("config");
            root.put("simulatedPs", 0L);
            headline.put("seed", seed);
        }

        /** Every input of the run, defaults filled in (any Jackson-serialisable value). */
        public Builder config(Object config) {
            root.set("config", JSON.valueToTree(config));
            return this;
        }

        /** Simulated time at the end of the run. */
        public Builder simulatedPs(long simulatedPs) {
            root.put("simulatedPs", simulatedPs);
            headline.put("simulatedPs", simulatedPs);
            return this;
        }

        /** A headline metric (name with its unit, e.g. {@code "meanWaitUs"}); NaN is written as null. */
        public Builder metric(String name, double value) {
            checkName(name);
            headline.put(name, value);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                root.putNull(name);
            } else {
                root.put(name, value);
            }
            return this;
        }

        /** A headline metric with an integer value. */
        public Builder metric(String name, long value) {
            checkName(name);
            headline.put(name, value);
            root.put(name, value);
            return this;
        }

        /** A headline metric with a text value (a scheme id, a preset name). */
        public Builder metric(String name, String value) {
            checkName(name);
            headline.put(name, value);
            root.put(name, value);
            return this;
        }

        /** A latency distribution, e.g. {@code latency("writeLatencyUs", h, Time.PS_PER_US)}. */
        public Builder latency(String name, LatencyHistogram histogram, long psPerUnit) {
            latency.set(name, JSON.valueToTree(histogram.summary(psPerUnit)));
            return this;
        }

        /** Energy by component from a ledger (settled to the current simulated time first). */
        public Builder energy(EnergyLedger ledger) {
            ledger.settle();
            ObjectNode e = JsonNodeFactory.instance.objectNode();
            e.put("totalPj", ledger.totalPj());
            ObjectNode comps = e.putObject("components");
            for (Map.Entry<String, EnergyComponent> entry : ledger.components().entrySet()) {
                EnergyComponent c = entry.getValue();
                ObjectNode n = comps.putObject(entry.getKey());
                n.put("staticPj", c.staticPj());
                n.put("dynamicPj", c.dynamicPj());
                ObjectNode actions = n.putObject("actions");
                c.actions().forEach((name, t) -> {
                    ObjectNode a = actions.putObject(name);
                    a.put("count", t.count());
                    a.put("energyPj", t.energyPj());
                });
                ObjectNode states = n.putObject("timeInStatePs");
                c.timeInStatePs().forEach((name, ps) -> {
                    if (ps > 0) {
                        states.put(name, ps);
                    }
                });
            }
            energy = e;
            return this;
        }

        /** A further nested section (per-layer tables, device details), any serialisable value. */
        public Builder section(String name, Object value) {
            checkName(name);
            sections.put(name, JSON.valueToTree(value));
            return this;
        }

        /** The finished report. */
        public Report build() {
            ObjectNode r = root.deepCopy();
            if (!latency.isEmpty()) {
                r.set("latency", latency.deepCopy());
            }
            if (energy != null) {
                r.set("energy", energy.deepCopy());
            }
            sections.forEach(r::set);
            return new Report(r, new LinkedHashMap<>(headline));
        }

        private void checkName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("report field name must be non-empty");
            }
            if (root.has(name) || sections.containsKey(name) || name.equals("latency") || name.equals("energy")) {
                throw new IllegalArgumentException("report field '" + name + "' is set twice or reserved");
            }
        }
    }

    private static String loadVersion() {
        try (InputStream in = Report.class.getResourceAsStream("/org/hwsim/core/hwsim-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
