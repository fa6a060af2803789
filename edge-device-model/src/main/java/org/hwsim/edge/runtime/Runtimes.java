package org.hwsim.edge.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.config.ConfigException;
import org.hwsim.core.config.ConfigReader;

/**
 * The inference runtimes by id, read from {@code org/hwsim/edge/runtimes.yaml}: the one registry
 * the command line, its errors and the docs list.
 */
public final class Runtimes {
    private static final String RESOURCE = "/org/hwsim/edge/runtimes.yaml";
    private static final Map<String, RuntimeSpec> BY_ID = load();

    private Runtimes() {
    }

    /** The runtime ids in file order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** Every runtime, in file order. */
    public static List<RuntimeSpec> all() {
        return List.copyOf(BY_ID.values());
    }

    /**
     * The runtime with this id.
     *
     * @throws IllegalArgumentException if there is none, listing the ids
     */
    public static RuntimeSpec get(String id) {
        RuntimeSpec spec = BY_ID.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("runtime must be one of " + ids() + ": '" + id + "'");
        }
        return spec;
    }

    private static Map<String, RuntimeSpec> load() {
        try (InputStream in = Runtimes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("resource not found: " + RESOURCE);
            }
            List<RuntimeSpec> list = ConfigReader.mapper().readValue(in, new TypeReference<List<RuntimeSpec>>() { });
            Map<String, RuntimeSpec> byId = new LinkedHashMap<>();
            for (RuntimeSpec spec : list) {
                if (byId.put(spec.id(), spec) != null) {
                    throw new ConfigException(RESOURCE + ": duplicate runtime id '" + spec.id() + "'");
                }
            }
            return java.util.Collections.unmodifiableMap(byId);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
