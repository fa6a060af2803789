package org.hwsim.pim.array;

import org.hwsim.pim.convert.DacConfig;

/**
 * The DAC: turns an input vector into codes (see {@link DacConfig}) and, for bit-serial schemes,
 * into per-plane row-group codes. Buffers are sized once; encoding allocates nothing.
 */
final class InputEncoder {
    private final DacConfig dac;
    private final int rows;
    private final int maxCode;
    private final int groupBits;
    private final int groups;
    /** Codes of the last vector (integers, or normalised values for an ideal DAC). */
    final float[] codes;
    /** Squared codes of the last vector. */
    final float[] squares;
    /** Row-group codes per bit-plane of the last vector [plane][group]. */
    final int[][] planeGroupCodes;
    /** Rows with a set bit per plane of the last vector. */
    final int[] planeActiveRows;
    private final int[] intCodes;

    InputEncoder(DacConfig dac, int rows, int groupBits) {
        this.dac = dac;
        this.rows = rows;
        this.maxCode = dac.maxCode();
        this.groupBits = groupBits;
        this.groups = (rows + groupBits - 1) / groupBits;
        this.codes = new float[rows];
        this.squares = new float[rows];
        this.intCodes = new int[rows];
        int planes = Math.max(1, dac.bits());
        this.planeGroupCodes = new int[planes][groups];
        this.planeActiveRows = new int[planes];
    }

    /**
     * Encodes {@code x}; returns the input step (input units per code), or 0 if the vector
     * quantizes to all zeros.
     */
    double encode(float[] x) {
        double scale = 0;
        if (DacConfig.FIXED.equals(dac.rangeMode())) {
            scale = dac.range();
        } else {
            for (int i = 0; i < rows; i++) {
                double a = Math.abs(x[i]);
                scale = a > scale ? a : scale;
            }
        }
        if (scale == 0) {
            return 0;
        }
        double lo = dac.signed() ? -maxCode : 0;
        double perUnit = maxCode / scale;
        boolean any = false;
        for (int i = 0; i < rows; i++) {
            double v = x[i] * perUnit;
            if (!dac.isIdeal()) {
                v = Math.floor(v + 0.5);
            }
            v = v < lo ? lo : v;
            v = v > maxCode ? maxCode : v;
            float f = (float) v;
            codes[i] = f;
            squares[i] = f * f;
            intCodes[i] = (int) v;
            any |= f != 0;
        }
        return any ? scale / maxCode : 0;
    }

    /**
     * Splits the last codes into bit-planes of row-group codes (two's complement for signed):
     * {@code dst[offset + p][g]} gets plane {@code p} of group {@code g}, {@code active[offset + p]}
     * the number of rows whose bit {@code p} is set. Branch-free over the bits.
     */
    void splitPlanes(int[][] dst, int[] active, int offset) {
        splitPlanes(dst, active, offset, groupBits);
    }

    /**
     * As {@link #splitPlanes(int[][], int[], int)} with groups of {@code groupBits} rows (at most
     * 8); {@code dst} rows need {@code ceil(rows / groupBits)} entries.
     */
    void splitPlanes(int[][] dst, int[] active, int offset, int groupBits) {
        int groups = (rows + groupBits - 1) / groupBits;
        int planes = planeGroupCodes.length;
        int mask = (1 << planes) - 1;
        for (int p = 0; p < planes; p++) {
            active[offset + p] = 0;
        }
        // spread(c) puts bit p of c at bit 8p. Or-ing spread(c_r) << r over a group's rows leaves
        // plane p's group code in byte p (groupBits <= 8); adding spread(c_r) counts in byte p the
        // rows with bit p set (flushed before a byte could pass 255). Planes 8-15 use second words.
        long countLow = 0;
        long countHigh = 0;
        int counted = 0;
        for (int g = 0; g < groups; g++) {
            if (counted + groupBits > 255) {
                addCounts(active, offset, planes, countLow, countHigh);
                countLow = 0;
                countHigh = 0;
                counted = 0;
            }
            long low = 0;
            long high = 0;
            int base = g * groupBits;
            int n = Math.min(groupBits, rows - base);
            if (planes <= 8) {
                for (int r = 0; r < n; r++) {
                    long sl = SPREAD[intCodes[base + r] & mask];
                    low |= sl << r;
                    countLow += sl;
                }
                for (int p = 0; p < planes; p++) {
                    dst[offset + p][g] = (int) (low >>> (8 * p)) & 0xff;
                }
            } else {
                for (int r = 0; r < n; r++) {
                    int c = intCodes[base + r] & mask;
                    long sl = SPREAD[c & 0xff];
                    long sh = SPREAD[c >>> 8];
                    low |= sl << r;
                    high |= sh << r;
                    countLow += sl;
                    countHigh += sh;
                }
                for (int p = 0; p < planes; p++) {
                    dst[offset + p][g] = (int) ((p < 8 ? low : high) >>> (8 * (p & 7))) & 0xff;
                }
            }
            counted += n;
        }
        addCounts(active, offset, planes, countLow, countHigh);
    }

    private static void addCounts(int[] active, int offset, int planes, long countLow, long countHigh) {
        for (int p = 0; p < planes; p++) {
            active[offset + p] += (int) ((p < 8 ? countLow : countHigh) >>> (8 * (p & 7))) & 0xff;
        }
    }

    /** SPREAD[c] has bit p of c at bit 8p, for 8-bit c. */
    private static final long[] SPREAD = new long[256];

    static {
        for (int c = 0; c < 256; c++) {
            long v = 0;
            for (int p = 0; p < 8; p++) {
                v |= (long) ((c >>> p) & 1) << (8 * p);
            }
            SPREAD[c] = v;
        }
    }

    /** Splits the last codes into {@link #planeGroupCodes} and {@link #planeActiveRows}. */
    void splitPlanes() {
        splitPlanes(planeGroupCodes, planeActiveRows, 0);
    }

    /** Row groups per plane. */
    int groups() {
        return groups;
    }

    /** The digital weight of bit-plane {@code p}: {@code 2^p}, or {@code -2^p} for a signed sign plane. */
    double planeWeight(int p) {
        double w = Math.pow(2, p);
        return dac.signed() && p == planeGroupCodes.length - 1 ? -w : w;
    }
}
