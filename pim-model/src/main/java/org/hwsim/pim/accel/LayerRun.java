package org.hwsim.pim.accel;

import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;

/**
 * The event-driven run of one mapped layer on its tiles (see {@link PimAccelerator} for the
 * timing model). Events: one per fetched input vector, one per finished analog read and one per
 * finished conversion batch on each tile, one per output vector. Nothing is allocated per event;
 * action counts are accumulated here and charged to the ledger once, when the layer ends.
 */
final class LayerRun {
    /** Golden-ratio phase step: spreads the skip patterns of different input segments. */
    static final double PHASE_STEP = 0.6180339887498949;

    private final Simulator sim;
    private final PimLayerMapping layer;
    private final Runnable onDone;
    private final String path;

    private final int tiles;
    private final int vectors;
    private final int planes;
    private final long totalSteps;
    private final double zeroPlaneProbability;
    private final long readPs;
    private final long convertPs;
    private final long fetchPs;
    private final long outputPs;
    private final long convertedColumns;
    private final long cellsPerRow;

    private final double[] phase;
    private final int[] usedRows;
    private final long[] nextStep;
    private final long[] readStep;
    private final long[] heldStep;
    private final long[] convertingStep;
    private final boolean[] reading;
    private final boolean[] holding;
    private final boolean[] converting;
    private final boolean[] waitingForInput;
    private final int[] tilesPending;

    private int fetched;
    private int nextOutput;
    private boolean outputBusy;
    private long startPs;
    private long endPs = -1;

    long steps;
    long rowDrives;
    long cellReads;

    private final EventHandler fetchDone;
    private final EventHandler readDone;
    private final EventHandler convertDone;
    private final EventHandler outputDone;

    LayerRun(Simulator sim, PimLayerMapping layer, PimAcceleratorConfig config, String path, Timing timing,
             Runnable onDone) {
        this.sim = sim;
        this.layer = layer;
        this.onDone = onDone;
        this.path = path;
        fetchDone = new Handler(path + "/fetch") {
            @Override
            public void handle(long v) {
                onFetchDone((int) v);
            }
        };
        readDone = new Handler(path + "/read") {
            @Override
            public void handle(long t) {
                onReadDone((int) t);
            }
        };
        convertDone = new Handler(path + "/adc") {
            @Override
            public void handle(long t) {
                onConvertDone((int) t);
            }
        };
        outputDone = new Handler(path + "/output") {
            @Override
            public void handle(long v) {
                onOutputDone();
            }
        };
        if (layer.vectors() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("layer '" + layer.name() + "': too many input vectors: "
                    + layer.vectors());
        }
        this.tiles = layer.tiles();
        this.vectors = (int) layer.vectors();
        this.planes = config.stepsPerVector();
        this.totalSteps = (long) vectors * planes;
        this.zeroPlaneProbability = config.zeroPlaneProbability(layer.name());
        this.readPs = timing.readPs;
        this.convertPs = timing.convertStepPs;
        this.fetchPs = timing.fetchPs;
        this.outputPs = timing.outputPs;
        this.convertedColumns = config.convertedColumnsPerTile();
        this.cellsPerRow = (long) config.tile().cols() * config.tile().slices() * 2;
        phase = new double[tiles];
        usedRows = new int[tiles];
        for (int t = 0; t < tiles; t++) {
            phase[t] = phaseOf(layer.inputSegmentOf(t));
            usedRows[t] = layer.usedRows(t, config.tile().rows());
        }
        nextStep = new long[tiles];
        readStep = new long[tiles];
        heldStep = new long[tiles];
        convertingStep = new long[tiles];
        reading = new boolean[tiles];
        holding = new boolean[tiles];
        converting = new boolean[tiles];
        waitingForInput = new boolean[tiles];
        tilesPending = new int[vectors];
        java.util.Arrays.fill(tilesPending, tiles);
    }

    /** Phase of the skip pattern of input segment {@code segment}: {@code frac(segment * 0.618...)}. */
    static double phaseOf(int segment) {
        double x = segment * PHASE_STEP;
        return x - Math.floor(x);
    }

    /**
     * Skipped steps among the first {@code n} of a segment with this phase: {@code floor(n * p +
     * phase)}. Step {@code k} is skipped iff {@code skippedBefore(k + 1) > skippedBefore(k)}, so
     * zero planes are spread evenly with density {@code p}.
     */
    static long skippedBefore(long n, double p, double phase) {
        return (long) Math.floor(n * p + phase);
    }

    private boolean skipped(int t, long k) {
        double ph = phase[t];
        return skippedBefore(k + 1, zeroPlaneProbability, ph) > skippedBefore(k, zeroPlaneProbability, ph);
    }

    private long liveSteps(int t, long from, long to) {
        double ph = phase[t];
        return (to - from) - (skippedBefore(to, zeroPlaneProbability, ph) - skippedBefore(from, zeroPlaneProbability, ph));
    }

    void start() {
        startPs = sim.nowPs();
        java.util.Arrays.fill(waitingForInput, true);
        sim.schedule(fetchPs, fetchDone, 0);
    }

    long startPs() {
        return startPs;
    }

    long endPs() {
        return endPs;
    }

    private void onFetchDone(int v) {
        fetched = v + 1;
        if (fetched < vectors) {
            sim.schedule(fetchPs, fetchDone, fetched);
        }
        for (int t = 0; t < tiles; t++) {
            if (waitingForInput[t]) {
                waitingForInput[t] = false;
                tryRead(t);
            }
        }
    }

    private void tryRead(int t) {
        if (reading[t] || holding[t]) {
            return;
        }
        long k = nextStep[t];
        while (k < totalSteps) {
            int v = (int) (k / planes);
            if (v >= fetched) {
                waitingForInput[t] = true;
                nextStep[t] = k;
                return;
            }
            if (skipped(t, k)) {
                if (k % planes == planes - 1 && liveSteps(t, (long) v * planes, k + 1) == 0) {
                    tileDoneWith(v); // every plane of this vector was zero on this tile
                }
                k++;
                continue;
            }
            reading[t] = true;
            readStep[t] = k;
            nextStep[t] = k + 1;
            steps++;
            rowDrives += usedRows[t];
            cellReads += usedRows[t] * cellsPerRow;
            sim.schedule(readPs, readDone, t);
            return;
        }
        nextStep[t] = k;
    }

    private void onReadDone(int t) {
        reading[t] = false;
        holding[t] = true;
        heldStep[t] = readStep[t];
        tryConvert(t);
        tryRead(t);
    }

    private void tryConvert(int t) {
        if (converting[t] || !holding[t]) {
            return;
        }
        holding[t] = false;
        converting[t] = true;
        convertingStep[t] = heldStep[t];
        sim.schedule(convertPs, convertDone, t);
    }

    private void onConvertDone(int t) {
        converting[t] = false;
        long k = convertingStep[t];
        int v = (int) (k / planes);
        if (liveSteps(t, k + 1, (long) (v + 1) * planes) == 0) {
            tileDoneWith(v);
        }
        tryConvert(t);
        tryRead(t);
    }

    private void tileDoneWith(int v) {
        if (--tilesPending[v] == 0) {
            tryOutput();
        }
    }

    private void tryOutput() {
        if (outputBusy || nextOutput >= vectors || tilesPending[nextOutput] > 0) {
            return;
        }
        outputBusy = true;
        sim.schedule(outputPs, outputDone, nextOutput);
    }

    private void onOutputDone() {
        outputBusy = false;
        nextOutput++;
        if (nextOutput == vectors) {
            endPs = sim.nowPs();
            onDone.run();
        } else {
            tryOutput();
        }
    }

    /** Conversions performed: live steps x converted columns per tile. */
    long conversions() {
        return steps * convertedColumns;
    }

    /** Conversions skipped: skipped steps x converted columns per tile. */
    long conversionsSkipped() {
        return ((long) tiles * totalSteps - steps) * convertedColumns;
    }

    /** Per-layer stage times, in ps. */
    record Timing(long readPs, long convertStepPs, long fetchPs, long outputPs) {
    }

    /** A stage's handler; its path is built once (the simulator hashes it on every event). */
    private abstract static class Handler implements EventHandler {
        private final String componentPath;

        Handler(String componentPath) {
            this.componentPath = componentPath;
        }

        @Override
        public String componentPath() {
            return componentPath;
        }
    }
}
