package org.hwsim.edge.latency;

import java.util.List;
import org.hwsim.core.workload.LayerProfile;

/**
 * One kernel a runtime launches after fusion: the layers it covers and the work and DRAM traffic
 * it does. An eliminated view or in-place concat is a group with no kernel ({@link #isKernel()}
 * false) and no cost.
 *
 * @param index position in execution order
 * @param path the runtime path running it, e.g. {@code "gpu"}
 * @param unitId the device unit running it
 * @param layers the fused layers, in execution order; the first is the head
 * @param headClass the head's class, which sets the compute efficiency
 * @param macs MACs the unit executes (after any sparsity the unit exploits)
 * @param elementOps other arithmetic
 * @param dramBytes bytes moved to or from DRAM: external inputs not held on chip, weights, outputs
 * @param parallelWork output elements of the group: the parallelism the unit can spread
 * @param transitionBytes bytes handed over from a group on another unit (0 if none)
 * @param transitionUs synchronisation when execution arrives from another unit
 * @param isKernel false for groups a runtime removes entirely
 */
public record KernelGroup(
        int index,
        String path,
        String unitId,
        List<LayerProfile> layers,
        OpClass headClass,
        long macs,
        long elementOps,
        long dramBytes,
        long parallelWork,
        long transitionBytes,
        double transitionUs,
        boolean isKernel) {

    /** Copies the layer list. */
    public KernelGroup {
        layers = List.copyOf(layers);
    }

    /** The head layer's name, which reports use as the group's name. */
    public String name() {
        return layers.get(0).name();
    }
}
