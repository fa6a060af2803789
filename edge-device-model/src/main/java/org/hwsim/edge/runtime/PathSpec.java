package org.hwsim.edge.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.hwsim.edge.device.Precision;
import org.hwsim.edge.device.UnitKind;

/**
 * How a runtime reaches one kind of unit (its CPU backend, GPU delegate, NNAPI, DLA): which unit
 * kind runs each precision, the operator types it cannot run and where those fall back.
 *
 * @param precisions precision id to the unit kind id that runs it (NNAPI sends int8 to a DSP or
 *     NPU and floating point to the GPU); the precisions the path accepts
 * @param unsupportedOps operator type ids (as in the network format) the path cannot run
 * @param fallback the path unsupported operators run on, or null if it has none (then an
 *     unsupported operator is an error)
 * @param transitionUs synchronisation time when execution moves to or from this path within one
 *     inference
 */
public record PathSpec(
        @JsonProperty(required = true) Map<String, String> precisions,
        List<String> unsupportedOps,
        String fallback,
        Double transitionUs) {

    /** Validates the fields. */
    public PathSpec {
        if (precisions == null || precisions.isEmpty()) {
            throw new IllegalArgumentException("precisions must map at least one precision to a unit kind");
        }
        for (Map.Entry<String, String> e : precisions.entrySet()) {
            Precision.parse("precisions key", e.getKey());
            if (UnitKind.fromId(e.getValue()).isEmpty()) {
                throw new IllegalArgumentException("precisions." + e.getKey()
                        + " must be a unit kind (cpu, gpu, dsp, npu, dla): '" + e.getValue() + "'");
            }
        }
        precisions = Map.copyOf(precisions);
        unsupportedOps = unsupportedOps == null ? List.of() : List.copyOf(unsupportedOps);
        transitionUs = transitionUs == null ? 0.0 : transitionUs;
        if (!(transitionUs >= 0.0)) {
            throw new IllegalArgumentException("transitionUs must be >= 0: " + transitionUs);
        }
    }

    /** The unit kind that runs {@code precision} on this path, or null if the path cannot. */
    public UnitKind unitKindFor(Precision precision) {
        String kind = precisions.get(precision.id());
        return kind == null ? null : UnitKind.fromId(kind).orElseThrow();
    }

    /** The precisions this path accepts, in enum order. */
    public List<Precision> supportedPrecisions() {
        return java.util.Arrays.stream(Precision.values()).filter(p -> precisions.containsKey(p.id())).toList();
    }
}
