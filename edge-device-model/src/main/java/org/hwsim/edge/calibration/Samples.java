package org.hwsim.edge.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Devices;
import org.hwsim.edge.latency.CostTable;
import org.hwsim.edge.latency.InferencePlan;
import org.hwsim.edge.latency.PredictRequest;

/** Turns measurements into {@link Sample}s, and says why a row cannot be modelled. */
public final class Samples {
    private Samples() {
    }

    /**
     * The samples of {@code rows} and, for each row that cannot be modelled (a network the zoo
     * lacks, a unit the device does not have), a reason.
     */
    public static Result of(List<Measurement> rows) {
        List<Sample> samples = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Measurement m : rows) {
            try {
                samples.add(sample(m));
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(m, e.getMessage()));
            }
        }
        return new Result(List.copyOf(samples), List.copyOf(skipped));
    }

    /** Samples and skipped rows. */
    public record Result(List<Sample> samples, List<Skipped> skipped) {
    }

    /** A row that cannot be modelled, and why. */
    public record Skipped(Measurement measurement, String reason) {
    }

    static Sample sample(Measurement m) {
        if (!Devices.ids().contains(m.device())) {
            throw new IllegalArgumentException("device " + m.device() + " has no preset");
        }
        DeviceSpec device = Devices.get(m.device());
        if (!NetworkZoo.ids().contains(m.model())) {
            throw new IllegalArgumentException("network " + m.model() + " is not in the zoo");
        }
        NetworkSpec network = m.heightPx() > 0 ? NetworkZoo.get(m.model(), m.heightPx(), m.widthPx())
                : NetworkZoo.get(m.model());
        String mode = powerMode(device, m.powerMode());
        List<String> units = switch (m.unit()) {
            case "2dla" -> List.of("dla0", "dla1");
            case "gpu+2dla" -> List.of("gpu", "dla0", "dla1");
            default -> List.of(m.unit());
        };
        List<InferencePlan> plans = new ArrayList<>();
        for (String unit : units) {
            PredictRequest request = PredictRequest.of(device, network, unit, m.runtime(),
                    m.precision().isEmpty() ? null : m.precision(), m.batch(), m.threads() > 0 ? m.threads() : null, mode);
            plans.add(InferencePlan.compile(request, CostTable.priors()));
        }
        return new Sample(m, plans);
    }

    private static String powerMode(DeviceSpec device, String published) {
        if (published.isEmpty()) {
            return device.defaultPowerMode();
        }
        String id = published.toLowerCase(Locale.ROOT);
        for (var mode : device.powerModes()) {
            if (mode.id().equals(id)) {
                return mode.id();
            }
        }
        throw new IllegalArgumentException("power mode " + published + " is not one of " + device.id() + "'s "
                + device.powerModes().stream().map(p -> p.id()).toList());
    }
}
