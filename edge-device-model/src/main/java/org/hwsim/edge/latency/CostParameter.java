package org.hwsim.edge.latency;

/**
 * The fitted parameters of the latency model for one runtime path, each with the transform that
 * keeps it in range while calibration moves a free value {@code x}: efficiencies are {@code
 * 1 / (1 + exp(-x))} in (0, 1), so a prediction never beats the roofline; times and sizes are
 * {@code exp(x)}.
 */
public enum CostParameter {
    /** Fraction of peak MAC rate dense convolutions reach. */
    EFF_CONV("effConv", true, 0.5),
    /** Fraction of peak MAC rate depthwise convolutions reach. */
    EFF_DEPTHWISE("effDepthwise", true, 0.1),
    /** Fraction of peak MAC rate linear layers and matrix products reach. */
    EFF_GEMM("effGemm", true, 0.3),
    /** Element operations per second as a fraction of the peak MAC rate. */
    EFF_ELEMENTWISE("effElementwise", true, 0.1),
    /** Fraction of peak DRAM bandwidth kernels reach. */
    EFF_MEMORY("effMemory", true, 0.6),
    /** Fixed time per kernel launch, microseconds. */
    LAUNCH_US("launchUs", false, 10.0),
    /** Fixed time per inference (framework, synchronisation, copies of inputs), microseconds. */
    OVERHEAD_US("overheadUs", false, 300.0),
    /** Output elements at which a kernel reaches half its efficiency (occupancy of the unit). */
    HALF_WORK("halfWork", false, 2000.0),
    /** Per-extra-thread loss of parallel efficiency: {@code 1 / (1 + c (n - 1))}, in (0, 1). */
    THREAD_CONTENTION("threadContention", true, 0.1);

    private final String id;
    private final boolean fraction;
    private final double prior;

    CostParameter(String id, boolean fraction, double prior) {
        this.id = id;
        this.fraction = fraction;
        this.prior = prior;
    }

    /** The key used in calibration files. */
    public String id() {
        return id;
    }

    /** True if the value is a fraction in (0, 1). */
    public boolean isFraction() {
        return fraction;
    }

    /** The value calibration starts from when nothing was fitted. */
    public double prior() {
        return prior;
    }

    /** The natural value for a free value {@code x}. */
    public double fromFree(double x) {
        return fraction ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x);
    }

    /** The free value of a natural value (the inverse of {@link #fromFree}). */
    public double toFree(double value) {
        if (fraction) {
            double v = Math.min(Math.max(value, 1e-9), 1 - 1e-9);
            return Math.log(v / (1 - v));
        }
        return Math.log(Math.max(value, 1e-12));
    }

    /** The parameter with this id, if any. */
    public static CostParameter fromId(String id) {
        for (CostParameter p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("cost parameter must be one of "
                + java.util.Arrays.stream(values()).map(CostParameter::id).toList() + ": '" + id + "'");
    }
}
