package org.hwsim.pim.array;

/**
 * Action counts of a crossbar since creation (or the last {@link #reset()}), for energy and
 * latency accounting: multiply each by its energy per action. Not thread-safe.
 */
public final class PimCounters {
    private long mvms;
    private long inputSteps;
    private long rowActivations;
    private long adcConversions;
    private long adcConversionsSkipped;

    /** A zeroed set of counters. */
    public PimCounters() {
    }

    /** Matrix-vector products computed (one per input vector per tile). */
    public long mvms() {
        return mvms;
    }

    /** Analog steps issued (bit-planes in bit-serial schemes, one per vector otherwise). */
    public long inputSteps() {
        return inputSteps;
    }

    /** Wordlines driven with a non-zero input, summed over steps (DAC or driver actions). */
    public long rowActivations() {
        return rowActivations;
    }

    /** ADC conversions performed. */
    public long adcConversions() {
        return adcConversions;
    }

    /** ADC conversions skipped because their bit-plane (or vector) was all zero. */
    public long adcConversionsSkipped() {
        return adcConversionsSkipped;
    }

    /** Adds another set of counts to these. */
    public void add(PimCounters other) {
        mvms += other.mvms;
        inputSteps += other.inputSteps;
        rowActivations += other.rowActivations;
        adcConversions += other.adcConversions;
        adcConversionsSkipped += other.adcConversionsSkipped;
    }

    /** Sets every count to zero. */
    public void reset() {
        mvms = 0;
        inputSteps = 0;
        rowActivations = 0;
        adcConversions = 0;
        adcConversionsSkipped = 0;
    }

    void countMvm() {
        mvms++;
    }

    void countStep(long activeRows, long conversions) {
        inputSteps++;
        rowActivations += activeRows;
        adcConversions += conversions;
    }

    void countSkipped(long conversions) {
        adcConversionsSkipped += conversions;
    }

    @Override
    public String toString() {
        return "PimCounters[mvms=" + mvms + ", inputSteps=" + inputSteps + ", rowActivations=" + rowActivations
                + ", adcConversions=" + adcConversions + ", adcConversionsSkipped=" + adcConversionsSkipped + "]";
    }
}
