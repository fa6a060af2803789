package org.hwsim.core.stats;

/**
 * The time average of a piecewise-constant quantity (queue length, busy servers, power), i.e.
 * the integral of the value over time divided by the elapsed time.
 *
 * <p>Callers report each change with {@link #update(long, double)} at the simulated time it takes
 * effect; {@link #mean(long)} closes the open interval at the given time. Times are picoseconds
 * and must not go backwards. Not thread-safe.
 */
public final class TimeWeighted {
    private final String name;
    private long startPs;
    private long lastPs;
    private double value;
    private double integral;
    private double max;

    /** Starts at {@code startPs} with {@code initialValue}. */
    public TimeWeighted(String name, long startPs, double initialValue) {
        this.name = name;
        this.startPs = startPs;
        this.lastPs = startPs;
        this.value = initialValue;
        this.max = initialValue;
    }

    /** The value changes to {@code newValue} at {@code nowPs}. */
    public void update(long nowPs, double newValue) {
        advance(nowPs);
        value = newValue;
        if (newValue > max) {
            max = newValue;
        }
    }

    /** The current value. */
    public double value() {
        return value;
    }

    /** The largest value seen. */
    public double max() {
        return max;
    }

    /** Integral of the value from the start to {@code nowPs} (value x ps). */
    public double integral(long nowPs) {
        advance(nowPs);
        return integral;
    }

    /** Time average from the start to {@code nowPs}; the current value if no time has passed. */
    public double mean(long nowPs) {
        advance(nowPs);
        long elapsed = lastPs - startPs;
        return elapsed == 0 ? value : integral / elapsed;
    }

    /** Restarts the average at {@code nowPs} keeping the current value (to drop a warm-up). */
    public void reset(long nowPs) {
        advance(nowPs);
        startPs = nowPs;
        integral = 0;
        max = value;
    }

    private void advance(long nowPs) {
        if (nowPs < lastPs) {
            throw new IllegalArgumentException("time-weighted '" + name + "': time went backwards: "
                    + nowPs + " ps < " + lastPs + " ps");
        }
        integral += value * (double) (nowPs - lastPs);
        lastPs = nowPs;
    }
}
