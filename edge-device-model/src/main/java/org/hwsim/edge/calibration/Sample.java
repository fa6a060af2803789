package org.hwsim.edge.calibration;

import java.util.List;
import org.hwsim.edge.latency.InferencePlan;

/**
 * A measurement with the compiled plans that predict it: one plan for a single unit, one per unit
 * when the measurement ran the network on several units at once ({@code 2dla}, {@code gpu+2dla}),
 * whose throughputs add.
 *
 * @param measurement the published row
 * @param plans the compiled plans
 */
public record Sample(Measurement measurement, List<InferencePlan> plans) {

    /** Copies the plan list. */
    public Sample {
        plans = List.copyOf(plans);
    }

    /**
     * The model's value for this row with parameters {@code params[plan][key][parameter]}: latency
     * in seconds for latency rows, samples per second for throughput rows.
     */
    double predicted(double[][][] params) {
        if (measurement.isLatency()) {
            return plans.get(0).latencySeconds(params[0]);
        }
        double throughput = 0.0;
        for (int i = 0; i < plans.size(); i++) {
            throughput += plans.get(i).request().batch() / plans.get(i).latencySeconds(params[i]);
        }
        return throughput;
    }

    /** The published value in the unit of {@link #predicted}. */
    double measured() {
        return measurement.isLatency() ? measurement.latencyMs() * 1e-3 : measurement.throughputPerS();
    }

    /** Signed relative error of a prediction against the published value, as a latency ratio - 1. */
    double latencyError(double predicted) {
        return measurement.isLatency() ? predicted / measured() - 1.0 : measured() / predicted - 1.0;
    }
}
