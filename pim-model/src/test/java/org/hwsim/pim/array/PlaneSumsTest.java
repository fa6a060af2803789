package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The lookup-table column sums of binary inputs against the definition: for each column, the
 * exact (long) sum of the entries of the selected rows. Both table kinds, single and batched,
 * across group sizes, odd column counts, partial last groups and packed matrices cut into
 * several 16-bit spans.
 */
class PlaneSumsTest {

    @Property(tries = 200)
    void tableSumsEqualTheExactSumsOfTheSelectedRows(
            @ForAll @IntRange(min = 1, max = 70) int rows,
            @ForAll @IntRange(min = 1, max = 33) int cols,
            @ForAll @IntRange(min = 1, max = 8) int groupBits,
            @ForAll @IntRange(min = 0, max = 9000) int maxLevel,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] m = integerMatrix(r, rows, cols, maxLevel);
        int groups = (rows + groupBits - 1) / groupBits;
        int jobs = 1 + r.nextInt(9);
        boolean[][] selected = new boolean[jobs][rows];
        int[][] codes = new int[jobs + 2][groups];
        int[] index = new int[jobs];
        for (int n = 0; n < jobs; n++) {
            index[n] = jobs + 1 - n; // jobs read their codes through the index, in another order
            for (int i = 0; i < rows; i++) {
                selected[n][i] = r.nextInt(3) > 0;
                if (selected[n][i]) {
                    codes[index[n]][i / groupBits] |= 1 << (i % groupBits);
                }
            }
        }
        BinaryPlaneSums chosen = BinaryPlaneSums.of(m, groupBits);
        BinaryPlaneSums floats = new FloatPlaneSums(m, groupBits);
        for (BinaryPlaneSums sums : new BinaryPlaneSums[] {chosen, floats}) {
            sums.sumBatch(codes, index, jobs);
            float[] single = new float[cols];
            for (int n = 0; n < jobs; n++) {
                float[] expected = exactSums(m, selected[n]);
                float[] batch = sums.result(n).clone();
                sums.sum(codes[index[n]], single);
                for (int j = 0; j < cols; j++) {
                    assertEquals(expected[j], batch[j], "batched job " + n + " column " + j);
                    assertEquals(expected[j], single[j], "single job " + n + " column " + j);
                }
            }
        }
    }

    @Test
    void integerMatricesWithinTheLanesArePacked() {
        SplittableRandom r = new SplittableRandom(3);
        assertInstanceOf(PackedPlaneSums.class, BinaryPlaneSums.of(integerMatrix(r, 256, 256, 255), 4));
        float[][] fractional = integerMatrix(r, 16, 8, 255);
        fractional[5][3] += 0.25f;
        assertFalse(PackedPlaneSums.fits(fractional, 4));
        assertInstanceOf(FloatPlaneSums.class, BinaryPlaneSums.of(fractional, 4));
        assertThrows(IllegalArgumentException.class, () -> new PackedPlaneSums(fractional, 4));
    }

    @Test
    void aGroupMustFitOneSigned16BitLane() {
        // Four rows of 8,191 sum to 32,764 (fits); 8,192 gives 32,768 (does not). Negative
        // entries may reach -32,768 per group.
        assertTrue(PackedPlaneSums.fits(constant(4, 3, 8191), 4));
        assertFalse(PackedPlaneSums.fits(constant(4, 3, 8192), 4));
        assertTrue(PackedPlaneSums.fits(constant(4, 3, -8192), 4));
        assertFalse(PackedPlaneSums.fits(constant(4, 3, -8193), 4));
    }

    @Test
    void sumsBeyondOneLaneAreSplitIntoSpansAndStayExact() {
        // 64 rows of 8,191 and -8,192 alternating by column: each group of 4 fills a lane, so
        // every group is its own span; with all rows selected the sums are +-524,224 and -524,288.
        int rows = 64;
        float[][] m = new float[rows][5];
        for (float[] row : m) {
            for (int j = 0; j < 5; j++) {
                row[j] = j % 2 == 0 ? 8191 : -8192;
            }
        }
        PackedPlaneSums packed = new PackedPlaneSums(m, 4);
        assertEquals(16, packed.spanCount());
        int[][] codes = new int[1][16];
        java.util.Arrays.fill(codes[0], 15);
        packed.sumBatch(codes, new int[] {0}, 1);
        float[] y = packed.result(0);
        for (int j = 0; j < 5; j++) {
            assertEquals(j % 2 == 0 ? 64 * 8191f : -64 * 8192f, y[j], "column " + j);
        }
        // Typical 8-bit conductance differences: one span for 256 rows of uniform signs.
        PackedPlaneSums typical = new PackedPlaneSums(integerMatrix(new SplittableRandom(4), 256, 64, 255), 4);
        assertEquals(1, typical.spanCount());
    }

    private static float[][] integerMatrix(SplittableRandom r, int rows, int cols, int maxLevel) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(2 * maxLevel + 1) - maxLevel;
            }
        }
        return m;
    }

    private static float[][] constant(int rows, int cols, float v) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            java.util.Arrays.fill(row, v);
        }
        return m;
    }

    private static float[] exactSums(float[][] m, boolean[] selected) {
        int cols = m[0].length;
        float[] out = new float[cols];
        for (int j = 0; j < cols; j++) {
            long s = 0;
            for (int i = 0; i < m.length; i++) {
                if (selected[i]) {
                    s += (long) m[i][j];
                }
            }
            out[j] = s;
        }
        return out;
    }
}
