package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hwsim.core.report.Report;
import org.hwsim.examples.demo.KernelDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hwsim demo}: runs the kernel demo on built-in defaults and writes a report folder. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a small kernel study (an M/M/1 inference queue on a DSP with DRAM reads, "
                + "checked against the closed forms, with energy by component) and writes "
                + "report.json and report.csv.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: ./hwsim-out/demo-<timestamp>).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--requests", defaultValue = "200000",
            description = "Requests measured after the warm-up (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--arrival-rate-per-s", defaultValue = "800",
            description = "Mean arrivals per second (default: ${DEFAULT-VALUE}).")
    double arrivalRatePerS;

    @Option(names = "--service-rate-per-s", defaultValue = "1000",
            description = "Mean services per second (default: ${DEFAULT-VALUE}).")
    double serviceRatePerS;

    @Override
    public Integer call() {
        KernelDemo.Config d = KernelDemo.Config.defaults(seed);
        KernelDemo.Config config = new KernelDemo.Config(seed, requests, Math.max(1, requests / 10),
                arrivalRatePerS, serviceRatePerS, d.macsPerRequest(), d.weightBytesPerRequest());
        Report report = KernelDemo.run(config);
        Path dir = OutputDirs.orDefault(out, "demo");
        report.writeJson(dir.resolve("report.json"));
        report.writeCsv(dir.resolve("report.csv"));
        var h = report.headline();
        System.out.printf("hwsim demo: M/M/1 inference queue, seed %d, %,d requests (rho = %.2f)%n",
                seed, (Long) h.get("requests"), config.rho());
        System.out.printf("  mean wait    %9.4f ms   closed form %9.4f ms   (%+.2f%%)%n",
                h.get("meanWaitMs"), h.get("meanWaitClosedFormMs"), 100 * (Double) h.get("waitRelativeError"));
        System.out.printf("  utilisation  %9.4f      closed form %9.4f%n",
                h.get("utilisation"), h.get("utilisationClosedForm"));
        System.out.printf("  energy       %9.3f mJ   average power %.1f mW, %.1f uJ per request%n",
                h.get("energyMj"), h.get("averagePowerMw"), h.get("energyPerRequestUj"));
        System.out.println("  report       " + dir.resolve("report.json") + " and report.csv");
        return 0;
    }
}
