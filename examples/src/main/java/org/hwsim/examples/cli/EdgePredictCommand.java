package org.hwsim.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.workload.NetworkFormat;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.edge.EdgeDevice;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Devices;
import org.hwsim.edge.latency.InferencePlan;
import org.hwsim.edge.latency.LayerRow;
import org.hwsim.edge.latency.PredictRequest;
import org.hwsim.edge.latency.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hwsim edge predict}: latency, throughput and energy of one inference on an edge device,
 * with one row per layer, run through the kernel so that energy lands in the ledger.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predicts one inference of a network on an edge device: latencyMs, latencyP99Ms, "
                + "throughputPerS, energyMj and per-layer rows (operator, unit, fused group, latency, bound).")
final class EdgePredictCommand implements Callable<Integer> {
    static final String ROOT = "edge";

    @Option(names = "--device", required = true, paramLabel = "ID",
            description = "A device preset (see ./hwsim devices) or a device .yaml file.")
    String device;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "A zoo id or a network file (.json, .yaml).")
    String model;

    @Option(names = "--input", paramLabel = "H[xW]", description = "Input size (default: the network's standard one).")
    String input;

    @Option(names = "--unit", description = "cpu, gpu, dsp, npu, nnapi, dla, or a unit id such as dla1 "
            + "(default: the device's).")
    String unit;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: every online core).")
    Integer threads;

    @Option(names = "--runtime", paramLabel = "ID", description = "tensorrt, tf-trt, tensorflow, pytorch, tflite, ncnn, "
            + "paddle-lite, darknet (default: the device's).")
    String runtime;

    @Option(names = "--precision", description = "fp32, fp16, int8, int8-sparse (default: by unit).")
    String precision;

    @Option(names = "--batch", paramLabel = "N", description = "Samples per inference (default: 1).")
    Integer batch;

    @Option(names = "--power-mode", paramLabel = "ID", description = "Power mode (default: the device's).")
    String powerMode;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed, recorded in the report (default: 1).")
    long seed;

    @Option(names = "--json", paramLabel = "FILE", description = "Report file (JSON), written atomically.")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "One-row CSV of the headline metrics.")
    Path csv;

    @Override
    public Integer call() {
        DeviceSpec d = Devices.resolve(device);
        NetworkSpec network = network(model, input);
        PredictRequest request = PredictRequest.of(d, network, unit, runtime, precision, batch, threads, powerMode);
        InferencePlan plan = InferencePlan.compile(request);
        Prediction p = plan.predict();

        Simulator sim = Simulator.create(seed);
        EdgeDevice edge = EdgeDevice.create(sim, d, ROOT, request.powerMode());
        long[] done = {-1};
        edge.start(plan, t -> done[0] = t);
        sim.run();
        sim.energy().settle();
        if (done[0] != p.latencyPs()) {
            throw new IllegalStateException("kernel run took " + done[0] + " ps, the plan " + p.latencyPs() + " ps");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("device", d.id());
        config.put("model", network.name());
        config.put("unit", request.unit());
        config.put("runtime", request.runtime().id());
        config.put("precision", request.precision().id());
        config.put("batch", request.batch());
        config.put("threads", request.threads());
        config.put("powerMode", request.powerMode());
        config.put("calibration", org.hwsim.edge.latency.CostTable.defaults().description());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LayerRow r : p.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", r.layer());
            row.put("operator", r.operator());
            row.put("unit", r.unit());
            row.put("group", r.group());
            row.put("latencyUs", r.latencyPs() / 1e6);
            row.put("bound", r.bound());
            row.put("macs", r.macs());
            row.put("dramBytes", r.dramBytes());
            rows.add(row);
        }
        Report report = Report.builder("edge predict", seed)
                .config(config)
                .simulatedPs(sim.nowPs())
                .metric("latencyMs", p.latencyMs())
                .metric("latencyP99Ms", p.latencyMs())
                .metric("throughputPerS", p.throughputPerS())
                .metric("energyMj", sim.energy().totalPj() / 1e9)
                .metric("kernels", p.kernels())
                .metric("macs", network.withBatch(request.batch()).profile().macs())
                .section("layers", rows)
                .energy(sim.energy())
                .build();
        if (json != null) {
            report.writeJson(json);
        }
        if (csv != null) {
            report.writeCsv(csv);
        }
        System.out.printf(Locale.ROOT, "hwsim edge predict: %s on %s %s (%s, %s, batch %d%s, mode %s)%n", network.name(),
                d.id(), request.unit(), request.runtime().id(), request.precision().id(), request.batch(),
                request.path().equals("cpu") ? ", " + request.threads() + " threads" : "", request.powerMode());
        System.out.printf(Locale.ROOT, "  latency      %.3f ms (%d kernels after fusion; no run-to-run variation: "
                + "p99 = median)%n", p.latencyMs(), p.kernels());
        System.out.printf(Locale.ROOT, "  throughput   %.1f /s%n", p.throughputPerS());
        System.out.printf(Locale.ROOT, "  energy       %.3f mJ per inference (dynamic %.3f, static %.3f)%n",
                sim.energy().totalPj() / 1e9, p.dynamicEnergyPj() / 1e9, p.staticEnergyPj() / 1e9);
        if (json != null) {
            System.out.println("  report       " + json);
        }
        return 0;
    }

    static NetworkSpec network(String model, String input) {
        NetworkSpec base;
        boolean zoo = NetworkZoo.ids().contains(model);
        if (zoo) {
            if (input == null) {
                return NetworkZoo.get(model);
            }
            String[] hw = input.toLowerCase(Locale.ROOT).split("x");
            try {
                int h = Integer.parseInt(hw[0]);
                int w = hw.length > 1 ? Integer.parseInt(hw[1]) : h;
                return NetworkZoo.get(model, h, w);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--input must be H or HxW: '" + input + "'");
            }
        }
        Path file = Path.of(model);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model must be a zoo id " + NetworkZoo.ids() + " or a network file: "
                    + model);
        }
        if (input != null) {
            throw new IllegalArgumentException("--input applies to zoo networks; a network file fixes its own input");
        }
        try {
            base = NetworkFormat.read(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return base;
    }
}
