package org.hwsim.pim.array;

/** Column sums {@code out[j] = sum_i x[i] m[i][j]} for multi-bit inputs, skipping zero inputs. */
final class DenseSums {
    private DenseSums() {
    }

    static void sum(float[] x, float[][] m, float[] out) {
        int cols = out.length;
        java.util.Arrays.fill(out, 0f);
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi == 0) {
                continue;
            }
            float[] r = m[i];
            for (int j = 0; j < cols; j++) {
                out[j] += xi * r[j];
            }
        }
    }
}
