package org.hwsim.edge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.resource.ServerQueue;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.OperatingPoint;
import org.hwsim.edge.device.PowerMode;
import org.hwsim.edge.device.UnitSpec;
import org.hwsim.edge.latency.InferencePlan;
import org.hwsim.edge.latency.KernelGroup;

/**
 * An edge device as a component on a caller's {@link Simulator}: each unit is a one-server FIFO
 * queue that runs kernels, so several inferences (of one or several networks) contend for the
 * units on one clock. Energy goes to the ledger under {@code root/<unit>} (MAC and element-operation
 * actions at the unit's pJ per MAC, idle power as the {@code on} power state), {@code root/dram}
 * (bytes) and {@code root/base} (the module's base power) as the work happens.
 *
 * <p>One inference alone takes exactly {@link InferencePlan#latencyPs()}: its kernels run one
 * after another, each on its unit, and the per-inference overhead runs first on the plan's path.
 * Not thread-safe, like the simulator it lives on.
 */
public final class EdgeDevice {
    private final Simulator sim;
    private final DeviceSpec device;
    private final String root;
    private final Map<String, ServerQueue> queues = new LinkedHashMap<>();
    private final Map<String, EnergyComponent> energy = new LinkedHashMap<>();
    private final Map<String, Integer> computeAction = new LinkedHashMap<>();
    private final EnergyComponent dram;
    private final int dramByte;

    private EdgeDevice(Simulator sim, DeviceSpec device, String root, PowerMode mode) {
        this.sim = sim;
        this.device = device;
        this.root = root;
        for (UnitSpec unit : device.units()) {
            queues.put(unit.id(), ServerQueue.fifo(sim, root + "/" + unit.id() + "/queue", 1));
            EnergyComponent c = sim.energy().component(root + "/" + unit.id());
            OperatingPoint op = device.operatingPoint(unit, mode);
            double v = op.voltageV() / unit.maxVoltageV();
            c.definePowerState("on", unit.idlePowerMw() * v * v);
            c.enterPowerState("on");
            energy.put(unit.id(), c);
        }
        dram = sim.energy().component(root + "/dram");
        dramByte = dram.defineAction("byte", device.memory().dramEnergyPjPerByte());
        EnergyComponent base = sim.energy().component(root + "/base");
        base.definePowerState("on", device.basePowerMw());
        base.enterPowerState("on");
    }

    /** The device {@code device} in power mode {@code modeId} under ledger path {@code root}. */
    public static EdgeDevice create(Simulator sim, DeviceSpec device, String root, String modeId) {
        return new EdgeDevice(sim, device, root, device.powerMode(modeId));
    }

    /** The device. */
    public DeviceSpec device() {
        return device;
    }

    /** The queue of unit {@code unitId} (utilisation, waiting times). */
    public ServerQueue queue(String unitId) {
        ServerQueue q = queues.get(unitId);
        if (q == null) {
            throw new IllegalArgumentException("unit must be one of " + queues.keySet() + ": '" + unitId + "'");
        }
        return q;
    }

    /**
     * Starts one inference of {@code plan} now; {@code onDone} receives the completion time in
     * picoseconds. The plan must have been compiled for this device.
     */
    public void start(InferencePlan plan, Consumer<Long> onDone) {
        if (!plan.request().device().id().equals(device.id())) {
            throw new IllegalArgumentException("plan is for " + plan.request().device().id() + ", not " + device.id());
        }
        double overheadS = plan.overheadSeconds();
        String first = plan.groups().get(0).unitId();
        queue(first).submit(Math.round(overheadS * 1e12), job -> next(plan, 0, overheadS, onDone));
    }

    /**
     * Runs the next kernel from index {@code g}. Durations come from the running sum of seconds,
     * rounded at each end, so a lone inference ends exactly at {@link InferencePlan#latencyPs()}.
     */
    private void next(InferencePlan plan, int g, double elapsedS, Consumer<Long> onDone) {
        List<KernelGroup> groups = plan.groups();
        int i = g;
        while (i < groups.size() && !groups.get(i).isKernel()) {
            i++;
        }
        if (i == groups.size()) {
            onDone.accept(sim.nowPs());
            return;
        }
        KernelGroup k = groups.get(i);
        int at = i;
        double endS = elapsedS + plan.kernelSeconds(at);
        long kernelPs = Math.round(endS * 1e12) - Math.round(elapsedS * 1e12);
        queue(k.unitId()).submit(kernelPs, job -> {
            charge(plan, k);
            next(plan, at + 1, endS, onDone);
        });
    }

    private void charge(InferencePlan plan, KernelGroup k) {
        EnergyComponent c = energy.get(k.unitId());
        String action = "op-" + plan.request().precision().id();
        int id = computeAction.computeIfAbsent(k.unitId() + "/" + action, key -> {
            UnitSpec unit = device.unit(k.unitId()).orElseThrow();
            OperatingPoint op = device.operatingPoint(unit, device.powerMode(plan.request().powerMode()));
            return c.defineAction(action, op.energyPjPerMac(plan.request().precision()));
        });
        c.record(id, k.macs() + k.elementOps());
        dram.record(dramByte, k.dramBytes());
    }
}
