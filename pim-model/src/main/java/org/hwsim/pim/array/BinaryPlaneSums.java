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
        int[] spans = PackedPlaneSums.spanEnds(m, groupBits);
        return spans != null ? new PackedPlaneSums(m, groupBits, spans) : new FloatPlaneSums(m, groupBits);
    }

    /** A table row plus one matrix row. */
    interface RowAdd<T> {
        T add(T table, int row);
    }

    /**
     * Fills {@code tables[g * 2^groupBits + code]}, for every group {@code g}, with the partial sums
     * of the group's rows selected by {@code code}: each code's table is the table of the code
     * without its highest bit plus that row. Codes naming rows past the last share a table.
     */
    static <T> void fillSubsetTables(T[] tables, int rows, int groupBits, T zero, RowAdd<T> addRow) {
        int size = 1 << groupBits;
        for (int base = 0; base < tables.length; base += size) {
            tables[base] = zero;
            for (int code = 1; code < size; code++) {
                int top = 31 - Integer.numberOfLeadingZeros(code);
                int row = base / size * groupBits + top;
                T rest = tables[base + (code & ~(1 << top))];
                tables[base + code] = row < rows ? addRow.add(rest, row) : rest;
            }
        }
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
