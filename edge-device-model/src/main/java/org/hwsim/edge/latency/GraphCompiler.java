package org.hwsim.edge.latency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hwsim.core.workload.LayerOp;
import org.hwsim.core.workload.LayerProfile;
import org.hwsim.core.workload.NetworkProfile;
import org.hwsim.edge.device.DeviceSpec;
import org.hwsim.edge.device.Precision;
import org.hwsim.edge.device.UnitKind;
import org.hwsim.edge.device.UnitSpec;
import org.hwsim.edge.runtime.FusionRule;
import org.hwsim.edge.runtime.PathSpec;
import org.hwsim.edge.runtime.RuntimeSpec;

/**
 * What a runtime's compiler makes of a network on a device: operators placed on units (falling
 * back where a path cannot run one), fused into kernels by the runtime's {@link FusionRule}s, and
 * each kernel's work and DRAM traffic. Fusion keeps a producer's output on chip only when nothing
 * else reads it; a kernel's input produced by the kernel just before it on the same unit is read
 * from on-chip memory when it fits there.
 *
 * <p>Weight sparsity is exploited only by a unit that runs {@link Precision#INT8_SPARSE} (2:4
 * structured sparsity, which halves the MACs of layers at least 50% sparse and stores weights in
 * 9/16 of the dense bytes: half the values plus 2-bit indices); every other unit runs the dense
 * MACs, as dense kernels do.
 */
final class GraphCompiler {
    private GraphCompiler() {
    }

    /** Compiles {@code profile} (already at the precision's element width). */
    static List<KernelGroup> compile(NetworkProfile profile, DeviceSpec device, RuntimeSpec runtime,
            String pathId, String unitId, Precision precision) {
        Set<FusionRule> rules = runtime.fusionRules();
        List<LayerProfile> order = profile.topologicalOrder();
        Map<String, Placement> placements = new HashMap<>();
        Placement requested = place(device, runtime, pathId, unitId, precision);
        int[] groupOf = new int[profile.layers().size()];
        List<Draft> drafts = new ArrayList<>();
        for (LayerProfile layer : order) {
            Placement at = requested;
            if (requested.path.unsupportedOps().contains(layer.typeId())) {
                String fallback = requested.path.fallback();
                if (fallback == null) {
                    throw new IllegalArgumentException("operator " + layer.typeId() + " (layer '" + layer.name()
                            + "') cannot run on " + pathId + " under " + runtime.id() + ", which has no fallback");
                }
                at = placements.computeIfAbsent(fallback, f -> place(device, runtime, f, null, precision));
            }
            LayerOp op = layer.op();
            OpClass cls = OpClass.of(op, layer.inputShapes().get(0));
            Draft last = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            Draft target = null;
            boolean free = (cls == OpClass.VIEW && rules.contains(FusionRule.VIEW_ELIMINATION))
                    || (op instanceof LayerOp.Concat && rules.contains(FusionRule.CONCAT_IN_PLACE))
                    || (op instanceof LayerOp.Pad && rules.contains(FusionRule.PAD_FOLD) && foldsIntoWindow(profile, layer));
            if (!free && last != null && last.kernel && last.placement == at) {
                target = fuseInto(profile, layer, op, cls, last, groupOf, drafts.size() - 1, rules);
            }
            if (target == null) {
                target = new Draft(at, cls, !free);
                drafts.add(target);
            }
            target.layers.add(layer);
            groupOf[layer.index()] = drafts.indexOf(target);
        }
        return finish(profile, drafts, groupOf, precision);
    }

    /** The draft {@code layer} joins under the runtime's rules, or null for a new kernel. */
    private static Draft fuseInto(NetworkProfile profile, LayerProfile layer, LayerOp op, OpClass cls, Draft last,
            int[] groupOf, int lastIndex, Set<FusionRule> rules) {
        List<LayerProfile> producers = profile.producers(layer);
        LayerProfile tail = last.layers.get(last.layers.size() - 1);
        boolean tailOnlyFeedsThis = profile.consumers(tail).size() == 1;
        boolean readsTail = producers.contains(tail);
        if (!readsTail || !tailOnlyFeedsThis) {
            return null;
        }
        boolean macHead = last.headClass.doesMacs();
        if (op instanceof LayerOp.BatchNorm && macHead && last.layers.size() == 1
                && rules.contains(FusionRule.CONV_BN)) {
            return last;
        }
        if (op instanceof LayerOp.Activation && macHead && rules.contains(FusionRule.CONV_ACTIVATION)) {
            return last;
        }
        if (op instanceof LayerOp.Add && macHead && rules.contains(FusionRule.CONV_ADD)) {
            return last;
        }
        if (cls.isElementwise() && last.headClass.isElementwise() && rules.contains(FusionRule.ELEMENTWISE_CHAIN)) {
            return last;
        }
        return null;
    }

    private static boolean foldsIntoWindow(NetworkProfile profile, LayerProfile pad) {
        List<LayerProfile> consumers = profile.consumers(pad);
        if (consumers.size() != 1) {
            return false;
        }
        LayerOp next = consumers.get(0).op();
        return next instanceof LayerOp.Conv2d || next instanceof LayerOp.DepthwiseConv2d
                || next instanceof LayerOp.Conv3d || next instanceof LayerOp.MaxPool || next instanceof LayerOp.AvgPool;
    }

    private static List<KernelGroup> finish(NetworkProfile profile, List<Draft> drafts, int[] groupOf,
            Precision precision) {
        int batch = profile.network().batch();
        int networkWidth = profile.network().bytesPerElement();
        Map<String, LayerProfile> byName = new HashMap<>();
        profile.layers().forEach(l -> byName.put(l.name(), l));
        List<KernelGroup> groups = new ArrayList<>(drafts.size());
        int previousKernel = -1;
        for (int group = 0; group < drafts.size(); group++) {
            final int g = group;
            Draft d = drafts.get(g);
            if (!d.kernel) {
                groups.add(new KernelGroup(g, d.placement.pathId, d.placement.unit.id(), d.layers, d.headClass,
                        0, 0, 0, 0, 0, 0.0, false));
                continue;
            }
            boolean sparse = precision == Precision.INT8_SPARSE && d.placement.unit.supports(Precision.INT8_SPARSE);
            long macs = 0;
            long ops = 0;
            long bytes = 0;
            long transition = 0;
            Draft previous = previousKernel >= 0 ? drafts.get(previousKernel) : null;
            for (LayerProfile layer : d.layers) {
                boolean halved = sparse && layer.layer().weightSparsity() >= 0.5;
                macs += halved ? layer.macs() / 2 : layer.macs();
                ops += layer.elementOps();
                if (layer.op() instanceof LayerOp.Embedding) {
                    bytes += layer.activationBytes();
                } else {
                    bytes += halved ? layer.weightBytes() * 9 / 16 : layer.weightBytes();
                }
                for (int j = 0; j < layer.layer().inputs().size(); j++) {
                    LayerProfile producer = byName.get(layer.layer().inputs().get(j));
                    if (producer != null && groupOf[producer.index()] == g) {
                        continue;
                    }
                    int width = producer == null ? networkWidth : producer.elementBytes();
                    long inBytes = layer.inputShapes().get(j).elementCount() * width * batch;
                    int from = producer == null ? -1 : kernelSource(drafts, groupOf, producer, profile, byName);
                    boolean onChip = previous != null && from == previousKernel
                            && previous.placement.unit == d.placement.unit
                            && inBytes <= d.placement.unit.onChipBytes();
                    if (from >= 0 && drafts.get(from).placement.unit != d.placement.unit) {
                        transition += inBytes;
                    }
                    if (!onChip) {
                        bytes += inBytes;
                    }
                }
                boolean readOutside = profile.consumers(layer).isEmpty()
                        || profile.consumers(layer).stream().anyMatch(c -> groupOf[c.index()] != g);
                if (readOutside) {
                    bytes += layer.activationBytes();
                }
            }
            LayerProfile tail = d.layers.get(d.layers.size() - 1);
            long work = tail.outputShape().elementCount() * batch;
            double transitionUs = 0.0;
            if (previous != null && previous.placement.unit != d.placement.unit) {
                transitionUs = Math.max(previous.placement.path.transitionUs(), d.placement.path.transitionUs());
            }
            groups.add(new KernelGroup(g, d.placement.pathId, d.placement.unit.id(), d.layers, d.headClass,
                    macs, ops, bytes, work, transition, transitionUs, true));
            previousKernel = g;
        }
        return List.copyOf(groups);
    }

    /** The kernel group that materialised {@code producer}'s data (through eliminated views). */
    private static int kernelSource(List<Draft> drafts, int[] groupOf, LayerProfile producer, NetworkProfile profile,
            Map<String, LayerProfile> byName) {
        LayerProfile at = producer;
        for (int hops = 0; hops < 64; hops++) {
            int g = groupOf[at.index()];
            if (drafts.get(g).kernel) {
                return g;
            }
            List<LayerProfile> up = profile.producers(at);
            if (up.isEmpty()) {
                return -1;
            }
            at = up.get(0);
        }
        return -1;
    }

    private static Placement place(DeviceSpec device, RuntimeSpec runtime, String pathId, String unitId,
            Precision precision) {
        PathSpec path = runtime.path(pathId);
        UnitKind kind = path.unitKindFor(precision);
        if (kind == null) {
            throw new IllegalArgumentException("precision " + precision.id() + " is not available on " + pathId
                    + " under " + runtime.id() + "; available: "
                    + path.supportedPrecisions().stream().map(Precision::id).toList());
        }
        List<UnitSpec> units = device.units(kind);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("device " + device.id() + " has no " + kind.id() + " unit for "
                    + runtime.id() + "/" + pathId + "; its units are "
                    + device.units().stream().map(UnitSpec::id).toList());
        }
        UnitSpec unit = units.get(0);
        if (unitId != null) {
            unit = units.stream().filter(u -> u.id().equals(unitId)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unit " + unitId + " is not a " + kind.id() + " unit of "
                            + device.id() + ": " + units.stream().map(UnitSpec::id).toList()));
        }
        if (!unit.supports(precision)) {
            throw new IllegalArgumentException("unit " + unit.id() + " of " + device.id() + " cannot run "
                    + precision.id() + "; it runs " + unit.precisions().stream().map(Precision::id).toList());
        }
        return new Placement(pathId, path, unit);
    }

    private record Placement(String pathId, PathSpec path, UnitSpec unit) {
    }

    private static final class Draft {
        final Placement placement;
        final OpClass headClass;
        final boolean kernel;
        final List<LayerProfile> layers = new ArrayList<>();

        Draft(Placement placement, OpClass headClass, boolean kernel) {
            this.placement = placement;
            this.headClass = headClass;
            this.kernel = kernel;
        }
    }
}
