package org.hwsim.examples.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.hwsim.edge.device.ClusterSpec;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Devices;
import org.hwsim.edge.device.PowerMode;
import org.hwsim.edge.device.Precision;
import org.hwsim.edge.device.UnitSpec;
import org.hwsim.edge.runtime.Runtimes;
import picocli.CommandLine.Command;

/** {@code hwsim devices}: every device preset with its units, peaks and power modes. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the edge device presets: units with cores, clocks and peak MAC rates per precision, "
                + "DRAM bandwidth, power modes, default runtime; and the runtime ids.")
final class DevicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (DeviceSpec d : Devices.all()) {
            System.out.printf(Locale.ROOT, "%s  %s  (default: %s on %s, mode %s)%n", d.id(), d.name(),
                    d.defaultRuntime(), d.defaultUnit(), d.defaultPowerMode());
            System.out.printf(Locale.ROOT, "  dram    %s, %.1f GB/s%n", d.memory().dramType(),
                    d.memory().dramBandwidthBytesPerS() / 1e9);
            for (UnitSpec u : d.units()) {
                StringBuilder cores = new StringBuilder();
                for (ClusterSpec c : u.clusters()) {
                    cores.append(String.format(Locale.ROOT, "%s%dx%s@%.2fGHz", cores.length() > 0 ? " + " : "",
                            c.cores(), c.id(), c.maxFrequencyHz() / 1e9));
                }
                StringBuilder peaks = new StringBuilder();
                var top = d.operatingPoint(u, d.powerMode(d.defaultPowerMode()));
                for (Precision p : u.precisions()) {
                    peaks.append(String.format(Locale.ROOT, " %s %.0f", p.id(),
                            top.peakMacsPerS(p, Integer.MAX_VALUE) / 1e9));
                }
                System.out.printf(Locale.ROOT, "  %-7s %-4s %s; peak GMAC/s:%s%n", u.id(), u.kind(), cores, peaks);
            }
            StringBuilder modes = new StringBuilder();
            for (PowerMode m : d.powerModes()) {
                modes.append(modes.length() > 0 ? ", " : "").append(m.id());
            }
            System.out.println("  modes   " + modes);
        }
        System.out.println("runtimes: " + String.join(", ", Runtimes.ids()));
        return 0;
    }
}
