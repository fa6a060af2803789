package org.hwsim.pim.array;

/**
 * {@link BinaryPlaneSums} over float tables: any matrix (non-integer conductances, read-noise
 * variances). Tables take {@code 2^groupBits / groupBits} floats per weight; a sum costs one
 * vector add per group. Values are exact when the matrix holds integers and every partial sum
 * stays below 2^24.
 */
final class FloatPlaneSums extends BinaryPlaneSums {
    private final int cols;
    private final int groupBits;
    private final int groups;
    private final float[][] tables; // [group * 2^groupBits + code][col]
    private float[][] results = new float[0][];

    FloatPlaneSums(float[][] m, int groupBits) {
        int rows = m.length;
        this.cols = m[0].length;
        this.groupBits = groupBits;
        this.groups = (rows + groupBits - 1) / groupBits;
        this.tables = new float[groups << groupBits][];
        fillSubsetTables(tables, rows, groupBits, new float[cols], (rest, row) -> {
            float[] t = new float[cols];
            for (int j = 0; j < cols; j++) {
                t[j] = rest[j] + m[row][j];
            }
            return t;
        });
    }

    @Override
    void sum(int[] groupCodes, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        final int size = 1 << groupBits;
        final int n = groups;
        int g = 0;
        for (; g + 3 < n; g += 4) {
            float[] t0 = tables[g * size + groupCodes[g]];
            float[] t1 = tables[(g + 1) * size + groupCodes[g + 1]];
            float[] t2 = tables[(g + 2) * size + groupCodes[g + 2]];
            float[] t3 = tables[(g + 3) * size + groupCodes[g + 3]];
            for (int j = 0; j < cols; j++) {
                out[j] += (t0[j] + t1[j]) + (t2[j] + t3[j]);
            }
        }
        for (; g < n; g++) {
            int code = groupCodes[g];
            if (code != 0) {
                float[] t = tables[g * size + code];
                for (int j = 0; j < cols; j++) {
                    out[j] += t[j];
                }
            }
        }
    }

    /**
     * Columns per block in {@link #sumBatch}. Measured on JDK 17 at 256 and 1024 columns: blocks
     * of 64 to 512 were slower than whole rows up to 1024 (short inner loops cost more than the
     * cache misses they save).
     */
    static final int COLUMN_BLOCK = 1024;

    /**
     * Loops over groups outside the jobs, in column blocks, so each table is read once per call
     * while the accumulators stay in cache. The additions happen in the same order as {@link #sum}
     * for each job.
     */
    @Override
    void sumBatch(int[][] codes, int[] index, int jobs) {
        if (results.length < jobs) {
            results = new float[jobs][cols];
        }
        final float[][] out = results;
        final int size = 1 << groupBits;
        for (int c0 = 0; c0 < cols; c0 += COLUMN_BLOCK) {
            final int c1 = Math.min(cols, c0 + COLUMN_BLOCK);
            for (int n = 0; n < jobs; n++) {
                java.util.Arrays.fill(out[n], c0, c1, 0f);
            }
            int g = 0;
            for (; g + 3 < groups; g += 4) {
                for (int n = 0; n < jobs; n++) {
                    int[] cd = codes[index[n]];
                    float[] t0 = tables[g * size + cd[g]];
                    float[] t1 = tables[(g + 1) * size + cd[g + 1]];
                    float[] t2 = tables[(g + 2) * size + cd[g + 2]];
                    float[] t3 = tables[(g + 3) * size + cd[g + 3]];
                    float[] o = out[n];
                    for (int j = c0; j < c1; j++) {
                        o[j] += (t0[j] + t1[j]) + (t2[j] + t3[j]);
                    }
                }
            }
            for (; g < groups; g++) {
                for (int n = 0; n < jobs; n++) {
                    int code = codes[index[n]][g];
                    if (code != 0) {
                        float[] t = tables[g * size + code];
                        float[] o = out[n];
                        for (int j = c0; j < c1; j++) {
                            o[j] += t[j];
                        }
                    }
                }
            }
        }
    }

    @Override
    float[] result(int n) {
        return results[n];
    }
}
