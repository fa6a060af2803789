package org.hwsim.pim.array;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs ND4J batches through a crossbar, for layers written on ND4J (DL4J layers, SameDiff ops):
 * {@code [batch, rows]} in, {@code [batch, cols]} out, as {@code x.mmul(W)} would give. Data
 * crosses between ND4J's off-heap buffers and the crossbar's float rows in one bulk copy each way,
 * through reusable buffers sized for the largest batch seen.
 */
public final class Nd4jBatches {
    private final Crossbar crossbar;
    private float[][] xs = new float[0][];
    private float[][] ys = new float[0][];

    /** A converter for this crossbar (not thread-safe, like the crossbar). */
    public Nd4jBatches(Crossbar crossbar) {
        this.crossbar = crossbar;
    }

    /**
     * Computes {@code x W} for a {@code [batch, rows]} matrix.
     *
     * @throws IllegalArgumentException if {@code x} is not a {@code [batch, rows]} matrix or holds
     *     a non-finite value
     */
    public INDArray mvm(INDArray x) {
        if (x.rank() != 2 || x.columns() != crossbar.rows()) {
            throw new IllegalArgumentException("x must have shape [batch, " + crossbar.rows() + "]: "
                    + java.util.Arrays.toString(x.shape()));
        }
        int batch = (int) x.rows();
        if (xs.length < batch) {
            xs = new float[batch][crossbar.rows()];
            ys = new float[batch][crossbar.cols()];
        }
        INDArray xf = x.dataType() == DataType.FLOAT ? x : x.castTo(DataType.FLOAT);
        // One bulk copy out of ND4J's off-heap buffer (a row-major copy first if x is a view or
        // column-major), instead of a JNI call per element.
        INDArray rowMajor = xf.ordering() == 'c' && !xf.isView() ? xf : xf.dup('c');
        float[] flat = rowMajor.data().asFloat();
        int rows = crossbar.rows();
        for (int b = 0; b < batch; b++) {
            System.arraycopy(flat, b * rows, xs[b], 0, rows);
        }
        float[][] in = xs.length == batch ? xs : java.util.Arrays.copyOf(xs, batch);
        float[][] out = ys.length == batch ? ys : java.util.Arrays.copyOf(ys, batch);
        crossbar.mvm(in, out);
        int cols = crossbar.cols();
        float[] result = new float[batch * cols];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(out[b], 0, result, b * cols, cols);
        }
        return Nd4j.create(result, new long[] {batch, cols}, 'c');
    }
}
