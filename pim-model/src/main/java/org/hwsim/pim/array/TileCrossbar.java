package org.hwsim.pim.array;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.Adc;
import org.hwsim.pim.device.DeviceModel;

/** One tile; the arithmetic is described in the package documentation. */
final class TileCrossbar implements Crossbar {
    /** Bit-serial vectors are processed in chunks whose column-sum buffers take at most this. */
    static final long CHUNK_BUFFER_BYTES = 16L << 20;
    /** At most this many vectors per chunk. */
    static final int MAX_CHUNK = 64;

    /**
     * Rows per lookup-table group. 4 (16 partial sums per group, 16 bytes of tables per weight)
     * measured faster than 8 (256 sums, 128 bytes per weight) at 256 x 256 and 1024 x 1024 on
     * JDK 17: the smaller tables stay in cache while a chunk of bit-planes streams through them.
     */
    static final int GROUP_BITS = 4;

    /**
     * Rows per group of the wide tables, used for chunks of at least {@link #WIDE_MIN_VECTORS}
     * vectors when the tables are packed and take at most {@link #WIDE_MAX_TABLE_BYTES}: 11
     * four-group passes instead of 16 at 256 rows. Measured at 256 x 256 on JDK 17: about 8 %
     * faster at batch 64, slower at batch 1 (each vector streams the 1.4 MiB tables through the
     * caches for only its own planes) and at 1024 x 1024 (22 MiB of tables).
     */
    static final int WIDE_GROUP_BITS = 6;
    static final int WIDE_MIN_VECTORS = 8;
    static final long WIDE_MAX_TABLE_BYTES = 2L << 20;

    private final CrossbarConfig config;
    private final int rows;
    private final int cols;
    private final ProgrammedWeights weights;
    private final BinaryPlaneSums[] planeSums;
    private final BinaryPlaneSums[] planeVariances;
    private final boolean wideAllowed;
    private BinaryPlaneSums[] wideSums; // built at the first chunk that uses them
    private final Adc adc;
    private final InputEncoder encoder;
    private final NormalizedGaussianSampler readGauss;
    private final double readSigma;
    private final PimCounters counters = new PimCounters();
    private final float[] sums;
    private final float[] variances;
    private final float[] acc;
    private final int chunk;
    private final int[][] chunkCodes;
    private final int[] chunkActive;
    private final double[] chunkInputStep;
    private final int[] jobIndex;
    private final float[][] oneX = new float[1][];
    private final float[][] oneY = new float[1][];

    TileCrossbar(float[][] w, CrossbarConfig config, RandomStreams streams, String path) {
        if (w == null || w.length != config.rows()) {
            throw new IllegalArgumentException("weights must have rows = " + config.rows() + " rows: "
                    + (w == null ? "null" : w.length));
        }
        Checks.matrix("weights", w, config.rows(), config.cols());
        this.config = config;
        this.rows = config.rows();
        this.cols = config.cols();
        DeviceModel device = DeviceModel.create(config.device(), config.cell(), config.cellLevels(),
                streams.stream(path + "/program"));
        this.weights = new ProgrammedWeights(w, config, device);
        this.readSigma = device.readNoiseSigma();
        this.readGauss = ZigguratSampler.NormalizedGaussian.of(streams.stream(path + "/read-noise"));
        int k = config.convertedArrays();
        int groupBits = GROUP_BITS;
        if (config.scheme().bitSerialInputs()) {
            planeSums = new BinaryPlaneSums[k];
            planeVariances = readSigma > 0 ? new BinaryPlaneSums[k] : null;
            for (int a = 0; a < k; a++) {
                planeSums[a] = BinaryPlaneSums.of(weights.arrays[a], groupBits);
                if (planeVariances != null) {
                    planeVariances[a] = BinaryPlaneSums.of(weights.unitVariances[a], groupBits);
                }
            }
        } else {
            planeSums = null;
            planeVariances = null;
        }
        this.wideAllowed = wideTablesAllowed(config, weights, planeSums, planeVariances != null);
        this.adc = Adc.create(config.adc(), cols, config.bipolarColumns(), maxPossibleColumnSum(config),
                streams.stream(path + "/adc-variation"), streams.stream(path + "/adc-thermal"));
        this.encoder = new InputEncoder(config.dac(), rows, groupBits);
        this.sums = new float[cols];
        this.variances = new float[cols];
        this.acc = new float[cols];
        int steps = config.inputSteps();
        if (config.scheme().bitSerialInputs()) {
            long perVector = (long) steps * k * cols * Float.BYTES * (readSigma > 0 ? 2 : 1);
            chunk = (int) Math.max(1, Math.min(MAX_CHUNK, CHUNK_BUFFER_BYTES / perVector));
            chunkCodes = new int[chunk * steps][encoder.groups()];
            chunkActive = new int[chunk * steps];
            chunkInputStep = new double[chunk];
            jobIndex = new int[chunk * steps];
        } else {
            chunk = 0;
            chunkCodes = null;
            chunkActive = null;
            chunkInputStep = null;
            jobIndex = null;
        }
    }

    /**
     * Wide tables give the same sums only when both table sets are exact: packed integer tables.
     * Read-noise variances use the narrow groups.
     */
    private static boolean wideTablesAllowed(CrossbarConfig c, ProgrammedWeights w, BinaryPlaneSums[] narrow,
                                             boolean readNoise) {
        if (!c.scheme().bitSerialInputs() || readNoise) {
            return false;
        }
        long bytes = (long) w.arrays.length * PackedPlaneSums.tableBytes(c.rows(), c.cols(), WIDE_GROUP_BITS);
        if (bytes > WIDE_MAX_TABLE_BYTES) {
            return false;
        }
        for (int a = 0; a < narrow.length; a++) {
            if (!(narrow[a] instanceof PackedPlaneSums) || !PackedPlaneSums.fits(w.arrays[a], WIDE_GROUP_BITS)) {
                return false;
            }
        }
        return true;
    }

    private BinaryPlaneSums[] wideSums() {
        if (wideSums == null) {
            wideSums = new BinaryPlaneSums[weights.arrays.length];
            for (int a = 0; a < wideSums.length; a++) {
                wideSums[a] = new PackedPlaneSums(weights.arrays[a], WIDE_GROUP_BITS);
            }
        }
        return wideSums;
    }

    /** Whether a chunk has used the wide tables so far (tests). */
    boolean usedWideTables() {
        return wideSums != null;
    }

    /** The largest column-sum magnitude of an ideal tile: rows x largest input x largest conductance. */
    static double maxPossibleColumnSum(CrossbarConfig c) {
        double input = c.scheme().bitSerialInputs() ? 1 : c.dac().maxCode();
        double g = c.scheme().digitalSubtraction()
                ? c.cell().gMinLevel(c.cellLevels()) + c.cellLevels() : c.cellLevels();
        return c.rows() * input * g;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public CrossbarConfig config() {
        return config;
    }

    @Override
    public PimCounters counters() {
        PimCounters copy = new PimCounters();
        copy.add(counters);
        return copy;
    }

    @Override
    public void resetCounters() {
        counters.reset();
    }

    Adc adc() {
        return adc;
    }

    ProgrammedWeights programmed() {
        return weights;
    }

    @Override
    public void setAdcRange(double fullScale) {
        adc.setFullScale(fullScale);
    }

    @Override
    public void mvm(float[] x, float[] y) {
        Checks.vector("x", x, rows);
        Checks.vector("y", y, cols);
        Checks.finite("x", x);
        if (config.scheme().bitSerialInputs()) {
            oneX[0] = x;
            oneY[0] = y;
            computeBitSerial(oneX, oneY, 1);
            oneX[0] = null;
            oneY[0] = null;
        } else {
            computeNative(x, y);
        }
    }

    @Override
    public void mvm(float[][] xs, float[][] ys) {
        Checks.batch(xs, ys, rows, cols);
        for (int b = 0; b < xs.length; b++) {
            Checks.finite("xs", b, xs[b]);
        }
        if (config.scheme().bitSerialInputs()) {
            computeBitSerial(xs, ys, xs.length);
        } else {
            for (int b = 0; b < xs.length; b++) {
                computeNative(xs[b], ys[b]);
            }
        }
    }

    /** Bit-serial: column sums of a chunk's non-zero planes in one table pass, then conversions in order. */
    private void computeBitSerial(float[][] xs, float[][] ys, int count) {
        int k = weights.arrays.length;
        int steps = config.inputSteps();
        for (int start = 0; start < count; start += chunk) {
            int m = Math.min(chunk, count - start);
            boolean wide = wideAllowed && m >= WIDE_MIN_VECTORS;
            int groupBits = wide ? WIDE_GROUP_BITS : GROUP_BITS;
            BinaryPlaneSums[] sums = wide ? wideSums() : planeSums;
            int jobs = 0;
            for (int b = 0; b < m; b++) {
                counters.countMvm();
                double step = encoder.encode(xs[start + b]);
                chunkInputStep[b] = step;
                if (step == 0) {
                    continue;
                }
                encoder.splitPlanes(chunkCodes, chunkActive, b * steps, groupBits);
                for (int p = 0; p < steps; p++) {
                    if (chunkActive[b * steps + p] > 0) {
                        jobIndex[jobs++] = b * steps + p;
                    }
                }
            }
            if (jobs > 0) {
                for (int a = 0; a < k; a++) {
                    sums[a].sumBatch(chunkCodes, jobIndex, jobs);
                    if (planeVariances != null) {
                        planeVariances[a].sumBatch(chunkCodes, jobIndex, jobs);
                    }
                }
            }
            int job = 0;
            for (int b = 0; b < m; b++) {
                float[] y = ys[start + b];
                if (chunkInputStep[b] == 0) {
                    java.util.Arrays.fill(y, 0f);
                    counters.countSkipped((long) steps * k * cols);
                    continue;
                }
                java.util.Arrays.fill(acc, 0f);
                for (int p = 0; p < steps; p++) {
                    int active = chunkActive[b * steps + p];
                    if (active == 0) {
                        counters.countSkipped((long) k * cols);
                        continue;
                    }
                    double planeWeight = encoder.planeWeight(p);
                    for (int a = 0; a < k; a++) {
                        float[] s = sums[a].result(job);
                        if (planeVariances != null) {
                            addReadNoise(s, planeVariances[a].result(job));
                        }
                        adc.convertAccumulate(s, planeWeight * weights.factors[a], acc);
                    }
                    counters.countStep(active, (long) k * cols);
                    job++;
                }
                scaleInto(y, chunkInputStep[b]);
            }
        }
    }

    /** Native and differential with multi-bit inputs: one analog step per vector. */
    private void computeNative(float[] x, float[] y) {
        counters.countMvm();
        int k = weights.arrays.length;
        double inputStep = encoder.encode(x);
        if (inputStep == 0) {
            java.util.Arrays.fill(y, 0f);
            counters.countSkipped((long) k * cols);
            return;
        }
        java.util.Arrays.fill(acc, 0f);
        int active = 0;
        for (int i = 0; i < rows; i++) {
            active += encoder.codes[i] != 0 ? 1 : 0;
        }
        for (int a = 0; a < k; a++) {
            DenseSums.sum(encoder.codes, weights.arrays[a], sums);
            if (weights.unitVariances != null) {
                DenseSums.sum(encoder.squares, weights.unitVariances[a], variances);
                addReadNoise(sums, variances);
            }
            adc.convertAccumulate(sums, weights.factors[a], acc);
        }
        counters.countStep(active, (long) k * cols);
        scaleInto(y, inputStep);
    }

    private void scaleInto(float[] y, double inputStep) {
        float scale = (float) (inputStep * weights.weightStep);
        for (int j = 0; j < cols; j++) {
            y[j] = acc[j] * scale;
        }
    }

    /** Column read noise, exact in distribution: one Gaussian of variance sum x_i^2 sigma_ij^2 each. */
    private void addReadNoise(float[] s, float[] v) {
        double sigma = readSigma;
        for (int j = 0; j < cols; j++) {
            s[j] = (float) (s[j] + sigma * Math.sqrt(v[j]) * readGauss.sample());
        }
    }

    @Override
    public void calibrateAdcRange(float[][] xs) {
        if (xs == null) {
            throw new IllegalArgumentException("xs must not be null");
        }
        double max = 0;
        for (int b = 0; b < xs.length; b++) {
            Checks.vector("xs[" + b + "]", xs[b], rows);
            Checks.finite("xs[" + b + "]", xs[b]);
            if (encoder.encode(xs[b]) == 0) {
                continue;
            }
            if (config.scheme().bitSerialInputs()) {
                encoder.splitPlanes();
                for (int p = 0; p < config.inputSteps(); p++) {
                    if (encoder.planeActiveRows[p] == 0) {
                        continue;
                    }
                    for (BinaryPlaneSums ps : planeSums) {
                        ps.sum(encoder.planeGroupCodes[p], sums);
                        max = Math.max(max, maxAbs(sums));
                    }
                }
            } else {
                for (float[][] m : weights.arrays) {
                    DenseSums.sum(encoder.codes, m, sums);
                    max = Math.max(max, maxAbs(sums));
                }
            }
        }
        if (max > 0) {
            adc.setFullScale(max);
        }
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }
}
