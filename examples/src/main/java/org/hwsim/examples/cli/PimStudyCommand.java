package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hwsim.core.report.AtomicFiles;
import org.hwsim.core.report.Csv;
import org.hwsim.core.report.Report;
import org.hwsim.examples.plot.LinePlot;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.scheme.Decomposition;
import org.hwsim.pim.train.Architecture;
import org.hwsim.pim.train.PimStudy;
import org.hwsim.pim.train.TrainingMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hwsim pim study}: the PIM-QAT study (Jin et al., arXiv 2209.08617) on the shipped
 * digits: trains a small MLP and a small CNN digitally and with PIM quantization in the loop,
 * deploys them on the PIM model at several ADC resolutions with ADC non-idealities off and on,
 * and prints and writes one row per (network, scheme, adcBits, method, noise) with its accuracy.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Trains a small MLP and CNN on the shipped digits with conventional QAT and PIM-QAT, deploys "
                + "them on the PIM model and reports test accuracy per network, scheme, ADC bits, method and noise.")
final class PimStudyCommand implements Callable<Integer> {
    static final String[] CSV_COLUMNS = {"network", "scheme", "adcBits", "trainAdcBits", "method", "noise", "accuracy"};

    @Option(names = "--quick", description = "The quick study (under 5 minutes on 2 cores): 2,400 training digits, "
            + "2 epochs, native and bit-serial, 2-6 bit ADCs.")
    boolean quick;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "Report file (JSON).")
    Path json;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Table, one row per result (CSV).")
    Path csv;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Accuracy vs ADC bits per method: one PNG per network and scheme, named "
                    + "FILE-<network>-<scheme>.png.")
    Path plot;

    @Option(names = "--networks", split = ",", paramLabel = "ID", description = "Override: mlp, cnn.")
    List<String> networks;

    @Option(names = "--schemes", split = ",", paramLabel = "ID",
            description = "Override: native, bit-serial, differential, differential-bit-serial.")
    List<String> schemes;

    @Option(names = "--adc-bits", split = ",", paramLabel = "BITS", description = "Override: deployed ADC bits.")
    List<Integer> adcBits;

    @Option(names = "--adc-range", paramLabel = "MODE", defaultValue = "calibrated",
            description = "How every PIM ADC sets its range: calibrated (from the calibration batch's largest "
                    + "column sum) or max-possible (the tile's largest possible sum, fixed; the paper's full-range "
                    + "PIM quantizer). Default: ${DEFAULT-VALUE}.")
    String adcRange;

    @Option(names = "--train", hidden = true, description = "Override: training images.")
    Integer train;

    @Option(names = "--test", hidden = true, description = "Override: test images.")
    Integer test;

    @Option(names = "--epochs", hidden = true, description = "Override: epochs.")
    Integer epochs;

    @Option(names = "--synthetic", hidden = true, description = "Generated 8x8 data instead of the digits (tests).")
    boolean synthetic;

    @Override
    public Integer call() {
        PimStudy.Config c = config();
        // The study's matrices are small (at most 784 x 64 per step): one OpenMP and one BLAS
        // thread avoid hand-off and spin-wait costs that dominate such products, above all on a
        // shared machine (as OMP_NUM_THREADS=1 would, which a running JVM cannot set).
        org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(1); // loads the backend first
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        System.out.printf("hwsim pim study: %s, %s, schemes %s, ADC bits %s, %d training and %d test %s, "
                        + "%d epochs, ADC range %s, seed %d%n", quick ? "quick" : "full",
                c.networks().stream().map(Architecture::id).collect(Collectors.joining("+")),
                c.schemes().stream().map(Decomposition::id).collect(Collectors.joining(",")), c.adcBits(),
                c.trainCount(), c.testCount(), c.synthetic() ? "synthetic images" : "digits", c.epochs(),
                c.adcRange().id(), seed);
        List<PimStudy.Row> rows = PimStudy.run(c, line -> System.out.println("  " + line));

        Map<String, Object> configOut = new LinkedHashMap<>();
        configOut.put("study", c);
        configOut.put("quick", quick);
        Report.Builder b = Report.builder("pim study", seed).config(configOut).metric("rows", (long) rows.size());
        for (PimStudy.Row r : rows) {
            if (r.method().equals(TrainingMethod.DIGITAL.id())) {
                b.metric("digitalAccuracy." + r.network(), r.accuracy());
            }
        }
        b.section("results", rows);
        Report report = b.build();
        report.writeJson(json);
        StringBuilder table = new StringBuilder(Csv.line(List.of(CSV_COLUMNS))).append('\n');
        for (PimStudy.Row r : rows) {
            table.append(Csv.line(List.of(r.network(), r.scheme(), Integer.toString(r.adcBits()),
                    Integer.toString(r.trainAdcBits()), r.method(), r.noise(), String.format("%.4f", r.accuracy()))))
                    .append('\n');
        }
        AtomicFiles.writeString(csv, table.toString());
        printTable(rows);
        if (plot != null) {
            for (Path p : plots(rows, plot)) {
                System.out.println("  plot     " + p);
            }
        }
        System.out.println("  report   " + json);
        System.out.println("  table    " + csv);
        return 0;
    }

    private PimStudy.Config config() {
        PimStudy.Config base = quick ? PimStudy.Config.quick(seed) : PimStudy.Config.full(seed);
        List<Architecture> nets = networks == null ? base.networks()
                : networks.stream().map(Architecture::fromId).toList();
        List<Decomposition> sch = schemes == null ? base.schemes()
                : schemes.stream().map(Decomposition::fromId).toList();
        List<Integer> bits = adcBits == null ? base.adcBits() : adcBits;
        int trainCount = train == null ? base.trainCount() : train;
        int testCount = test == null ? base.testCount() : test;
        return new PimStudy.Config(nets, sch, bits, base.weightBits(), base.inputBits(), base.tileRows(),
                base.tileCols(), trainCount, testCount, Math.min(base.calibrationCount(), trainCount),
                epochs == null ? base.epochs() : epochs, base.batch(), base.learningRate(), base.noise(), seed,
                synthetic, AdcRangeMode.fromId(adcRange));
    }

    private static void printTable(List<PimStudy.Row> rows) {
        System.out.printf("  %-7s %-24s %7s %9s %-17s %-5s %8s%n", "network", "scheme", "adcBits", "trainBits",
                "method", "noise", "accuracy");
        for (PimStudy.Row r : rows) {
            System.out.printf("  %-7s %-24s %7d %9d %-17s %-5s %8.4f%n", r.network(), r.scheme(), r.adcBits(),
                    r.trainAdcBits(), r.method(), r.noise(), r.accuracy());
        }
    }

    /** One plot per (network, scheme): a line per (method, noise), the digital accuracy as a flat line. */
    static List<Path> plots(List<PimStudy.Row> rows, Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        Path dir = file.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        Map<String, List<PimStudy.Row>> byPlot = new LinkedHashMap<>();
        Map<String, Double> digital = new LinkedHashMap<>();
        for (PimStudy.Row r : rows) {
            if (r.method().equals(TrainingMethod.DIGITAL.id())) {
                digital.put(r.network(), r.accuracy());
            } else {
                byPlot.computeIfAbsent(r.network() + "-" + r.scheme(), k -> new ArrayList<>()).add(r);
            }
        }
        for (var e : byPlot.entrySet()) {
            List<PimStudy.Row> rs = e.getValue();
            String network = rs.get(0).network();
            LinePlot p = new LinePlot("PIM-QAT study: " + network + ", " + rs.get(0).scheme(),
                    "ADC resolution (bits)", "test accuracy (fraction)").integerX();
            double[] bits = rs.stream().mapToDouble(PimStudy.Row::adcBits).distinct().sorted().toArray();
            if (digital.containsKey(network)) {
                double[] flat = new double[bits.length];
                java.util.Arrays.fill(flat, digital.get(network));
                p.line("digital", bits, flat);
            }
            String[][] lines = {{"qat-deployed", "off"}, {"qat-deployed", "on"}, {"pim-qat", "off"}, {"pim-qat", "on"},
                {"pim-qat-bncal", "on"}, {"pim-qat-adjusted", "on"}};
            for (String[] l : lines) {
                List<PimStudy.Row> pts = rs.stream().filter(r -> r.method().equals(l[0]) && r.noise().equals(l[1]))
                        .sorted(java.util.Comparator.comparingInt(PimStudy.Row::adcBits)).toList();
                if (!pts.isEmpty()) {
                    p.line(l[0] + ", noise " + l[1], pts.stream().mapToDouble(PimStudy.Row::adcBits).toArray(),
                            pts.stream().mapToDouble(PimStudy.Row::accuracy).toArray());
                }
            }
            Path out = dir.resolve(stem + "-" + e.getKey() + ".png");
            p.writePng(out, 900, 600);
            written.add(out);
        }
        return written;
    }
}
