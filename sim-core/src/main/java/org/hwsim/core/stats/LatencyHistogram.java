package org.hwsim.core.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.hwsim.core.time.Time;

/**
 * A latency distribution in picoseconds over an HdrHistogram (Tene, HdrHistogram), with three
 * significant decimal digits: every recorded value is reported within 0.1% of its true value.
 * It auto-resizes, so there is no highest trackable value to choose.
 *
 * <p>Example: after recording 1,000,000 ps (1 us) and 3,000,000 ps, {@code percentilePs(50)} is
 * 1,000,000 within 0.1% and {@code summary(Time.PS_PER_US)} gives {@code p50 = 1.0}.
 * Not thread-safe.
 */
public final class LatencyHistogram {
    private final String name;
    private final Histogram histogram;

    /** An empty histogram labelled {@code name} (e.g. {@code "writeLatencyUs"}). */
    public LatencyHistogram(String name) {
        this.name = name;
        this.histogram = new Histogram(3);
        this.histogram.setAutoResize(true);
    }

    /** Records one latency; negative values are rejected. */
    public void recordPs(long latencyPs) {
        if (latencyPs < 0) {
            throw new IllegalArgumentException("latency histogram '" + name + "': negative latency: " + latencyPs + " ps");
        }
        histogram.recordValue(latencyPs);
    }

    /** The label given at construction. */
    public String name() {
        return name;
    }

    /** Number of recorded latencies. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** The latency at {@code percentile} (0-100] in ps, 0 if empty. */
    public long percentilePs(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }

    /** Mean latency in ps, NaN if empty. */
    public double meanPs() {
        return count() == 0 ? Double.NaN : histogram.getMean();
    }

    /** Largest recorded latency in ps (within the histogram's precision), 0 if empty. */
    public long maxPs() {
        return histogram.getMaxValue();
    }

    /** Adds every value recorded in {@code other}. */
    public void add(LatencyHistogram other) {
        histogram.add(other.histogram);
    }

    /** Forgets every value. */
    public void reset() {
        histogram.reset();
    }

    /**
     * The report summary: {@code p50, p95, p99, p999, mean, max, count}, latencies divided by
     * {@code psPerUnit} (e.g. {@link Time#PS_PER_US} for microseconds).
     */
    public Map<String, Number> summary(long psPerUnit) {
        Map<String, Number> m = new LinkedHashMap<>();
        double unit = psPerUnit;
        boolean empty = count() == 0;
        m.put("p50", empty ? 0.0 : percentilePs(50) / unit);
        m.put("p95", empty ? 0.0 : percentilePs(95) / unit);
        m.put("p99", empty ? 0.0 : percentilePs(99) / unit);
        m.put("p999", empty ? 0.0 : percentilePs(99.9) / unit);
        m.put("mean", empty ? 0.0 : meanPs() / unit);
        m.put("max", empty ? 0.0 : maxPs() / unit);
        m.put("count", count());
        return m;
    }
}
