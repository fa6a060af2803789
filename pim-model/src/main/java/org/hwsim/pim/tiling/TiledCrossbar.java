package org.hwsim.pim.tiling;

import java.util.Arrays;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.array.PimCounters;

/**
 * A matrix on a grid of full-size tiles; edge tiles are padded with zero weights and zero inputs,
 * as unused rows and columns of a physical tile are. Row blocks' outputs add digitally.
 */
final class TiledCrossbar implements Crossbar {
    private final CrossbarConfig tileConfig;
    private final int rows;
    private final int cols;
    private final int tileRows;
    private final int tileCols;
    private final Crossbar[][] tiles; // [row block][col block]
    private final float[] xTile;
    private final float[] yTile;
    /** Per-tile slices of up to {@link #CHUNK} vectors, allocated on the first batched call. */
    private float[][] xChunk;
    private float[][] yChunk;

    /** Vectors handed to each tile per batched call, so bit-serial tiles reuse their tables. */
    static final int CHUNK = 64;

    TiledCrossbar(float[][] w, CrossbarConfig tileConfig, RandomStreams streams, String path) {
        if (w == null || w.length == 0 || w[0] == null || w[0].length == 0) {
            throw new IllegalArgumentException("weights must be a non-empty matrix");
        }
        this.tileConfig = tileConfig;
        this.rows = w.length;
        this.cols = w[0].length;
        this.tileRows = tileConfig.rows();
        this.tileCols = tileConfig.cols();
        int rb = (rows + tileRows - 1) / tileRows;
        int cb = (cols + tileCols - 1) / tileCols;
        tiles = new Crossbar[rb][cb];
        for (int r = 0; r < rb; r++) {
            for (int c = 0; c < cb; c++) {
                float[][] block = new float[tileRows][tileCols];
                for (int i = 0; i < tileRows && r * tileRows + i < rows; i++) {
                    float[] src = w[r * tileRows + i];
                    if (src == null || src.length != cols) {
                        throw new IllegalArgumentException("weights[" + (r * tileRows + i) + "].length must be "
                                + cols + ": " + (src == null ? "null" : src.length));
                    }
                    int n = Math.min(tileCols, cols - c * tileCols);
                    System.arraycopy(src, c * tileCols, block[i], 0, n);
                }
                tiles[r][c] = Crossbar.tile(block, tileConfig, streams, path + "/tile-" + r + "-" + c);
            }
        }
        xTile = new float[tileRows];
        yTile = new float[tileCols];
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public CrossbarConfig config() {
        return tileConfig;
    }

    @Override
    public void mvm(float[] x, float[] y) {
        check("x", x, rows);
        check("y", y, cols);
        for (int i = 0; i < rows; i++) {
            if (!Float.isFinite(x[i])) {
                throw new IllegalArgumentException("x[" + i + "] must be finite: " + x[i]);
            }
        }
        Arrays.fill(y, 0f);
        for (int r = 0; r < tiles.length; r++) {
            int n = Math.min(tileRows, rows - r * tileRows);
            System.arraycopy(x, r * tileRows, xTile, 0, n);
            Arrays.fill(xTile, n, tileRows, 0f);
            for (int c = 0; c < tiles[r].length; c++) {
                tiles[r][c].mvm(xTile, yTile);
                int base = c * tileCols;
                int m = Math.min(tileCols, cols - base);
                for (int j = 0; j < m; j++) {
                    y[base + j] += yTile[j];
                }
            }
        }
    }

    /**
     * Every tile gets the batch's slices a chunk at a time (one batched call per tile and chunk);
     * each tile draws its noise from its own streams in vector order, so the result equals
     * {@link #mvm(float[], float[])} vector by vector.
     */
    @Override
    public void mvm(float[][] xs, float[][] ys) {
        if (xs == null || ys == null || ys.length < xs.length) {
            throw new IllegalArgumentException("ys.length must be >= xs.length: "
                    + (ys == null ? "null" : ys.length));
        }
        for (int b = 0; b < xs.length; b++) {
            if (xs[b] == null || xs[b].length != rows) {
                check("xs[" + b + "]", xs[b], rows);
            }
            if (ys[b] == null || ys[b].length != cols) {
                check("ys[" + b + "]", ys[b], cols);
            }
            float[] x = xs[b];
            for (int i = 0; i < rows; i++) {
                if (!Float.isFinite(x[i])) {
                    throw new IllegalArgumentException("xs[" + b + "][" + i + "] must be finite: " + x[i]);
                }
            }
        }
        if (xChunk == null && xs.length > 0) {
            xChunk = new float[CHUNK][tileRows];
            yChunk = new float[CHUNK][tileCols];
        }
        for (int start = 0; start < xs.length; start += CHUNK) {
            int m = Math.min(CHUNK, xs.length - start);
            float[][] xv = m == CHUNK ? xChunk : Arrays.copyOf(xChunk, m);
            for (int b = 0; b < m; b++) {
                Arrays.fill(ys[start + b], 0f);
            }
            for (int r = 0; r < tiles.length; r++) {
                int n = Math.min(tileRows, rows - r * tileRows);
                for (int b = 0; b < m; b++) {
                    System.arraycopy(xs[start + b], r * tileRows, xChunk[b], 0, n);
                    Arrays.fill(xChunk[b], n, tileRows, 0f);
                }
                for (int c = 0; c < tiles[r].length; c++) {
                    tiles[r][c].mvm(xv, yChunk);
                    int base = c * tileCols;
                    int cw = Math.min(tileCols, cols - base);
                    for (int b = 0; b < m; b++) {
                        float[] y = ys[start + b];
                        float[] yt = yChunk[b];
                        for (int j = 0; j < cw; j++) {
                            y[base + j] += yt[j];
                        }
                    }
                }
            }
        }
    }

    private static void check(String name, float[] v, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + ".length must be " + n + ": " + (v == null ? "null" : v.length));
        }
    }

    @Override
    public void calibrateAdcRange(float[][] xs) {
        for (int r = 0; r < tiles.length; r++) {
            float[][] part = new float[xs.length][tileRows];
            for (int b = 0; b < xs.length; b++) {
                check("xs[" + b + "]", xs[b], rows);
                System.arraycopy(xs[b], r * tileRows, part[b], 0, Math.min(tileRows, rows - r * tileRows));
            }
            for (Crossbar t : tiles[r]) {
                t.calibrateAdcRange(part);
            }
        }
    }

    @Override
    public void setAdcRange(double fullScale) {
        for (Crossbar[] row : tiles) {
            for (Crossbar t : row) {
                t.setAdcRange(fullScale);
            }
        }
    }

    @Override
    public PimCounters counters() {
        PimCounters sum = new PimCounters();
        for (Crossbar[] row : tiles) {
            for (Crossbar t : row) {
                sum.add(t.counters());
            }
        }
        return sum;
    }

    @Override
    public void resetCounters() {
        for (Crossbar[] row : tiles) {
            for (Crossbar t : row) {
                t.resetCounters();
            }
        }
    }
}
