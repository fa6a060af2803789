package org.hwsim.pim.array;

import org.apache.commons.rng.UniformRandomProvider;
import org.hwsim.core.random.RandomStreams;

/** Seeded test matrices and vectors (uniform in [-1, 1], optionally with exact zeros). */
final class TestData {
    private TestData() {
    }

    static float[][] matrix(long seed, int rows, int cols) {
        UniformRandomProvider r = new RandomStreams(seed).stream("test/matrix");
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (2 * r.nextDouble() - 1);
            }
        }
        return m;
    }

    static float[][] vectors(long seed, int n, int length, double zeroFraction) {
        UniformRandomProvider r = new RandomStreams(seed).stream("test/vectors");
        float[][] v = new float[n][length];
        for (float[] row : v) {
            for (int i = 0; i < length; i++) {
                row[i] = r.nextDouble() < zeroFraction ? 0f : (float) (2 * r.nextDouble() - 1);
            }
        }
        return v;
    }

    /** Exact x W in double. */
    static double[] exact(float[] x, float[][] w) {
        double[] y = new double[w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += (double) x[i] * w[i][j];
            }
        }
        return y;
    }

    /** sum_i |x_i| |W_ij|: the scale against which a relative error of a dot product is stated. */
    static double[] magnitude(float[] x, float[][] w) {
        double[] y = new double[w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += Math.abs((double) x[i] * w[i][j]);
            }
        }
        return y;
    }
}
