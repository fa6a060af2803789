package org.hwsim.core.time;

/**
 * Conversions between simulated time in picoseconds (the kernel's only time unit, a {@code long})
 * and the units people write configurations in.
 *
 * <p>Conversions to picoseconds round to the nearest picosecond (half away from zero) and throw
 * {@link ArithmeticException} when the result does not fit in a {@code long} (about 106 days).
 * Conversions from picoseconds return {@code double}s for reporting only; they never feed back
 * into the event list.
 */
public final class Time {
    /** Picoseconds in one nanosecond. */
    public static final long PS_PER_NS = 1_000L;
    /** Picoseconds in one microsecond. */
    public static final long PS_PER_US = 1_000_000L;
    /** Picoseconds in one millisecond. */
    public static final long PS_PER_MS = 1_000_000_000L;
    /** Picoseconds in one second. */
    public static final long PS_PER_S = 1_000_000_000_000L;

    /**
     * Relative slack (2^-50, eight units in the last place) that rounded conversions apply before
     * {@code ceil} or {@code floor}, so that a quotient whose exact value is a whole number but whose
     * double evaluation lands a few ulps past it (7 bytes at 7 MB/s = 1,000,000.0000000001 ps) is not
     * rounded to the next picosecond or cycle. It must stay far below one picosecond over the range
     * where doubles resolve picoseconds (2^53 ps): a slack of 1e-12 was 1 ps at 1e12 ps.
     */
    static final double ROUNDING_SLACK = 0x1p-50;

    private Time() {
    }

    /** Nanoseconds to picoseconds, rounded to the nearest picosecond. */
    public static long nsToPs(double ns) {
        return toPs(ns, PS_PER_NS, "ns");
    }

    /** Microseconds to picoseconds, rounded to the nearest picosecond. */
    public static long usToPs(double us) {
        return toPs(us, PS_PER_US, "us");
    }

    /** Milliseconds to picoseconds, rounded to the nearest picosecond. */
    public static long msToPs(double ms) {
        return toPs(ms, PS_PER_MS, "ms");
    }

    /** Seconds to picoseconds, rounded to the nearest picosecond. */
    public static long sToPs(double s) {
        return toPs(s, PS_PER_S, "s");
    }

    /** Picoseconds to nanoseconds. */
    public static double psToNs(long ps) {
        return ps / (double) PS_PER_NS;
    }

    /** Picoseconds to microseconds. */
    public static double psToUs(long ps) {
        return ps / (double) PS_PER_US;
    }

    /** Picoseconds to milliseconds. */
    public static double psToMs(long ps) {
        return ps / (double) PS_PER_MS;
    }

    /** Picoseconds to seconds. */
    public static double psToS(long ps) {
        return ps / (double) PS_PER_S;
    }

    /**
     * Time taken to move {@code sizeBytes} at {@code bandwidthBytesPerS}, rounded up to a whole
     * picosecond so a transfer of at least one byte never takes zero time.
     *
     * <p>Example: 4096 bytes at 1e9 B/s take 4,096,000 ps (4.096 us).
     */
    public static long transferPs(long sizeBytes, double bandwidthBytesPerS) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0: " + sizeBytes);
        }
        if (!(bandwidthBytesPerS > 0) || Double.isInfinite(bandwidthBytesPerS)) {
            throw new IllegalArgumentException("bandwidthBytesPerS must be finite and > 0: " + bandwidthBytesPerS);
        }
        double ps = Math.ceil(sizeBytes * (PS_PER_S / bandwidthBytesPerS) * (1 - ROUNDING_SLACK));
        return checkedPs(ps, sizeBytes + " bytes at " + bandwidthBytesPerS + " B/s");
    }

    private static long toPs(double value, long scale, String unit) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("time must be finite: " + value + " " + unit);
        }
        double ps = value * scale;
        // half away from zero, as documented (Math.rint would round ties to even)
        return checkedPs(Math.copySign((double) Math.round(Math.abs(ps)), ps), value + " " + unit);
    }

    private static long checkedPs(double ps, String what) {
        if (Math.abs(ps) >= 0x1p63) {
            throw new ArithmeticException("time does not fit in a long count of picoseconds: " + what);
        }
        return (long) ps;
    }
}
