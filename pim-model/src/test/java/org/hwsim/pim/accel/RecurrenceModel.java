package org.hwsim.pim.accel;

/**
 * An independent, non-event model of one layer's timing for tests: the max-plus recurrence of
 * the pipeline that {@link PimAccelerator} documents, evaluated step by step per tile.
 *
 * <p>For tile {@code t} and its live (not skipped) steps in order: a read starts at {@code
 * max(previous conversion start, fetch done of its vector)} (the sample-and-hold is free once the
 * ADCs have taken the previous sample), ends {@code read} later; its conversion starts at {@code
 * max(read end, previous conversion end)} and ends {@code convert} later. Vector {@code v} is
 * fetched at {@code (v + 1) fetch}. A tile is done with {@code v} at the end of its last live
 * conversion of {@code v}, or, if every plane of {@code v} was zero, when it is ready to read and
 * {@code v} is fetched. Output {@code v} starts at {@code max(all tiles done with v, output v-1
 * end)} and takes {@code output}. The layer ends with the last output.
 */
final class RecurrenceModel {
    private RecurrenceModel() {
    }

    /** Latency of a layer in ps, relative to its start. */
    static long layerLatencyPs(int tiles, int vectors, int planes, double p, int[] segments, long readPs,
                               long convertPs, long fetchPs, long outputPs) {
        long[] done = new long[vectors];
        for (int t = 0; t < tiles; t++) {
            double x = segments[t] * 0.6180339887498949;
            double phase = x - Math.floor(x);
            long prevConvertStart = 0;
            long prevConvertEnd = 0;
            for (int v = 0; v < vectors; v++) {
                long fetched = (v + 1L) * fetchPs;
                int live = 0;
                long lastEnd = 0;
                for (int b = 0; b < planes; b++) {
                    long k = (long) v * planes + b;
                    boolean skipped = Math.floor((k + 1) * p + phase) > Math.floor(k * p + phase);
                    if (skipped) {
                        continue;
                    }
                    live++;
                    long readStart = Math.max(prevConvertStart, fetched);
                    long convertStart = Math.max(readStart + readPs, prevConvertEnd);
                    prevConvertStart = convertStart;
                    prevConvertEnd = convertStart + convertPs;
                    lastEnd = prevConvertEnd;
                }
                long d = live > 0 ? lastEnd : Math.max(prevConvertStart, fetched);
                done[v] = Math.max(done[v], d);
            }
        }
        long out = 0;
        for (int v = 0; v < vectors; v++) {
            out = Math.max(done[v], out) + outputPs;
        }
        return out;
    }
}
