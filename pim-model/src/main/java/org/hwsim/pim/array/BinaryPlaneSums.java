package org.hwsim.pim.array;

/**
 * Column sums of a matrix for binary inputs (bit-planes): the sum of the selected rows, from
 * per-group tables of the partial sums of every subset of {@code groupBits} consecutive rows
 * (the lookup-table formulation of low-bit GEMM kernels). A group's code has bit {@code r} set
 * when row {@code groupBits * g + r} is selected; a sum costs one table-row add per group.
 *
 * <p>{@link #of} picks {@link PackedPlaneSums} (two 16-bit integer columns per int, half the
 * table bytes and half the adds) when the matrix holds integers whose partial sums fit, and
 * {@link FloatPlaneSums} otherwise. Both give the exact column sums for integer matrices.
 */
abstract class BinaryPlaneSums {
    /** Tables for {@code m} ({@code rows x cols}), packed when {@link PackedPlaneSums#fits} allows. */
    static BinaryPlaneSums of(float[][] m, int groupBits) {
        return PackedPlaneSums.fits(m, groupBits)
                ? new PackedPlaneSums(m, groupBits) : new FloatPlaneSums(m, groupBits);
    }

    /** Sets {@code out[j]} to the column sums of the rows selected by {@code groupCodes}. */
    abstract void sum(int[] groupCodes, float[] out);

    /**
     * Column sums for many binary inputs at once: job {@code n < jobs} sums the rows selected by
     * {@code codes[index[n]]}; read each with {@link #result} before the next call.
     */
    abstract void sumBatch(int[][] codes, int[] index, int jobs);

    /**
     * The column sums of job {@code n} of the last {@link #sumBatch}. The array belongs to this
     * object (callers may change it in place) and is valid until the next {@code result} or
     * {@code sumBatch} call.
     */
    abstract float[] result(int n);
}
