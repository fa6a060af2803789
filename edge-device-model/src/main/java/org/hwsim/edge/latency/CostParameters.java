package org.hwsim.edge.latency;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value per {@link CostParameter}: what the latency model uses for one runtime path.
 * Immutable.
 */
public final class CostParameters {
    private static final int N = CostParameter.values().length;
    private final double[] values;

    private CostParameters(double[] values) {
        this.values = values;
    }

    /** Every parameter at its prior. */
    public static CostParameters priors() {
        double[] v = new double[N];
        for (CostParameter p : CostParameter.values()) {
            v[p.ordinal()] = p.prior();
        }
        return new CostParameters(v);
    }

    /** From free values (see {@link CostParameter#fromFree}), in enum order. */
    public static CostParameters fromFree(double[] free) {
        if (free.length != N) {
            throw new IllegalArgumentException("expected " + N + " free values: " + free.length);
        }
        double[] v = new double[N];
        for (CostParameter p : CostParameter.values()) {
            v[p.ordinal()] = p.fromFree(free[p.ordinal()]);
        }
        return new CostParameters(v);
    }

    /** From a map of parameter id to value; missing ones take {@code defaults}' values. */
    public static CostParameters of(Map<String, Double> byId, CostParameters defaults) {
        double[] v = defaults.values.clone();
        for (Map.Entry<String, Double> e : byId.entrySet()) {
            CostParameter p = CostParameter.fromId(e.getKey());
            double value = e.getValue();
            if (!(value > 0) || Double.isInfinite(value) || (p.isFraction() && value >= 1)) {
                throw new IllegalArgumentException(
                        p.id() + (p.isFraction() ? " must be in (0, 1): " : " must be positive: ") + value);
            }
            v[p.ordinal()] = value;
        }
        return new CostParameters(v);
    }

    /** The value of {@code p}. */
    public double get(CostParameter p) {
        return values[p.ordinal()];
    }

    /** The free values, in enum order. */
    public double[] toFree() {
        double[] x = new double[N];
        for (CostParameter p : CostParameter.values()) {
            x[p.ordinal()] = p.toFree(values[p.ordinal()]);
        }
        return x;
    }

    /** Parameter id to value, in enum order. */
    public Map<String, Double> toMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (CostParameter p : CostParameter.values()) {
            map.put(p.id(), values[p.ordinal()]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostParameters c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
