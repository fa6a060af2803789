package org.hwsim.edge.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.edge.EdgeDevice;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Devices;
import org.hwsim.edge.device.Precision;
import org.hwsim.edge.runtime.RuntimeSpec;
import org.hwsim.edge.runtime.Runtimes;
import org.junit.jupiter.api.Test;

/**
 * Properties the latency model must have whatever its fitted parameters: the roofline bound,
 * fusion that never slows a graph down, sparsity that only helps units built for it, and a kernel
 * run that takes exactly the predicted time and charges the predicted energy.
 */
class LatencyModelTest {
    private static final List<String> NETWORKS = List.of("resnet50", "mobilenetv2", "yolov3-tiny", "voxel3d");

    /** A table with random parameters for every unit kind (a seeded stand-in for any calibration). */
    private static CostTable randomTable(long seed) {
        Random random = new Random(seed);
        Map<String, CostParameters> kinds = new java.util.HashMap<>();
        for (String kind : List.of("cpu", "gpu", "dsp", "npu", "dla")) {
            double[] free = new double[CostParameter.values().length];
            for (int i = 0; i < free.length; i++) {
                free[i] = random.nextGaussian() * 2;
            }
            kinds.put(kind, CostParameters.fromFree(free));
        }
        return new CostTable("random " + seed, kinds, Map.of());
    }

    private static List<PredictRequest> requests() {
        List<PredictRequest> out = new ArrayList<>();
        for (String net : NETWORKS) {
            NetworkSpec spec = NetworkZoo.get(net);
            out.add(PredictRequest.of(Devices.get("jetson-tx2"), spec, "gpu", "tensorrt", "fp16", 1, null, null));
            out.add(PredictRequest.of(Devices.get("jetson-agx-orin"), spec, "gpu", "tensorrt", "int8", 4, null, null));
            out.add(PredictRequest.of(Devices.get("jetson-nano"), spec, "cpu", "ncnn", "fp32", 1, 2, null));
            out.add(PredictRequest.of(Devices.get("snapdragon-888"), spec, "cpu", "tflite", "fp32", 1, 4, null));
            out.add(PredictRequest.of(Devices.get("jetson-xavier-nx"), spec, "dla", "tensorrt", "int8", 1, null, null));
        }
        return out;
    }

    @Test
    void predictionsNeverBeatTheRoofline() {
        for (long seed = 1; seed <= 5; seed++) {
            CostTable table = randomTable(seed);
            for (PredictRequest r : requests()) {
                InferencePlan plan = InferencePlan.compile(r, table);
                double predicted = plan.latencyPs() * 1e-12;
                assertTrue(predicted >= plan.rooflineSeconds() * (1 - 1e-9),
                        r.network().name() + " on " + r.device().id() + ": " + predicted + " s < roofline "
                                + plan.rooflineSeconds());
            }
        }
    }

    @Test
    void fusionNeverMakesAGraphSlower() {
        for (long seed = 1; seed <= 5; seed++) {
            CostTable table = randomTable(seed);
            for (PredictRequest r : requests()) {
                RuntimeSpec unfused = new RuntimeSpec(r.runtime().id(), r.runtime().name(), "", r.runtime().paths(),
                        List.of());
                PredictRequest plain = new PredictRequest(r.device(), r.network(), r.unit(), unfused, r.precision(),
                        r.batch(), r.threads(), r.powerMode());
                long fused = InferencePlan.compile(r, table).latencyPs();
                long none = InferencePlan.compile(plain, table).latencyPs();
                assertTrue(fused <= none, r.network().name() + " on " + r.device().id() + ": fused " + fused
                        + " ps > unfused " + none + " ps");
            }
        }
        // And it does help: ResNet-50 under TensorRT launches far fewer kernels than it has layers.
        PredictRequest r = PredictRequest.of(Devices.get("jetson-tx2"), NetworkZoo.resnet50(), "gpu", "tensorrt",
                "fp16", 1, null, null);
        Prediction p = InferencePlan.compile(r, CostTable.priors()).predict();
        assertTrue(p.kernels() < NetworkZoo.resnet50().layers().size() / 2, "kernels: " + p.kernels());
    }

    @Test
    void sparsityOnlySpeedsUpUnitsThatExploitIt() {
        NetworkSpec dense = NetworkZoo.resnet50();
        NetworkSpec sparse = dense.withUniformWeightSparsity(0.5);
        CostTable table = CostTable.priors();
        // Pascal GPU, Carmel CPU, Xavier DLA: dense kernels, no change at all.
        for (PredictRequest r : List.of(
                PredictRequest.of(Devices.get("jetson-tx2"), dense, "gpu", "tensorrt", "fp16", 1, null, null),
                PredictRequest.of(Devices.get("jetson-agx-xavier"), dense, "cpu", "ncnn", "fp32", 1, null, null),
                PredictRequest.of(Devices.get("jetson-agx-orin"), dense, "gpu", "tensorrt", "int8", 1, null, null))) {
            PredictRequest s = new PredictRequest(r.device(), sparse, r.unit(), r.runtime(), r.precision(), r.batch(),
                    r.threads(), r.powerMode());
            assertEquals(InferencePlan.compile(r, table).latencyPs(), InferencePlan.compile(s, table).latencyPs(),
                    r.device().id() + " " + r.unit() + " " + r.precision());
        }
        // Orin's sparse tensor cores run 2:4-sparse int8 with half the MACs.
        PredictRequest orinDense = PredictRequest.of(Devices.get("jetson-agx-orin"), dense, "gpu", "tensorrt",
                "int8-sparse", 1, null, null);
        PredictRequest orinSparse = PredictRequest.of(Devices.get("jetson-agx-orin"), sparse, "gpu", "tensorrt",
                "int8-sparse", 1, null, null);
        long macsDense = InferencePlan.compile(orinDense, table).groups().stream().mapToLong(KernelGroup::macs).sum();
        long macsSparse = InferencePlan.compile(orinSparse, table).groups().stream().mapToLong(KernelGroup::macs).sum();
        assertEquals(dense.profile().macs(), macsDense);
        assertTrue(macsSparse < 0.51 * macsDense, macsSparse + " vs " + macsDense);
        assertTrue(InferencePlan.compile(orinSparse, table).latencyPs() < InferencePlan.compile(orinDense, table)
                .latencyPs());
    }

    @Test
    void theKernelRunTakesThePredictedTimeAndChargesThePredictedEnergy() {
        PredictRequest r = PredictRequest.of(Devices.get("jetson-xavier-nx"), NetworkZoo.yolov3Tiny(), "gpu",
                "tensorrt", "int8", 1, null, null);
        InferencePlan plan = InferencePlan.compile(r, randomTable(7));
        Prediction p = plan.predict();
        Simulator sim = Simulator.create(1);
        EdgeDevice edge = EdgeDevice.create(sim, r.device(), "nx", r.powerMode());
        long[] done = {-1};
        edge.start(plan, t -> done[0] = t);
        sim.run();
        assertEquals(p.latencyPs(), done[0]);
        sim.energy().settle(); // integrate static power up to now
        assertEquals(p.energyPj(), sim.energy().totalPj(), 1e-6 * p.energyPj());
        assertEquals(p.energyByComponentPj().get("gpu"), sim.energy().component("nx/gpu").totalPj(),
                1e-6 * p.energyPj());
        // Two inferences at once share the GPU: the second finishes one inference later.
        Simulator two = Simulator.create(1);
        EdgeDevice shared = EdgeDevice.create(two, r.device(), "nx", r.powerMode());
        List<Long> ends = new ArrayList<>();
        shared.start(plan, ends::add);
        shared.start(plan, ends::add);
        two.run();
        assertEquals(2, ends.size());
        assertTrue(ends.get(1) > p.latencyPs() * 3 / 2, ends.toString());
    }

    @Test
    void precisionsAUnitCannotRunAreClearErrors() {
        DeviceSpec tx2 = Devices.get("jetson-tx2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InferencePlan.compile(
                PredictRequest.of(tx2, NetworkZoo.resnet50(), "gpu", "tensorrt", "int8", 1, null, null)));
        assertTrue(e.getMessage().startsWith("unit gpu of jetson-tx2 cannot run int8; it runs [fp32, fp16]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InferencePlan.compile(
                PredictRequest.of(tx2, NetworkZoo.resnet50(), "dla", "tensorrt", "int8", 1, null, null)));
        assertTrue(e.getMessage().startsWith("device jetson-tx2 has no dla unit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PredictRequest.of(tx2, NetworkZoo.resnet50(), "gpu",
                "tflite", null, 1, null, null).runtime().path("dla"));
        assertTrue(e.getMessage().startsWith("unit of runtime tflite must be one of"), e.getMessage());
        assertEquals(Precision.FP16, PredictRequest.of(tx2, NetworkZoo.resnet50(), "gpu", null, null, null, null,
                null).precision());
        assertEquals("tensorrt", PredictRequest.of(tx2, NetworkZoo.resnet50(), null, null, null, null, null, null)
                .runtime().id());
        assertTrue(Runtimes.ids().containsAll(List.of("tensorrt", "tf-trt", "tensorflow", "pytorch", "tflite", "ncnn",
                "paddle-lite")));
    }

    @Test
    void unsupportedOperatorsFallBackFromTheDlaToTheGpu() {
        // 3D U-Net style transposed convolutions run on the DLA; a softmax does not (Xavier DLA).
        NetworkSpec net = NetworkSpec.builder("dla-fallback")
                .input("x", org.hwsim.core.workload.TensorShape.features(64))
                .then("fc", org.hwsim.core.workload.LayerOp.linear(64, 10, true))
                .then("softmax", new org.hwsim.core.workload.LayerOp.Softmax(0))
                .build();
        PredictRequest r = PredictRequest.of(Devices.get("jetson-xavier-nx"), net, "dla", "tensorrt", "fp16", 1, null,
                null);
        InferencePlan plan = InferencePlan.compile(r, CostTable.priors());
        assertEquals(List.of("dla0", "gpu"), plan.groups().stream().map(KernelGroup::unitId).toList());
        assertTrue(plan.groups().get(1).transitionUs() > 0);
    }
}
