package org.hwsim.pim.tiling;

import org.hwsim.pim.array.CrossbarConfig;

/**
 * What a layer needs on tiles of a given configuration: tile count, ADC conversions and how much
 * of the cells it uses. Conversions count every column of every tile (padding included, as a
 * physical tile converts all its columns) on every analog step, before sparsity skips any.
 *
 * <p>Example: a 784 x 100 dense layer on 256 x 256 bit-serial tiles with 8-bit inputs and one
 * cell per weight needs 4 x 1 = 4 tiles, 4 x 256 x 8 = 8,192 conversions per input vector, and
 * uses 78,400 / 262,144 = 29.9 % of the weight positions.
 *
 * @param layerRows matrix rows (inputs, e.g. {@code C * kh * kw} for a convolution)
 * @param layerCols matrix columns (outputs)
 * @param rowBlocks tiles along the rows
 * @param colBlocks tiles along the columns
 * @param tiles {@code rowBlocks * colBlocks}
 * @param cellsPerTile physical cells per tile ({@code rows x cols x slices x 2} for the cell pairs)
 * @param adcConversionsPerMvm conversions per input vector
 * @param mvmsPerInference input vectors per inference (1 for a dense layer, output pixels for a
 *     convolution)
 * @param utilisation fraction of weight positions of the allocated tiles that hold the layer
 */
public record PimMapping(int layerRows, int layerCols, int rowBlocks, int colBlocks, int tiles,
                         long cellsPerTile, long adcConversionsPerMvm, long mvmsPerInference, double utilisation) {

    /** Validates the counts. */
    public PimMapping {
        if (layerRows < 1 || layerCols < 1) {
            throw new IllegalArgumentException("layer shape must be at least 1 x 1: " + layerRows + " x " + layerCols);
        }
        if (mvmsPerInference < 1) {
            throw new IllegalArgumentException("mvmsPerInference must be >= 1: " + mvmsPerInference);
        }
    }

    /** A matrix of {@code layerRows x layerCols} used {@code mvmsPerInference} times per inference. */
    public static PimMapping matrix(int layerRows, int layerCols, long mvmsPerInference, CrossbarConfig tile) {
        if (layerRows < 1 || layerCols < 1) {
            throw new IllegalArgumentException("layer shape must be at least 1 x 1: " + layerRows + " x " + layerCols);
        }
        int rb = (layerRows + tile.rows() - 1) / tile.rows();
        int cb = (layerCols + tile.cols() - 1) / tile.cols();
        int tiles = rb * cb;
        long cells = (long) tile.rows() * tile.cols() * tile.slices() * 2;
        long conversions = (long) tiles * tile.cols() * tile.inputSteps() * tile.convertedArrays();
        double util = (double) layerRows * layerCols / ((double) tiles * tile.rows() * tile.cols());
        return new PimMapping(layerRows, layerCols, rb, cb, tiles, cells, conversions, mvmsPerInference, util);
    }

    /** A dense layer: {@code inFeatures x outFeatures}, one vector per inference. */
    public static PimMapping dense(int inFeatures, int outFeatures, CrossbarConfig tile) {
        return matrix(inFeatures, outFeatures, 1, tile);
    }

    /** A convolution by im2col: rows {@code C * kh * kw}, one vector per output pixel. */
    public static PimMapping conv(Im2col.Shape shape, int outChannels, CrossbarConfig tile) {
        return matrix(shape.patchLength(), outChannels, (long) shape.outHeight() * shape.outWidth(), tile);
    }

    /** ADC conversions per inference. */
    public long adcConversionsPerInference() {
        return adcConversionsPerMvm * mvmsPerInference;
    }
}
