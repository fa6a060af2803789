package org.hwsim.pim.array;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.Adc;
import org.hwsim.pim.device.DeviceModel;

/** One tile; the arithmetic is described in the package documentation. */
final class TileCrossbar implements Crossbar {
    /** Above this many bytes of tables per array, rows are grouped by 4 instead of 8. */
    static final long LUT8_BUDGET_BYTES = 64L << 20;

    private final CrossbarConfig config;
    private final int rows;
    private final int cols;
    private final ProgrammedWeights weights;
    private final BinaryPlaneSums[] planeSums;
    private final BinaryPlaneSums[] planeVariances;
    private final Adc adc;
    private final InputEncoder encoder;
    private final NormalizedGaussianSampler readGauss;
    private final double readSigma;
    private final PimCounters counters = new PimCounters();
    private final float[] sums;
    private final float[] variances;
    private final float[] acc;

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
        int groupBits = BinaryPlaneSums.tableBytes(rows, cols, 8) <= LUT8_BUDGET_BYTES ? 8 : 4;
        if (config.scheme().bitSerialInputs()) {
            planeSums = new BinaryPlaneSums[k];
            planeVariances = readSigma > 0 ? new BinaryPlaneSums[k] : null;
            for (int a = 0; a < k; a++) {
                planeSums[a] = new BinaryPlaneSums(weights.arrays[a], groupBits);
                if (planeVariances != null) {
                    planeVariances[a] = new BinaryPlaneSums(weights.unitVariances[a], groupBits);
                }
            }
        } else {
            planeSums = null;
            planeVariances = null;
        }
        this.adc = Adc.create(config.adc(), cols, config.bipolarColumns(), maxPossibleColumnSum(config),
                streams.stream(path + "/adc-variation"), streams.stream(path + "/adc-thermal"));
        this.encoder = new InputEncoder(config.dac(), rows, groupBits);
        this.sums = new float[cols];
        this.variances = new float[cols];
        this.acc = new float[cols];
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
        compute(x, y);
    }

    @Override
    public void mvm(float[][] xs, float[][] ys) {
        Checks.batch(xs, ys, rows, cols);
        for (int b = 0; b < xs.length; b++) {
            Checks.finite("xs[" + b + "]", xs[b]);
        }
        for (int b = 0; b < xs.length; b++) {
            compute(xs[b], ys[b]);
        }
    }

    private void compute(float[] x, float[] y) {
        counters.countMvm();
        int k = weights.arrays.length;
        int steps = config.inputSteps();
        double inputStep = encoder.encode(x);
        if (inputStep == 0) {
            java.util.Arrays.fill(y, 0f);
            counters.countSkipped((long) steps * k * cols);
            return;
        }
        java.util.Arrays.fill(acc, 0f);
        if (config.scheme().bitSerialInputs()) {
            encoder.splitPlanes();
            for (int p = 0; p < steps; p++) {
                int active = encoder.planeActiveRows[p];
                if (active == 0) {
                    counters.countSkipped((long) k * cols);
                    continue;
                }
                double planeWeight = encoder.planeWeight(p);
                int[] codes = encoder.planeGroupCodes[p];
                for (int a = 0; a < k; a++) {
                    planeSums[a].sum(codes, sums);
                    if (planeVariances != null) {
                        planeVariances[a].sum(codes, variances);
                        addReadNoise();
                    }
                    adc.convertAccumulate(sums, planeWeight * weights.factors[a], acc);
                }
                counters.countStep(active, (long) k * cols);
            }
        } else {
            int active = 0;
            for (int i = 0; i < rows; i++) {
                active += encoder.codes[i] != 0 ? 1 : 0;
            }
            for (int a = 0; a < k; a++) {
                DenseSums.sum(encoder.codes, weights.arrays[a], sums);
                if (weights.unitVariances != null) {
                    DenseSums.sum(encoder.squares, weights.unitVariances[a], variances);
                    addReadNoise();
                }
                adc.convertAccumulate(sums, weights.factors[a], acc);
            }
            counters.countStep(active, (long) k * cols);
        }
        float scale = (float) (inputStep * weights.weightStep);
        for (int j = 0; j < cols; j++) {
            y[j] = acc[j] * scale;
        }
    }

    /** Column read noise, exact in distribution: one Gaussian of variance sum x_i^2 sigma_ij^2 each. */
    private void addReadNoise() {
        double s = readSigma;
        for (int j = 0; j < cols; j++) {
            sums[j] = (float) (sums[j] + s * Math.sqrt(variances[j]) * readGauss.sample());
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
