package org.hwsim.edge.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.workload.LayerProfile;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.OperatingPoint;
import org.hwsim.edge.device.PowerMode;
import org.hwsim.edge.device.UnitKind;
import org.hwsim.edge.device.UnitSpec;

/**
 * A network compiled for one device, unit, runtime, precision, batch, thread count and power mode,
 * ready to be costed again and again: the kernels after fusion with their work, traffic and the
 * peak rates of the units that run them.
 *
 * <p>Latency of a kernel on a unit of peak MAC rate {@code P} (at the mode's clock, the online
 * cores and threads used) and DRAM bandwidth {@code B}, with the path's {@link CostParameter}s:
 *
 * <pre>
 * u       = W / (W + halfWork)                         W = output elements of the kernel
 * threads = 1 / (1 + threadContention * (n - 1))        CPU only, n threads
 * compute = (macs / eff(class) + elementOps / effElementwise) / (P * threads * u)
 * memory  = dramBytes / (B * effMemory)
 * kernel  = max(compute, memory) + launchUs (+ transitionUs when it follows another unit)
 * latency = sum(kernel) + overheadUs
 * </pre>
 *
 * <p>Every efficiency is below 1, so no kernel beats its roofline {@code max(macs / P, dramBytes /
 * B)}. Energy: MACs and element operations at the unit's pJ per MAC scaled by {@code (V /
 * Vmax)^2}, DRAM bytes at the device's pJ per byte, and the idle power of every unit (all are
 * powered) plus the module's base power over the latency. Immutable once built; {@link #latencyPs()} allocates
 * nothing.
 */
public final class InferencePlan {
    private final PredictRequest request;
    private final List<KernelGroup> groups;
    private final List<String> costKeys;
    private final List<UnitKind> costKinds;
    private final int[] keyOf;
    private final double[] peakMacsPerS;
    private final double[] dramBytesPerS;
    private final int[] threads;
    private final boolean[] cpu;
    private final double[] energyPjPerMac;
    private final int[] effIndex;
    private final double staticPowerMw;
    private final double dramPjPerByte;
    private final Map<String, Double> idlePowerByUnitMw;
    private double[][] params;

    private InferencePlan(PredictRequest request, List<KernelGroup> groups, CostTable costs) {
        this.request = request;
        this.groups = groups;
        DeviceSpec device = request.device();
        PowerMode mode = device.powerMode(request.powerMode());
        int n = groups.size();
        keyOf = new int[n];
        peakMacsPerS = new double[n];
        dramBytesPerS = new double[n];
        threads = new int[n];
        cpu = new boolean[n];
        energyPjPerMac = new double[n];
        effIndex = new int[n];
        List<String> keys = new ArrayList<>();
        List<UnitKind> kinds = new ArrayList<>();
        Map<String, Double> idle = new LinkedHashMap<>();
        for (int g = 0; g < n; g++) {
            KernelGroup k = groups.get(g);
            UnitSpec unit = device.unit(k.unitId()).orElseThrow();
            OperatingPoint op = device.operatingPoint(unit, mode);
            String key = request.runtime().id() + "/" + k.path();
            int index = keys.indexOf(key);
            if (index < 0) {
                keys.add(key);
                kinds.add(unit.unitKind());
                index = keys.size() - 1;
            }
            keyOf[g] = index;
            cpu[g] = unit.unitKind() == UnitKind.CPU;
            threads[g] = cpu[g] ? Math.min(request.threads(), Math.max(1, op.onlineCores())) : 1;
            peakMacsPerS[g] = op.peakMacsPerS(request.precision(), cpu[g] ? threads[g] : Integer.MAX_VALUE);
            dramBytesPerS[g] = op.dramBandwidthBytesPerS();
            energyPjPerMac[g] = op.energyPjPerMac(request.precision());
            effIndex[g] = switch (k.headClass()) {
                case DEPTHWISE -> CostParameter.EFF_DEPTHWISE.ordinal();
                case GEMM -> CostParameter.EFF_GEMM.ordinal();
                default -> CostParameter.EFF_CONV.ordinal();
            };
        }
        for (UnitSpec unit : device.units()) {
            OperatingPoint op = device.operatingPoint(unit, mode);
            idle.put(unit.id(), unit.idlePowerMw() * Math.pow(op.voltageV() / unit.maxVoltageV(), 2));
        }
        costKeys = List.copyOf(keys);
        costKinds = List.copyOf(kinds);
        idlePowerByUnitMw = Map.copyOf(idle);
        staticPowerMw = device.basePowerMw() + idle.values().stream().mapToDouble(Double::doubleValue).sum();
        dramPjPerByte = device.memory().dramEnergyPjPerByte();
        useCosts(costs);
    }

    /** Compiles the request's network with the shipped calibration. */
    public static InferencePlan compile(PredictRequest request) {
        return compile(request, CostTable.defaults());
    }

    /** Compiles the request's network and costs it with {@code costs}. */
    public static InferencePlan compile(PredictRequest request, CostTable costs) {
        NetworkSpec network = request.network()
                .withBytesPerElement(request.precision().bytesPerElement())
                .withBatch(request.batch());
        List<KernelGroup> groups = GraphCompiler.compile(network.profile(), request.device(), request.runtime(),
                request.path(), request.unitId(), request.precision());
        return new InferencePlan(request, groups, costs);
    }

    /** Replaces the cost parameters (the compiled kernels stay). */
    public void useCosts(CostTable costs) {
        double[][] p = new double[costKeys.size()][];
        for (int i = 0; i < p.length; i++) {
            String[] runtimeAndPath = costKeys.get(i).split("/", 2);
            CostParameters c = costs.parameters(runtimeAndPath[0], runtimeAndPath[1], costKinds.get(i));
            p[i] = naturalValues(c);
        }
        this.params = p;
    }

    /** The natural parameter values in use, per cost key (a copy). */
    public double[][] currentParams() {
        double[][] copy = new double[params.length][];
        for (int i = 0; i < params.length; i++) {
            copy[i] = params[i].clone();
        }
        return copy;
    }

    /** The request. */
    public PredictRequest request() {
        return request;
    }

    /** The kernels (and eliminated groups), in execution order. */
    public List<KernelGroup> groups() {
        return groups;
    }

    /** The {@code runtime/path} keys whose parameters this plan uses. */
    public List<String> costKeys() {
        return costKeys;
    }

    /** The unit kind behind each of {@link #costKeys()}. */
    public List<UnitKind> costKinds() {
        return costKinds;
    }

    /** Latency of one inference with the plan's cost parameters, picoseconds. */
    public long latencyPs() {
        return Math.round(latencySeconds(params) * 1e12);
    }

    /**
     * Latency in seconds with natural parameter values per cost key ({@code params[key][parameter
     * ordinal]}): what calibration evaluates.
     */
    public double latencySeconds(double[][] params) {
        // The fixed per-inference overhead of the path the inference starts on, once, then the
        // kernels in order (the order EdgeDevice accumulates them in, so both round alike).
        double total = overheadSeconds(params);
        for (int g = 0; g < groups.size(); g++) {
            KernelGroup k = groups.get(g);
            if (k.isKernel()) {
                total += kernelSeconds(g, k, params[keyOf[g]]);
            }
        }
        return total;
    }

    /** The per-inference overhead in seconds with the plan's parameters. */
    public double overheadSeconds() {
        return overheadSeconds(params);
    }

    private static double overheadSeconds(double[][] params) {
        return params[0][CostParameter.OVERHEAD_US.ordinal()] * 1e-6;
    }

    private double computeSeconds(int g, KernelGroup k, double[] p) {
        double w = k.parallelWork();
        double u = w / (w + p[CostParameter.HALF_WORK.ordinal()]);
        double threadEff = cpu[g] ? 1.0 / (1.0 + p[CostParameter.THREAD_CONTENTION.ordinal()] * (threads[g] - 1)) : 1.0;
        double rate = peakMacsPerS[g] * threadEff * u;
        return (k.macs() / p[effIndex[g]] + k.elementOps() / p[CostParameter.EFF_ELEMENTWISE.ordinal()]) / rate;
    }

    private double memorySeconds(int g, KernelGroup k, double[] p) {
        return k.dramBytes() / (dramBytesPerS[g] * p[CostParameter.EFF_MEMORY.ordinal()]);
    }

    private double kernelSeconds(int g, KernelGroup k, double[] p) {
        double compute = computeSeconds(g, k, p);
        double memory = memorySeconds(g, k, p);
        return Math.max(compute, memory) + (p[CostParameter.LAUNCH_US.ordinal()] + k.transitionUs()) * 1e-6;
    }

    /**
     * The roofline of each kernel at full efficiency, summed: {@code sum(max(macs / P, dramBytes /
     * B))}, seconds. No prediction is below it.
     */
    public double rooflineSeconds() {
        double total = 0.0;
        for (int g = 0; g < groups.size(); g++) {
            KernelGroup k = groups.get(g);
            if (k.isKernel()) {
                total += Math.max(k.macs() / peakMacsPerS[g], k.dramBytes() / dramBytesPerS[g]);
            }
        }
        return total;
    }

    /** Time of kernel {@code g} in seconds with the plan's parameters (0 for eliminated groups). */
    public double kernelSeconds(int g) {
        KernelGroup k = groups.get(g);
        return k.isKernel() ? kernelSeconds(g, k, params[keyOf[g]]) : 0.0;
    }

    /** The full prediction: latency, throughput, energy by component and one row per layer. */
    public Prediction predict() {
        long latencyPs = latencyPs();
        double seconds = latencyPs * 1e-12;
        Map<String, Double> energy = new LinkedHashMap<>();
        List<LayerRow> rows = new ArrayList<>();
        double dynamic = 0.0;
        double dram = 0.0;
        int kernels = 0;
        for (int g = 0; g < groups.size(); g++) {
            KernelGroup k = groups.get(g);
            double[] p = params[keyOf[g]];
            long kernelPs = k.isKernel() ? Math.round(kernelSeconds(g, k, p) * 1e12) : 0;
            String bound = !k.isKernel() ? "none"
                    : computeSeconds(g, k, p) >= memorySeconds(g, k, p) ? "compute" : "memory";
            if (k.isKernel()) {
                kernels++;
                double computePj = (k.macs() + (double) k.elementOps()) * energyPjPerMac[g];
                energy.merge(k.unitId(), computePj, Double::sum);
                dynamic += computePj;
                dram += k.dramBytes() * dramPjPerByte;
            }
            for (int i = 0; i < k.layers().size(); i++) {
                LayerProfile l = k.layers().get(i);
                boolean head = i == 0;
                rows.add(new LayerRow(l.name(), l.typeId(), k.unitId(), k.name(), head ? kernelPs : 0,
                        head ? bound : "fused", l.macs(), head ? k.dramBytes() : 0));
            }
        }
        dynamic += dram;
        energy.put("dram", dram);
        double staticPj = 0.0;
        for (Map.Entry<String, Double> e : idlePowerByUnitMw.entrySet()) {
            double pj = e.getValue() * 1e-3 * seconds * 1e12;
            energy.merge(e.getKey(), pj, Double::sum);
            staticPj += pj;
        }
        double basePj = request.device().basePowerMw() * 1e-3 * seconds * 1e12;
        energy.put("base", basePj);
        staticPj += basePj;
        double throughput = request.batch() / seconds;
        return new Prediction(latencyPs, throughput, dynamic + staticPj, dynamic, staticPj, energy, kernels, rows);
    }

    /** Static power while the plan runs: base power plus idle power of every unit, mW. */
    public double staticPowerMw() {
        return staticPowerMw;
    }

    private static double[] naturalValues(CostParameters c) {
        double[] v = new double[CostParameter.values().length];
        for (CostParameter p : CostParameter.values()) {
            v[p.ordinal()] = c.get(p);
        }
        return v;
    }
}
