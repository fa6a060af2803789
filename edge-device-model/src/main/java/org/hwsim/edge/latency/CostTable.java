package org.hwsim.edge.latency;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.core.report.AtomicFiles;
import org.hwsim.edge.device.UnitKind;

/**
 * Latency-model parameters per runtime path ({@code "ncnn/cpu"}) with a fallback per unit kind
 * ({@code "gpu"}) for paths no measurement calibrated, and the priors below both. The fitted table
 * ships as {@code org/hwsim/edge/calibration.yaml} and is what {@link #defaults()} returns.
 */
public final class CostTable {
    private static final String RESOURCE = "/org/hwsim/edge/calibration.yaml";
    private static volatile CostTable defaults;

    private final String description;
    private final Map<String, CostParameters> byKind;
    private final Map<String, CostParameters> byPath;

    /**
     * Creates a table.
     *
     * @param description what the parameters were fitted on
     * @param byKind unit kind id to parameters
     * @param byPath {@code runtime/path} to parameters
     */
    public CostTable(String description, Map<String, CostParameters> byKind, Map<String, CostParameters> byPath) {
        this.description = description;
        this.byKind = Map.copyOf(byKind);
        this.byPath = Map.copyOf(byPath);
    }

    /** A table holding only the priors. */
    public static CostTable priors() {
        return new CostTable("priors", Map.of(), Map.of());
    }

    /** The shipped calibration, or the priors when none ships. */
    public static CostTable defaults() {
        CostTable table = defaults;
        if (table == null) {
            synchronized (CostTable.class) {
                table = defaults;
                if (table == null) {
                    table = loadDefaults();
                    defaults = table;
                }
            }
        }
        return table;
    }

    /** The parameters for {@code runtime} on {@code path} running on a unit of {@code kind}. */
    public CostParameters parameters(String runtime, String path, UnitKind kind) {
        CostParameters p = byPath.get(runtime + "/" + path);
        if (p != null) {
            return p;
        }
        p = byKind.get(kind.id());
        return p != null ? p : CostParameters.priors();
    }

    /** What the table was fitted on. */
    public String description() {
        return description;
    }

    /** Unit kind id to parameters. */
    public Map<String, CostParameters> byKind() {
        return byKind;
    }

    /** {@code runtime/path} to parameters. */
    public Map<String, CostParameters> byPath() {
        return byPath;
    }

    /** Writes the table as YAML, atomically. */
    public void write(Path file) {
        File out = new File(description, toMaps(byKind), toMaps(byPath));
        try {
            String text = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(out);
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a table written by {@link #write}. */
    public static CostTable read(Path file) {
        return fromFile(ConfigReader.read(file, File.class));
    }

    private static CostTable loadDefaults() {
        try (InputStream in = CostTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return priors();
            }
            return fromFile(ConfigReader.read(in, RESOURCE, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CostTable fromFile(File f) {
        Map<String, CostParameters> kinds = new LinkedHashMap<>();
        f.kinds().forEach((k, v) -> kinds.put(k, CostParameters.of(v, CostParameters.priors())));
        Map<String, CostParameters> paths = new LinkedHashMap<>();
        f.paths().forEach((k, v) -> paths.put(k, CostParameters.of(v, CostParameters.priors())));
        return new CostTable(f.description(), kinds, paths);
    }

    private static Map<String, Map<String, Double>> toMaps(Map<String, CostParameters> in) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, v.toMap()));
        return out;
    }

    /** The file shape. */
    record File(
            @JsonProperty(required = true) String description,
            Map<String, Map<String, Double>> kinds,
            Map<String, Map<String, Double>> paths) {
        File {
            kinds = kinds == null ? Map.of() : kinds;
            paths = paths == null ? Map.of() : paths;
        }
    }
}
