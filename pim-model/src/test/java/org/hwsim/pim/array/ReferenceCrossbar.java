package org.hwsim.pim.array;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.Adc;
import org.hwsim.pim.device.DeviceModel;

/**
 * The plain scalar reference of a tile, used only by tests: every step written out as the
 * package documentation states it, one device, one row, one column at a time, with no tables,
 * no buffers shared between steps and no shortcuts beyond skipping all-zero bit-planes (which the
 * hardware does too). It draws from the same named streams in the same order per stream, so the
 * fast path must match it bit for bit wherever the float sums are exact (integer conductances).
 */
final class ReferenceCrossbar {
    private final CrossbarConfig c;
    private final double[][][] gPos; // [slice][row][col]
    private final double[][][] gNeg;
    private final DeviceModel device;
    private final Adc adc;
    private final NormalizedGaussianSampler readGauss;
    private final double weightStep;
    long conversions;
    long skipped;

    ReferenceCrossbar(float[][] w, CrossbarConfig c, long seed, String path) {
        this.c = c;
        RandomStreams streams = new RandomStreams(seed);
        device = DeviceModel.create(c.device(), c.cell(), c.cellLevels(), streams.stream(path + "/program"));
        int rows = c.rows();
        int cols = c.cols();
        int slices = c.slices();
        gPos = new double[slices][rows][cols];
        gNeg = new double[slices][rows][cols];
        double wMax = 0;
        for (float[] r : w) {
            for (float v : r) {
                wMax = Math.max(wMax, Math.abs(v));
            }
        }
        wMax = wMax == 0 ? 1 : wMax;
        weightStep = wMax / c.weightLevels();
        double gMin = c.cell().gMinLevel(c.cellLevels());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double q = Math.abs(w[i][j]) / wMax * c.weightLevels();
                long qi = Math.round(q); // same as floor(q + 0.5) for q >= 0
                for (int s = 0; s < slices; s++) {
                    double digit = c.weightBits() == 0 ? q
                            : (qi / (1L << (c.bitsPerCell() * s))) % (c.cellLevels() + 1L);
                    gPos[s][i][j] = device.program(gMin + (w[i][j] > 0 ? digit : 0));
                    gNeg[s][i][j] = device.program(gMin + (w[i][j] > 0 ? 0 : digit));
                }
            }
        }
        adc = Adc.create(c.adc(), cols, c.bipolarColumns(), TileCrossbar.maxPossibleColumnSum(c),
                streams.stream(path + "/adc-variation"), streams.stream(path + "/adc-thermal"));
        readGauss = ZigguratSampler.NormalizedGaussian.of(streams.stream(path + "/read-noise"));
    }

    Adc adc() {
        return adc;
    }

    /** Input codes of x per the DacConfig contract. */
    double[] codes(float[] x, double[] inputStep) {
        double scale = 0;
        if ("fixed".equals(c.dac().rangeMode())) {
            scale = c.dac().range();
        } else {
            for (float v : x) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        int maxCode = c.dac().maxCode();
        double[] codes = new double[x.length];
        inputStep[0] = scale == 0 ? 0 : scale / maxCode;
        if (scale == 0) {
            return codes;
        }
        for (int i = 0; i < x.length; i++) {
            double v = x[i] * (maxCode / scale);
            if (!c.dac().isIdeal()) {
                v = Math.floor(v + 0.5);
            }
            double lo = c.dac().signed() ? -maxCode : 0;
            codes[i] = Math.max(lo, Math.min(maxCode, v));
        }
        return codes;
    }

    float[] mvm(float[] x) {
        int rows = c.rows();
        int cols = c.cols();
        double[] step = new double[1];
        double[] codes = codes(x, step);
        float[] acc = new float[cols];
        int arraysPerSlice = c.scheme().digitalSubtraction() ? 2 : 1;
        int steps = c.inputSteps();
        boolean anyCode = false;
        for (double v : codes) {
            anyCode |= v != 0;
        }
        if (!anyCode) {
            skipped += (long) steps * c.convertedArrays() * cols;
            return new float[cols];
        }
        for (int p = 0; p < steps; p++) {
            double[] in = new double[rows];
            double planeWeight = 1;
            if (c.scheme().bitSerialInputs()) {
                int bits = c.dac().bits();
                boolean any = false;
                for (int i = 0; i < rows; i++) {
                    long twos = ((long) codes[i]) & ((1L << bits) - 1);
                    in[i] = (twos >> p) & 1;
                    any |= in[i] != 0;
                }
                planeWeight = (c.dac().signed() && p == bits - 1) ? -Math.pow(2, p) : Math.pow(2, p);
                if (!any) {
                    skipped += (long) c.convertedArrays() * cols;
                    continue;
                }
            } else {
                in = codes;
            }
            for (int s = 0; s < c.slices(); s++) {
                for (int side = 0; side < arraysPerSlice; side++) {
                    double factor = Math.pow(2, (double) c.bitsPerCell() * s) * (side == 1 ? -1 : 1);
                    for (int j = 0; j < cols; j++) {
                        float sum = 0;
                        float var = 0;
                        for (int i = 0; i < rows; i++) {
                            float g;
                            double v;
                            if (arraysPerSlice == 2) {
                                double gd = side == 0 ? gPos[s][i][j] : gNeg[s][i][j];
                                g = (float) gd;
                                v = device.unitReadVariance(gd);
                            } else {
                                g = (float) (gPos[s][i][j] - gNeg[s][i][j]);
                                v = device.unitReadVariance(gPos[s][i][j]) + device.unitReadVariance(gNeg[s][i][j]);
                            }
                            float xi = (float) in[i];
                            sum += xi * g;
                            var += xi * xi * (float) v;
                        }
                        if (device.readNoiseSigma() > 0) {
                            sum = (float) (sum + device.readNoiseSigma() * Math.sqrt(var) * readGauss.sample());
                        }
                        acc[j] += (float) (planeWeight * factor * adc.convert(sum, j));
                        conversions++;
                    }
                }
            }
        }
        float scale = (float) (step[0] * weightStep);
        float[] y = new float[cols];
        for (int j = 0; j < cols; j++) {
            y[j] = acc[j] * scale;
        }
        return y;
    }

    /**
     * The noise-free column sums of one analog step (level units) plus read noise drawn per
     * device, for comparison in distribution with the column-level draw. Ideal DAC inputs only.
     */
    double perDeviceColumnSum(double[] in, int j, NormalizedGaussianSampler perDevice) {
        double sum = 0;
        for (int i = 0; i < c.rows(); i++) {
            double sp = device.readNoiseSigma() * Math.sqrt(device.unitReadVariance(gPos[0][i][j]));
            double sn = device.readNoiseSigma() * Math.sqrt(device.unitReadVariance(gNeg[0][i][j]));
            sum += in[i] * ((gPos[0][i][j] + sp * perDevice.sample()) - (gNeg[0][i][j] + sn * perDevice.sample()));
        }
        return sum;
    }

    double weightStep() {
        return weightStep;
    }
}
