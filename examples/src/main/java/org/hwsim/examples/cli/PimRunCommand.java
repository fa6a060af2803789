package org.hwsim.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.workload.NetworkFormat;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.pim.accel.OverflowPolicy;
import org.hwsim.pim.accel.PimAccelerator;
import org.hwsim.pim.accel.PimAcceleratorConfig;
import org.hwsim.pim.accel.PimLayerResult;
import org.hwsim.pim.accel.PimRunResult;
import org.hwsim.pim.scheme.Decomposition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hwsim pim run}: one inference of a network on the PIM accelerator; latency, energy by
 * component and by layer, ADC conversions and utilisation in the standard report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs one inference of a network (a zoo id or a network file) on the PIM accelerator and "
                + "reports latencyUs, energyUj, energy per component and per layer, ADC conversions and utilisation.")
final class PimRunCommand implements Callable<Integer> {
    static final String ROOT = "pim";

    @Option(names = "--network", required = true, paramLabel = "NET",
            description = "A zoo id (resnet20-cifar, resnet18, resnet50, mobilenetv2, vgg16, yolov3-tiny, sr-small, "
                    + "voxel3d) or a network file (.json, .yaml).")
    String network;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Accelerator config (YAML/JSON); absent fields take the ISAAC-like defaults.")
    Path config;

    @Option(names = "--scheme", description = "Override: native, bit-serial, differential or differential-bit-serial.")
    String scheme;

    @Option(names = "--adc-bits", paramLabel = "A", description = "Override: ADC bits, in [1, 16].")
    Integer adcBits;

    @Option(names = "--input-bits", paramLabel = "B", description = "Override: input (DAC) bits, in [1, 16].")
    Integer inputBits;

    @Option(names = "--zero-plane-probability", paramLabel = "P",
            description = "Override: probability that an input bit-plane is all zero, in [0, 1].")
    Double zeroPlaneProbability;

    @Option(names = "--overflow", paramLabel = "POLICY",
            description = "Override: error or reprogram, when the network needs more tiles than the chip has.")
    String overflow;

    @Option(names = "--seed", defaultValue = "1",
            description = "Master seed, recorded in the report; the timing model draws no random numbers "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Report file (JSON), written atomically.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "One-row CSV of the headline metrics.")
    Path csv;

    @Override
    public Integer call() {
        PimAcceleratorConfig c = config == null ? PimAcceleratorConfig.defaults() : PimAcceleratorConfig.read(config);
        if (scheme != null) {
            c = c.withScheme(Decomposition.fromId(scheme));
        }
        if (adcBits != null) {
            c = c.withAdcBits(adcBits);
        }
        if (inputBits != null) {
            c = c.withInputBits(inputBits);
        }
        if (zeroPlaneProbability != null) {
            c = c.withZeroPlaneProbability(zeroPlaneProbability);
        }
        if (overflow != null) {
            c = c.withOverflow(OverflowPolicy.fromId(overflow));
        }
        NetworkSpec net = loadNetwork(network);

        Simulator sim = Simulator.create(seed);
        PimRunResult r = PimAccelerator.create(c, ROOT).run(sim, net);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("network", network);
        inputs.put("config", config == null ? "defaults" : config.toString());
        Report report = r.report("pim run", sim, inputs);
        if (json != null) {
            report.writeJson(json);
        }
        if (csv != null) {
            report.writeCsv(csv);
        }
        print(r, c);
        if (json != null) {
            System.out.println("  report            " + json);
        }
        return 0;
    }

    static NetworkSpec loadNetwork(String network) {
        if (NetworkZoo.ids().contains(network)) {
            return NetworkZoo.get(network);
        }
        Path file = Path.of(network);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--network must be a zoo id " + NetworkZoo.ids()
                    + " or a network file: " + network);
        }
        try {
            return NetworkFormat.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void print(PimRunResult r, PimAcceleratorConfig c) {
        double energyPj = r.energyPj();
        System.out.printf("hwsim pim run: %s on %d tiles of %d x %d (%s, %d-bit inputs, %d-bit ADC per %d columns)%n",
                r.network(), c.chipTiles(), c.tile().rows(), c.tile().cols(), c.tile().scheme().id(),
                c.tile().dac().bits(), c.tile().adc().bits(), c.columnsPerAdc());
        System.out.printf("  latency           %.2f us (layer by layer; pipelined interval %.2f us)%n",
                r.latencyPs() / 1e6, r.pipelinedIntervalPs() / 1e6);
        System.out.printf("  energy            %.3f uJ (%.3f pJ per MAC, %,d MACs)%n", energyPj * 1e-6,
                energyPj / r.macs(), r.macs());
        System.out.printf("  ADC conversions   %,d (%,d skipped on zero planes; utilisation %.1f %%)%n",
                r.adcConversions(), r.adcConversionsSkipped(), 100 * r.adcUtilisation());
        if (r.adcConversionsSkipped() > 0) {
            double saved = r.layers().stream().mapToDouble(PimLayerResult::adcEnergySavedPj).sum();
            System.out.printf("  zero planes save  %.3f uJ of ADC energy and %.2f us%n", saved * 1e-6,
                    (r.denseLatencyPs() - r.latencyPs()) / 1e6);
        }
        System.out.printf("  tiles             %,d of %,d (%d programming round%s)%n", r.tilesUsed(), c.chipTiles(),
                r.programmingRounds(), r.programmingRounds() == 1 ? "" : "s");
        System.out.println("  top components:");
        r.energyByComponentPj().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf("    %-14s %10.3f uJ  %5.1f %%%n", e.getKey(), e.getValue() * 1e-6,
                        100 * e.getValue() / energyPj));
        System.out.printf("  %-24s %-16s %6s %9s %14s %10s %10s %6s%n", "layer", "type", "tiles", "vectors",
                "conversions", "latencyUs", "energyUj", "adc%");
        List<PimLayerResult> layers = r.layers();
        for (PimLayerResult l : layers) {
            System.out.printf("  %-24s %-16s %6d %9d %14d %10.2f %10.4f %6.1f%n", truncate(l.name(), 24), l.typeId(),
                    l.tiles(), l.vectors(), l.adcConversions(), l.latencyPs() / 1e6, l.energyPj() * 1e-6,
                    100 * l.adcUtilisation());
        }
        layers.stream().max(Comparator.comparingDouble(PimLayerResult::energyPj)).ifPresent(l ->
                System.out.printf("  most energy: %s (%.1f %%)%n", l.name(), 100 * l.energyPj() / energyPj));
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
