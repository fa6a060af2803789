package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hwsim.core.report.AtomicFiles;
import org.hwsim.edge.calibration.Calibrator;
import org.hwsim.edge.calibration.Measurements;
import org.hwsim.edge.calibration.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hwsim edge calibrate}: fits the latency model to published measurements, validates it
 * leave-one-source-out and writes the calibration and the validation report.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fits the edge latency model to published measurements (the shipped table by default), "
                + "validates it leave-one-source-out, writes the fitted parameters (YAML) and a Markdown report.")
final class EdgeCalibrateCommand implements Callable<Integer> {
    @Option(names = "--measurements", paramLabel = "CSV", description = "Measurements (default: the shipped table).")
    Path measurements;

    @Option(names = "--out", paramLabel = "YAML", required = true, description = "Fitted parameters, written atomically.")
    Path out;

    @Option(names = "--report", paramLabel = "MD", description = "Validation report (Markdown).")
    Path report;

    @Override
    public Integer call() {
        var rows = measurements == null ? Measurements.shipped() : Measurements.read(measurements);
        Validation.Result result = Validation.run(rows, Calibrator.standard());
        result.fitOnAll().write(out);
        if (report != null) {
            String command = "./hwsim edge calibrate --out " + out + " --report " + report
                    + (measurements == null ? "" : " --measurements " + measurements);
            AtomicFiles.writeString(report, Validation.markdown(result, command));
        }
        System.out.printf(Locale.ROOT, "hwsim edge calibrate: %d rows modelled, %d not; held-out median |error| %.1f %%,"
                + " within 10 %% %.0f %%, within 25 %% %.0f %%%n", result.rows().size(), result.skipped().size(),
                100 * result.medianHeldOut(), 100 * result.shareWithin(0.10), 100 * result.shareWithin(0.25));
        System.out.println("  parameters  " + out);
        if (report != null) {
            System.out.println("  report      " + report);
        }
        return 0;
    }
}
