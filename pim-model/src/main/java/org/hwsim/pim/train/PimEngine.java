package org.hwsim.pim.train;

import java.util.Arrays;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.tiling.Tiling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PIM product {@code x W} of one layer: programs the weights onto crossbar tiles, calibrates
 * the ADC range and runs the batch through the crossbar model.
 *
 * <p>In training the current weights are programmed every step (as a chip would be reprogrammed,
 * drawing new programming variation) and the ADC range is calibrated on the batch. At inference
 * the crossbar is programmed once per weight matrix ("deployment"): the first batch seen after
 * the weights change calibrates the ADC range and the rescaling factor, and later batches reuse
 * both, as a programmed chip would.
 */
final class PimEngine {
    private final PimSettings settings;
    private final RandomStreams streams;
    private final String path;
    private Crossbar deployed;
    private float[][] deployedWeights;
    private double deployedEta = 1;
    private double lastEta = 1;
    private long programs;

    PimEngine(PimSettings settings, String path) {
        this.settings = settings;
        this.streams = new RandomStreams(settings.seed());
        this.path = path;
    }

    PimSettings settings() {
        return settings;
    }

    /** The rescaling factor of the last forward pass (1 without rescaling). */
    double lastEta() {
        return lastEta;
    }

    /** Crossbar programmings so far (one per training step, one per deployment). */
    long programs() {
        return programs;
    }

    /** Forgets the deployed crossbar; the next inference batch programs and calibrates again. */
    void redeploy() {
        deployed = null;
        deployedWeights = null;
    }

    /**
     * {@code [n, in] x [in, out] -> [n, out]} through the crossbar model.
     *
     * @param x inputs, float, finite
     * @param w weights {@code [in, out]}
     * @param training program and calibrate on this batch (true), or use the deployed crossbar
     */
    INDArray forward(INDArray x, INDArray w, boolean training) {
        float[][] xs = toRows(x);
        float[][] ws = toRows(w);
        Crossbar crossbar;
        boolean fresh;
        if (training) {
            crossbar = program(ws);
            fresh = true;
        } else if (deployed == null || !Arrays.deepEquals(ws, deployedWeights)) {
            deployed = program(ws);
            deployedWeights = ws;
            crossbar = deployed;
            fresh = true;
        } else {
            crossbar = deployed;
            fresh = false;
        }
        if (fresh && settings.tile().adc().rangeMode() == AdcRangeMode.CALIBRATED && !settings.tile().adc().isIdeal()) {
            crossbar.calibrateAdcRange(xs);
        }
        float[][] ys = new float[xs.length][ws[0].length];
        crossbar.mvm(xs, ys);
        int cols = ws[0].length;
        float[] flat = new float[ys.length * cols];
        for (int b = 0; b < ys.length; b++) {
            System.arraycopy(ys[b], 0, flat, b * cols, cols);
        }
        INDArray y = Nd4j.create(flat, new long[] {ys.length, cols}, 'c');
        double eta = 1;
        if (settings.rescale()) {
            if (fresh) {
                INDArray ideal = x.castTo(DataType.FLOAT).mmul(w.castTo(DataType.FLOAT));
                double pimNorm = y.norm2Number().doubleValue();
                double idealNorm = ideal.norm2Number().doubleValue();
                eta = pimNorm > 0 && idealNorm > 0 ? idealNorm / pimNorm : 1;
                if (!training) {
                    deployedEta = eta;
                }
            } else {
                eta = deployedEta;
            }
            if (eta != 1) {
                y.muli(eta);
            }
        }
        lastEta = eta;
        return y;
    }

    private Crossbar program(float[][] ws) {
        programs++;
        CrossbarConfig tile = settings.tile();
        CrossbarConfig fit = tile.withSize(Math.min(tile.rows(), ws.length), Math.min(tile.cols(), ws[0].length));
        // A matrix that fits one tile goes on it directly, sized to the matrix, saving the tiled
        // wrapper's slice copies; larger ones are tiled (both run batches through each tile).
        return fit.rows() == ws.length && fit.cols() == ws[0].length
                ? Crossbar.tile(ws, fit, streams, path + "/tile-0-0")
                : Tiling.program(ws, fit, streams, path);
    }

    /** Rows of a {@code [n, m]} matrix as floats, by one bulk copy. */
    static float[][] toRows(INDArray x) {
        INDArray f = x.dataType() == DataType.FLOAT ? x : x.castTo(DataType.FLOAT);
        INDArray c = f.ordering() == 'c' && !f.isView() ? f : f.dup('c');
        int n = (int) c.rows();
        int m = (int) c.columns();
        float[] flat = c.data().asFloat();
        float[][] rows = new float[n][m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * m, rows[i], 0, m);
        }
        return rows;
    }
}
