package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.array.PimCounters;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;
import org.hwsim.pim.cost.PimCostTable;
import org.hwsim.pim.cost.PimCosts;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hwsim pim mvm}: random weights and inputs through one crossbar tile; error against the
 * exact product, latency, energy and ADC conversions in the standard report.
 */
@Command(name = "mvm", mixinStandardHelpOptions = true,
        description = "Runs random matrix-vector products through one PIM crossbar tile and reports the error "
                + "against exact matmul (relativeError, meanAbsError), latencyNs, energyPj and adcConversions.")
final class PimMvmCommand implements Callable<Integer> {
    static final String PATH = "pim/tile";

    @Option(names = "--rows", defaultValue = "256", description = "Tile rows (input length) (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", defaultValue = "256", description = "Tile columns (outputs) (default: ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--scheme", defaultValue = "bit-serial",
            description = "native, bit-serial, differential or differential-bit-serial (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--input-bits", defaultValue = "8", description = "DAC bits, signed (default: ${DEFAULT-VALUE}).")
    int inputBits;

    @Option(names = "--weight-bits", defaultValue = "8",
            description = "Weight magnitude bits; 0 = analog (default: ${DEFAULT-VALUE}).")
    int weightBits;

    @Option(names = "--cell-bits", defaultValue = "0",
            description = "Bits per cell (weight slicing); 0 = whole weight in one cell (default: ${DEFAULT-VALUE}).")
    int cellBits;

    @Option(names = "--adc-bits", defaultValue = "8", description = "ADC bits; 0 = ideal (default: ${DEFAULT-VALUE}).")
    int adcBits;

    @Option(names = "--adc-range", defaultValue = "calibrated",
            description = "max-possible or calibrated (on a separate calibration batch) (default: ${DEFAULT-VALUE}).")
    String adcRange;

    @Option(names = "--thermal-noise-lsb", defaultValue = "0",
            description = "ADC input thermal noise sigma in LSB (default: ${DEFAULT-VALUE}).")
    double thermalNoiseLsb;

    @Option(names = "--read-noise", defaultValue = "0",
            description = "Per-device read noise sigma relative to the conductance (default: ${DEFAULT-VALUE}).")
    double readNoise;

    @Option(names = "--vectors", defaultValue = "64", description = "Input vectors (default: ${DEFAULT-VALUE}).")
    int vectors;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "Report file (JSON).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Optional one-row CSV of the headline metrics.")
    Path csv;

    @Override
    public Integer call() {
        if (vectors < 1) {
            throw new IllegalArgumentException("--vectors must be >= 1: " + vectors);
        }
        AdcRangeMode rangeMode = AdcRangeMode.fromId(adcRange);
        if (rangeMode != AdcRangeMode.MAX_POSSIBLE && rangeMode != AdcRangeMode.CALIBRATED) {
            throw new IllegalArgumentException("--adc-range must be max-possible or calibrated: " + adcRange);
        }
        AdcConfig adc = AdcConfig.linear(adcBits).withThermalNoise(ThermalNoiseConfig.ofLsb(thermalNoiseLsb))
                .withRange(rangeMode, 0);
        CrossbarConfig config = new CrossbarConfig(rows, cols, Decomposition.fromId(scheme), weightBits, cellBits,
                CellConfig.ideal(), DacConfig.signed(inputBits), adc,
                DeviceConfig.ideal().withReadNoise(readNoise, ReadNoiseMode.PROPORTIONAL));
        PimCostTable costs = PimCostTable.defaults();

        Simulator sim = Simulator.create(seed);
        float[][] w = uniform(sim.random().stream("pim/mvm/weights"), rows, cols);
        float[][] xs = uniform(sim.random().stream("pim/mvm/inputs"), vectors, rows);
        Crossbar crossbar = Crossbar.tile(w, config, sim.random(), PATH);
        if (rangeMode == AdcRangeMode.CALIBRATED && adcBits > 0) {
            crossbar.calibrateAdcRange(uniform(sim.random().stream("pim/mvm/calibration"), vectors, rows));
        }
        float[][] ys = new float[vectors][cols];
        crossbar.mvm(xs, ys);

        double errSq = 0;
        double refSq = 0;
        double absErr = 0;
        for (int b = 0; b < vectors; b++) {
            for (int j = 0; j < cols; j++) {
                double exact = 0;
                for (int i = 0; i < rows; i++) {
                    exact += (double) xs[b][i] * w[i][j];
                }
                double e = ys[b][j] - exact;
                errSq += e * e;
                refSq += exact * exact;
                absErr += Math.abs(e);
            }
        }
        PimCounters counts = crossbar.counters();
        double energyPj = PimCosts.charge(sim.energy(), PATH, counts, config, costs);
        long latencyPs = PimCosts.latencyPs(counts, config, costs);

        Map<String, Object> configOut = new LinkedHashMap<>();
        configOut.put("crossbar", config);
        configOut.put("adcRange", rangeMode.id());
        configOut.put("vectors", vectors);
        configOut.put("costs", costs);
        Report report = Report.builder("pim mvm", seed)
                .config(configOut)
                .simulatedPs(latencyPs)
                .metric("relativeError", Math.sqrt(errSq / refSq))
                .metric("meanAbsError", absErr / ((double) vectors * cols))
                .metric("latencyNs", latencyPs / 1000.0)
                .metric("energyPj", energyPj)
                .metric("adcConversions", counts.adcConversions())
                .metric("adcConversionsSkipped", counts.adcConversionsSkipped())
                .energy(sim.energy())
                .build();
        report.writeJson(json);
        if (csv != null) {
            report.writeCsv(csv);
        }
        var h = report.headline();
        System.out.printf("hwsim pim mvm: %d x %d tile, %s, %d-bit inputs, %s ADC, %d vectors, seed %d%n",
                rows, cols, config.scheme().id(), inputBits, adcBits == 0 ? "ideal" : adcBits + "-bit", vectors, seed);
        System.out.printf("  relative error  %.4g   mean abs error %.4g%n", h.get("relativeError"), h.get("meanAbsError"));
        System.out.printf("  latency         %.1f ns   energy %.1f pJ (%.2f pJ per MVM)%n",
                h.get("latencyNs"), energyPj, energyPj / vectors);
        System.out.printf("  ADC conversions %,d (%,d skipped as all-zero bit-planes)%n",
                counts.adcConversions(), counts.adcConversionsSkipped());
        System.out.println("  report          " + json);
        return 0;
    }

    private static float[][] uniform(UniformRandomProvider r, int n, int m) {
        float[][] a = new float[n][m];
        for (float[] row : a) {
            for (int i = 0; i < m; i++) {
                row[i] = (float) (2 * r.nextDouble() - 1);
            }
        }
        return a;
    }
}
