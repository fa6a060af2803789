package org.hwsim.pim.array;

import java.util.Arrays;

/**
 * {@link BinaryPlaneSums} for integer matrices, two columns per 32-bit int: column {@code j} in
 * the low 16 bits and column {@code j + half} in the high 16 bits (SIMD within a register). Packed
 * values add as plain ints: a sum of packed entries is {@code hi * 2^16 + lo} for the true
 * column sums {@code lo} and {@code hi} as long as both stay within a signed 16-bit range;
 * {@code lo} is then the sign-extended low half and {@code hi = (v + 2^15) >> 16}.
 *
 * <p>Rows are cut into spans within which no column's sum can leave that range: the sum of the
 * span's positive entries is at most 32,767 and of its negative entries at least -32,768, for
 * every column, whatever rows are selected. Each span is accumulated packed, then unpacked and
 * added to the float result, which is exact (integers below 2^24). Against {@link FloatPlaneSums}
 * this reads half the table bytes and does half the adds.
 */
final class PackedPlaneSums extends BinaryPlaneSums {
    private static final int LANE_MAX = Short.MAX_VALUE;
    private static final int LANE_MIN = Short.MIN_VALUE;
    /** Float column sums stay exact below this. */
    private static final double EXACT_FLOAT_LIMIT = 1 << 24;

    private final int cols;
    private final int half;
    private final int groupBits;
    private final int groups;
    private final int[][] tables; // [group * 2^groupBits + code][j < half]
    /** Exclusive end group of each span; the last is {@code groups}. */
    private final int[] spanEnds;
    private final int[] sumAcc;
    private final float[] resultBuffer;
    private int[][][] work; // [span][job][j < half]
    private int[][] jobCodes; // [group][job]

    /**
     * Whether {@code m} can be packed: every entry an integer, one group's positive and negative
     * parts within a 16-bit lane for every column, and every column's total within exact floats.
     */
    static boolean fits(float[][] m, int groupBits) {
        return spanEnds(m, groupBits) != null;
    }

    /**
     * Greedy spans of whole groups whose positive and negative parts fit a 16-bit lane in every
     * column: the exclusive end group of each, or null when {@code m} cannot be packed.
     */
    static int[] spanEnds(float[][] m, int groupBits) {
        int rows = m.length;
        int cols = m[0].length;
        int groups = (rows + groupBits - 1) / groupBits;
        int[] ends = new int[groups];
        int count = 0;
        double[] pos = new double[cols];
        double[] neg = new double[cols];
        double[] totalPos = new double[cols];
        double[] totalNeg = new double[cols];
        double[] groupPos = new double[cols];
        double[] groupNeg = new double[cols];
        for (int g = 0; g < groups; g++) {
            Arrays.fill(groupPos, 0);
            Arrays.fill(groupNeg, 0);
            for (int i = g * groupBits; i < Math.min(rows, (g + 1) * groupBits); i++) {
                for (int j = 0; j < cols; j++) {
                    float v = m[i][j];
                    if (v != Math.rint(v)) {
                        return null;
                    }
                    if (v > 0) {
                        groupPos[j] += v;
                    } else {
                        groupNeg[j] += v;
                    }
                }
            }
            boolean fitsSpan = true;
            for (int j = 0; j < cols; j++) {
                if (groupPos[j] > LANE_MAX || groupNeg[j] < LANE_MIN) {
                    return null;
                }
                fitsSpan &= pos[j] + groupPos[j] <= LANE_MAX && neg[j] + groupNeg[j] >= LANE_MIN;
            }
            if (!fitsSpan) {
                ends[count++] = g;
                Arrays.fill(pos, 0);
                Arrays.fill(neg, 0);
            }
            for (int j = 0; j < cols; j++) {
                pos[j] += groupPos[j];
                neg[j] += groupNeg[j];
                totalPos[j] += groupPos[j];
                totalNeg[j] += groupNeg[j];
            }
        }
        for (int j = 0; j < cols; j++) {
            if (totalPos[j] >= EXACT_FLOAT_LIMIT || -totalNeg[j] >= EXACT_FLOAT_LIMIT) {
                return null;
            }
        }
        ends[count++] = groups;
        return Arrays.copyOf(ends, count);
    }

    PackedPlaneSums(float[][] m, int groupBits) {
        this(m, groupBits, requirePackable(m, groupBits));
    }

    PackedPlaneSums(float[][] m, int groupBits, int[] spanEnds) {
        int rows = m.length;
        this.cols = m[0].length;
        this.half = (cols + 1) / 2;
        this.groupBits = groupBits;
        this.groups = (rows + groupBits - 1) / groupBits;
        this.spanEnds = spanEnds;
        this.sumAcc = new int[half];
        this.resultBuffer = new float[cols];
        this.work = new int[spanEnds.length][0][];
        this.jobCodes = new int[groups][0];
        this.tables = new int[groups << groupBits][];
        int[] packedRow = new int[half];
        fillSubsetTables(tables, rows, groupBits, new int[half], (rest, row) -> {
            pack(m[row], packedRow);
            int[] t = new int[half];
            for (int j = 0; j < half; j++) {
                t[j] = rest[j] + packedRow[j];
            }
            return t;
        });
    }

    private static int[] requirePackable(float[][] m, int groupBits) {
        int[] spans = spanEnds(m, groupBits);
        if (spans == null) {
            throw new IllegalArgumentException("matrix cannot be packed into 16-bit lanes");
        }
        return spans;
    }

    /** Packs a row of integers: {@code r[j] + r[j + half] * 2^16} (ints wrap, which is the point). */
    private void pack(float[] r, int[] dst) {
        for (int j = 0; j < half; j++) {
            int hi = j + half < cols ? (int) r[j + half] : 0;
            dst[j] = (int) r[j] + (hi << 16);
        }
    }

    /** Bytes the packed tables of a {@code rows x cols} matrix take with this group size. */
    static long tableBytes(int rows, int cols, int groupBits) {
        long groups = (rows + groupBits - 1) / groupBits;
        return groups * ((1L << groupBits) - 1) * ((cols + 1) / 2) * Integer.BYTES;
    }

    /** Number of row spans accumulated packed before unpacking (tests). */
    int spanCount() {
        return spanEnds.length;
    }

    @Override
    void sum(int[] groupCodes, float[] out) {
        boolean first = true;
        int[] acc = sumAcc;
        final int size = 1 << groupBits;
        int g = 0;
        for (int end : spanEnds) {
            Arrays.fill(acc, 0);
            for (; g < end; g++) {
                int[] t = tables[g * size + groupCodes[g]];
                for (int j = 0; j < half; j++) {
                    acc[j] += t[j];
                }
            }
            unpack(acc, out, first);
            first = false;
        }
    }

    /**
     * Loops over groups outside the jobs, so a span's tables are read once per call; the packed
     * sums are kept per span and unpacked by {@link #result}.
     */
    @Override
    void sumBatch(int[][] codes, int[] index, int jobs) {
        if (work[0].length < jobs) {
            work = new int[spanEnds.length][jobs][half];
            jobCodes = new int[groups][jobs];
        }
        final int size = 1 << groupBits;
        for (int n = 0; n < jobs; n++) {
            int[] cd = codes[index[n]];
            for (int g = 0; g < groups; g++) {
                jobCodes[g][n] = cd[g];
            }
        }
        int g = 0;
        for (int s = 0; s < spanEnds.length; s++) {
            final int end = spanEnds[s];
            final int[][] acc = work[s];
            for (int n = 0; n < jobs; n++) {
                Arrays.fill(acc[n], 0);
            }
            for (; g + 3 < end; g += 4) {
                int[] c0 = jobCodes[g];
                int[] c1 = jobCodes[g + 1];
                int[] c2 = jobCodes[g + 2];
                int[] c3 = jobCodes[g + 3];
                int b0 = g * size;
                for (int n = 0; n < jobs; n++) {
                    int[] t0 = tables[b0 + c0[n]];
                    int[] t1 = tables[b0 + size + c1[n]];
                    int[] t2 = tables[b0 + 2 * size + c2[n]];
                    int[] t3 = tables[b0 + 3 * size + c3[n]];
                    int[] w = acc[n];
                    for (int j = 0; j < half; j++) {
                        w[j] += (t0[j] + t1[j]) + (t2[j] + t3[j]);
                    }
                }
            }
            for (; g < end; g++) {
                int[] c = jobCodes[g];
                for (int n = 0; n < jobs; n++) {
                    if (c[n] != 0) {
                        int[] t = tables[g * size + c[n]];
                        int[] w = acc[n];
                        for (int j = 0; j < half; j++) {
                            w[j] += t[j];
                        }
                    }
                }
            }
        }
    }

    @Override
    float[] result(int n) {
        for (int s = 0; s < spanEnds.length; s++) {
            unpack(work[s][n], resultBuffer, s == 0);
        }
        return resultBuffer;
    }

    /**
     * Writes ({@code first}) or adds the two signed 16-bit lanes of each packed sum to their
     * columns of {@code out}: {@code lo} is the sign-extended low half, and since {@code lo + 2^15}
     * lies in {@code [0, 2^16)}, {@code hi = (v + 2^15) >> 16}.
     */
    private void unpack(int[] packed, float[] out, boolean first) {
        int highCols = cols - half;
        if (first) {
            for (int j = 0; j < half; j++) {
                out[j] = (packed[j] << 16) >> 16;
            }
            for (int j = 0; j < highCols; j++) {
                out[j + half] = (packed[j] + 0x8000) >> 16;
            }
            return;
        }
        for (int j = 0; j < half; j++) {
            out[j] += (packed[j] << 16) >> 16;
        }
        for (int j = 0; j < highCols; j++) {
            out[j + half] += (packed[j] + 0x8000) >> 16;
        }
    }
}
