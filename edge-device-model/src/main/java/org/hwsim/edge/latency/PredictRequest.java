package org.hwsim.edge.latency;

import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Precision;
import org.hwsim.edge.device.UnitKind;
import org.hwsim.edge.device.UnitSpec;
import org.hwsim.edge.runtime.RuntimeSpec;
import org.hwsim.edge.runtime.Runtimes;

/**
 * One inference to predict: which network, on which device, unit, runtime, precision, batch,
 * CPU threads and power mode. {@link #of} fills what is not given with the device's defaults.
 *
 * @param device the device
 * @param network the network (its element width is replaced by the precision's)
 * @param unit the unit path asked for: {@code cpu}, {@code gpu}, {@code dsp}, {@code npu},
 *     {@code nnapi}, {@code dla}, or a unit id such as {@code dla1}
 * @param runtime the runtime
 * @param precision the arithmetic precision
 * @param batch samples per inference, at least 1
 * @param threads CPU threads, at least 1 (ignored by other units)
 * @param powerMode the power mode id
 */
public record PredictRequest(
        DeviceSpec device,
        NetworkSpec network,
        String unit,
        RuntimeSpec runtime,
        Precision precision,
        int batch,
        int threads,
        String powerMode) {

    /** Validates the fields that do not need the compiler. */
    public PredictRequest {
        if (device == null || network == null || unit == null || runtime == null || precision == null
                || powerMode == null) {
            throw new IllegalArgumentException("device, network, unit, runtime, precision and powerMode must be set");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1: " + batch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        device.powerMode(powerMode);
    }

    /**
     * A request with defaults for every null: the device's default unit, runtime and power mode;
     * precision fp32 on CPUs, fp16 on GPUs and DLAs, int8 on DSPs, NPUs and NNAPI; batch 1; every
     * online core of the CPU.
     */
    public static PredictRequest of(DeviceSpec device, NetworkSpec network, String unit, String runtimeId,
            String precisionId, Integer batch, Integer threads, String powerMode) {
        String u = unit != null ? unit : device.defaultUnit();
        RuntimeSpec runtime = Runtimes.get(runtimeId != null ? runtimeId : device.defaultRuntime());
        String mode = powerMode != null ? powerMode : device.defaultPowerMode();
        Precision precision = precisionId != null ? Precision.parse("precision", precisionId) : defaultPrecision(u);
        int b = batch != null ? batch : 1;
        int t = threads != null ? threads : cpuCores(device, mode);
        return new PredictRequest(device, network, u, runtime, precision, b, t, mode);
    }

    /** The runtime path: {@link #unit()} without a unit index ({@code dla1} is path {@code dla}). */
    public String path() {
        return device.unit(unit).map(UnitSpec::kind).orElse(unit);
    }

    /** The unit id when {@link #unit()} names one, else null. */
    public String unitId() {
        return device.unit(unit).isPresent() && !device.unit(unit).get().kind().equals(unit) ? unit : null;
    }

    private static Precision defaultPrecision(String unit) {
        if (unit.startsWith("cpu")) {
            return Precision.FP32;
        }
        if (unit.startsWith("gpu") || unit.startsWith("dla")) {
            return Precision.FP16;
        }
        return Precision.INT8;
    }

    private static int cpuCores(DeviceSpec device, String mode) {
        return device.units(UnitKind.CPU).stream()
                .mapToInt(u -> device.operatingPoint(u, device.powerMode(mode)).onlineCores())
                .findFirst().orElse(1);
    }
}
