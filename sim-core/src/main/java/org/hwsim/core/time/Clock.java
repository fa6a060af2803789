package org.hwsim.core.time;

/**
 * A clock domain: converts between cycles at the current frequency and picoseconds, and lets the
 * frequency change at run time (DVFS).
 *
 * <p>Rounding rule: a duration of {@code n} cycles takes {@code ceil(n * 1e12 / frequencyHz)}
 * picoseconds, so work never finishes early; {@link #cyclesIn(long)} is the inverse rounded down
 * (whole cycles completed in a time). Example: at 1.5 GHz one cycle is 666.67 ps, so
 * {@code cyclesToPs(3) == 2000} and {@code cyclesToPs(1) == 667}.
 *
 * <p>The clock tracks the frequency only; it holds no simulated time and is not thread-safe.
 * Frequency changes take effect for conversions made after the change; a component that changes
 * frequency mid-operation is responsible for splitting the operation.
 */
public final class Clock {
    private final String name;
    private double frequencyHz;
    private double psPerCycle;

    /**
     * @param name        the clock domain's name, for error messages (e.g. {@code "jetson/gpu"})
     * @param frequencyHz the initial frequency, finite and positive
     */
    public Clock(String name, double frequencyHz) {
        this.name = name;
        setFrequencyHz(frequencyHz);
    }

    /** The clock domain's name. */
    public String name() {
        return name;
    }

    /** The current frequency in hertz. */
    public double frequencyHz() {
        return frequencyHz;
    }

    /** The length of one cycle at the current frequency, in (fractional) picoseconds. */
    public double periodPs() {
        return psPerCycle;
    }

    /** Changes the frequency (DVFS); throws if it is not finite and positive. */
    public void setFrequencyHz(double frequencyHz) {
        if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
            throw new IllegalArgumentException("clock '" + name + "': frequencyHz must be finite and > 0: " + frequencyHz);
        }
        this.frequencyHz = frequencyHz;
        this.psPerCycle = Time.PS_PER_S / frequencyHz;
    }

    /** Picoseconds taken by {@code cycles} cycles at the current frequency, rounded up. */
    public long cyclesToPs(long cycles) {
        if (cycles < 0) {
            throw new IllegalArgumentException("clock '" + name + "': cycles must be >= 0: " + cycles);
        }
        // The relative slack absorbs the rounding of cycles * psPerCycle (e.g. 3 * 666.66.. = 2000.0000000000002).
        double ps = Math.ceil(cycles * psPerCycle * (1 - Time.ROUNDING_SLACK));
        if (ps >= 0x1p63) {
            throw new ArithmeticException("clock '" + name + "': " + cycles + " cycles overflow picoseconds");
        }
        return Math.max(0L, (long) ps);
    }

    /** Whole cycles completed in {@code ps} picoseconds at the current frequency (rounded down). */
    public long cyclesIn(long ps) {
        if (ps < 0) {
            throw new IllegalArgumentException("clock '" + name + "': duration must be >= 0: " + ps + " ps");
        }
        return (long) Math.floor(ps / psPerCycle * (1 + Time.ROUNDING_SLACK));
    }
}
