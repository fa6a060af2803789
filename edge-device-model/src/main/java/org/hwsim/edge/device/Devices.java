package org.hwsim.edge.device;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.config.ConfigException;
import org.hwsim.core.config.ConfigReader;

/**
 * The device presets by id, read from {@code org/hwsim/edge/devices/<id>.yaml}, and user device
 * files. The id list below is the one registry the command line's help, its error messages and
 * the docs come from; adding a preset is one YAML file and one line here.
 */
public final class Devices {
    /** Preset ids, in display order. */
    private static final List<String> PRESET_IDS = List.of(
            "jetson-nano", "jetson-tx2", "jetson-tx2-nx", "jetson-xavier-nx", "jetson-agx-xavier",
            "jetson-agx-orin", "snapdragon-855", "snapdragon-888", "exynos-2100");

    private static final Map<String, DeviceSpec> CACHE = new LinkedHashMap<>();

    private Devices() {
    }

    /** The preset ids. */
    public static List<String> ids() {
        return PRESET_IDS;
    }

    /**
     * The preset with id {@code id}.
     *
     * @throws IllegalArgumentException if there is none, listing the ids
     */
    public static synchronized DeviceSpec get(String id) {
        if (!PRESET_IDS.contains(id)) {
            throw new IllegalArgumentException("device must be one of " + PRESET_IDS + ": '" + id + "'");
        }
        return CACHE.computeIfAbsent(id, k -> {
            DeviceSpec spec = ConfigReader.readResource("/org/hwsim/edge/devices/" + k + ".yaml", DeviceSpec.class);
            if (!spec.id().equals(k)) {
                throw new ConfigException("/org/hwsim/edge/devices/" + k + ".yaml: id must equal the file name: '"
                        + spec.id() + "'");
            }
            return spec;
        });
    }

    /** Every preset, in {@link #ids()} order. */
    public static List<DeviceSpec> all() {
        return PRESET_IDS.stream().map(Devices::get).toList();
    }

    /**
     * A device file a user wrote, in the presets' format.
     *
     * @throws ConfigException naming the file, the line and the field of any error
     */
    public static DeviceSpec read(Path file) {
        return ConfigReader.read(file, DeviceSpec.class);
    }

    /** A preset id, or else the path of a device file. */
    public static DeviceSpec resolve(String idOrPath) {
        if (PRESET_IDS.contains(idOrPath)) {
            return get(idOrPath);
        }
        if (idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml") || idOrPath.endsWith(".json")) {
            return read(Path.of(idOrPath));
        }
        throw new IllegalArgumentException(
                "device must be one of " + PRESET_IDS + " or a device .yaml file: '" + idOrPath + "'");
    }
}
