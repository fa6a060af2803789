package org.hwsim.pim.array;

import org.hwsim.pim.device.DeviceModel;

/**
 * The conductances a tile holds after programming, as the column arrays the ADC converts
 * separately: one per slice with analog subtraction (positive minus negative cell), two per slice
 * with digital subtraction. Each array has a digital factor {@code +-2^(bitsPerCell * slice)}.
 */
final class ProgrammedWeights {
    /** Conductance arrays [k][row][col] in level units (pair differences with analog subtraction). */
    final float[][][] arrays;
    /** Read-noise variance per array, divided by readNoise^2 [k][row][col]; null without read noise. */
    final float[][][] unitVariances;
    /** Digital factor per array. */
    final double[] factors;
    /** Weight step: max |W| over the weight levels. */
    final double weightStep;

    ProgrammedWeights(float[][] w, CrossbarConfig c, DeviceModel device) {
        int rows = c.rows();
        int cols = c.cols();
        int slices = c.slices();
        boolean digital = c.scheme().digitalSubtraction();
        int k = c.convertedArrays();
        arrays = new float[k][rows][cols];
        boolean noisy = device.readNoiseSigma() > 0;
        unitVariances = noisy ? new float[k][rows][cols] : null;
        factors = new double[k];
        for (int s = 0; s < slices; s++) {
            double f = Math.pow(2, (double) c.bitsPerCell() * s);
            if (digital) {
                factors[2 * s] = f;
                factors[2 * s + 1] = -f;
            } else {
                factors[s] = f;
            }
        }
        double wMax = 0;
        for (float[] row : w) {
            for (float v : row) {
                wMax = Math.max(wMax, Math.abs(v));
            }
        }
        if (wMax == 0) {
            wMax = 1;
        }
        int levels = c.weightLevels();
        weightStep = wMax / levels;
        double gMin = c.cell().gMinLevel(c.cellLevels());
        int digitMask = c.cellLevels();
        int bitsPerCell = c.bitsPerCell();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double q = Math.abs(w[i][j]) / wMax * levels;
                long qi = c.weightBits() == 0 ? 0 : (long) Math.floor(q + 0.5);
                boolean positive = w[i][j] > 0;
                for (int s = 0; s < slices; s++) {
                    double digit = c.weightBits() == 0 ? q : (qi >> (bitsPerCell * s)) & digitMask;
                    double gPos = device.program(gMin + (positive ? digit : 0));
                    double gNeg = device.program(gMin + (positive ? 0 : digit));
                    if (digital) {
                        arrays[2 * s][i][j] = (float) gPos;
                        arrays[2 * s + 1][i][j] = (float) gNeg;
                        if (noisy) {
                            unitVariances[2 * s][i][j] = (float) device.unitReadVariance(gPos);
                            unitVariances[2 * s + 1][i][j] = (float) device.unitReadVariance(gNeg);
                        }
                    } else {
                        arrays[s][i][j] = (float) (gPos - gNeg);
                        if (noisy) {
                            unitVariances[s][i][j] =
                                    (float) (device.unitReadVariance(gPos) + device.unitReadVariance(gNeg));
                        }
                    }
                }
            }
        }
    }
}
