package org.hwsim.edge.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An edge device as its preset file describes it: compute units, DRAM, power modes and the
 * sources every figure comes from. Presets live in {@code org/hwsim/edge/devices/<id>.yaml}; a user
 * adds a device by writing one such file ({@link Devices#read}).
 *
 * @param id the stable id, e.g. {@code "jetson-tx2"}
 * @param name a display name
 * @param kind {@code jetson} or {@code phone}
 * @param defaultRuntime the runtime id used when none is asked for
 * @param defaultUnit the unit id used when none is asked for
 * @param defaultPowerMode the power mode id used when none is asked for
 * @param sources citation per key, as referenced in the file's comments
 * @param memory the DRAM
 * @param basePowerMw power of the rest of the module while it runs inference
 * @param units the compute units
 * @param powerModes the power modes; at least one
 */
public record DeviceSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) String defaultRuntime,
        @JsonProperty(required = true) String defaultUnit,
        @JsonProperty(required = true) String defaultPowerMode,
        Map<String, String> sources,
        @JsonProperty(required = true) MemorySpec memory,
        @JsonProperty(required = true) double basePowerMw,
        @JsonProperty(required = true) List<UnitSpec> units,
        @JsonProperty(required = true) List<PowerMode> powerModes) {

    /** Validates the fields and the references between them. */
    public DeviceSpec {
        Checks.id("id", id);
        if (!"jetson".equals(kind) && !"phone".equals(kind)) {
            throw new IllegalArgumentException("kind must be jetson or phone: '" + kind + "'");
        }
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        Checks.nonNegative("basePowerMw", basePowerMw);
        if (units == null || units.isEmpty() || powerModes == null || powerModes.isEmpty()) {
            throw new IllegalArgumentException("units and powerModes must each list at least one entry");
        }
        units = List.copyOf(units);
        powerModes = List.copyOf(powerModes);
        List<String> unitIds = units.stream().map(UnitSpec::id).toList();
        if (unitIds.stream().distinct().count() != unitIds.size()) {
            throw new IllegalArgumentException("units must have distinct ids: " + unitIds);
        }
        if (!unitIds.contains(defaultUnit)) {
            throw new IllegalArgumentException("defaultUnit must be one of " + unitIds + ": '" + defaultUnit + "'");
        }
        List<String> modeIds = powerModes.stream().map(PowerMode::id).toList();
        if (!modeIds.contains(defaultPowerMode)) {
            throw new IllegalArgumentException(
                    "defaultPowerMode must be one of " + modeIds + ": '" + defaultPowerMode + "'");
        }
        for (PowerMode mode : powerModes) {
            for (String unit : mode.units().keySet()) {
                if (!unitIds.contains(unit)) {
                    throw new IllegalArgumentException("powerModes '" + mode.id() + "' units: unknown unit '" + unit
                            + "' (the device has " + unitIds + ")");
                }
            }
        }
    }

    /** The unit with this id, if any. */
    public Optional<UnitSpec> unit(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).findFirst();
    }

    /** The units of this kind, in file order. */
    public List<UnitSpec> units(UnitKind kind) {
        return units.stream().filter(u -> u.unitKind() == kind).toList();
    }

    /**
     * The power mode with this id.
     *
     * @throws IllegalArgumentException naming the value and the modes the device has
     */
    public PowerMode powerMode(String modeId) {
        return powerModes.stream().filter(m -> m.id().equals(modeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("power mode of " + id + " must be one of "
                        + powerModes.stream().map(PowerMode::id).toList() + ": '" + modeId + "'"));
    }

    /** Where {@code unit} runs in {@code mode}: its clock, voltage and online cores. */
    public OperatingPoint operatingPoint(UnitSpec unit, PowerMode mode) {
        PowerMode.UnitSetting setting = mode.units().get(unit.id());
        double frequencyHz = setting == null ? unit.maxFrequencyHz()
                : Math.min(setting.frequencyHz(), unit.maxFrequencyHz());
        int[] online = new int[unit.clusters().size()];
        for (int i = 0; i < online.length; i++) {
            ClusterSpec c = unit.clusters().get(i);
            Integer n = setting == null ? null : setting.coresOnline().get(c.id());
            online[i] = n == null ? c.cores() : Math.min(n, c.cores());
        }
        return new OperatingPoint(unit, frequencyHz, online, unit.voltageAtV(frequencyHz),
                memory.bandwidthBytesPerS(mode.memoryFrequencyHz()));
    }
}
