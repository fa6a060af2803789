package org.hwsim.core.stats;

/**
 * Count, mean, variance, minimum and maximum of observed values, updated in O(1) with Welford's
 * algorithm (Welford, Technometrics 4(3), 1962), which stays accurate when the mean is large
 * compared with the spread (as with waiting times in picoseconds).
 *
 * <p>A plain accumulator instead of Commons Math's {@code SummaryStatistics}, which also keeps a
 * sum of logarithms (one {@code Math.log} per value) that queue statistics never use.
 * Not thread-safe.
 */
public final class Tally {
    private final String name;
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** An empty tally; {@code name} (with its unit, e.g. {@code "waitPs"}) labels reports. */
    public Tally(String name) {
        this.name = name;
    }

    /** Adds one observation; NaN is rejected. */
    public void add(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("tally '" + name + "': value must not be NaN");
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
    }

    /** The label given at construction. */
    public String name() {
        return name;
    }

    /** Number of observations. */
    public long count() {
        return count;
    }

    /** Mean of the observations, NaN if none. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Unbiased sample variance, NaN with fewer than two observations. */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** Sample standard deviation, NaN with fewer than two observations. */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Smallest observation, NaN if none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest observation, NaN if none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Sum of the observations. */
    public double sum() {
        return mean * count;
    }

    /** Forgets every observation. */
    public void reset() {
        count = 0;
        mean = 0;
        m2 = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }
}
