package org.hwsim.edge.runtime;

import java.util.Arrays;
import java.util.Optional;

/**
 * A graph rewrite an inference runtime's compiler applies before it runs a network, in the sense
 * of nn-Meter's fusion-rule detection (Zhang et al., MobiSys 2021): fused operators run as one
 * kernel, and tensors inside a fused group never go to DRAM. Every rule needs the producer's
 * output to have a single consumer, except {@link #CONCAT_IN_PLACE}.
 */
public enum FusionRule {
    /** Batch norm folded into the preceding convolution or linear layer's weights. */
    CONV_BN("conv-bn"),
    /** An activation applied in the convolution's (or linear layer's) epilogue. */
    CONV_ACTIVATION("conv-act"),
    /** A residual add (and an activation after it) in the convolution's epilogue. */
    CONV_ADD("conv-add"),
    /** Consecutive element-wise operators (activations, batch norm, add, mul) as one kernel. */
    ELEMENTWISE_CHAIN("eltwise-chain"),
    /** Reshape and flatten become views: no kernel, no traffic. */
    VIEW_ELIMINATION("view-elim"),
    /** Explicit zero padding folded into the next convolution or pooling window. */
    PAD_FOLD("pad-fold"),
    /** Concatenation by writing producers into slices of one buffer: no copy kernel. */
    CONCAT_IN_PLACE("concat-elim");

    private final String id;

    FusionRule(String id) {
        this.id = id;
    }

    /** The id used in runtime files. */
    public String id() {
        return id;
    }

    /** The rule with this id, if any. */
    public static Optional<FusionRule> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
