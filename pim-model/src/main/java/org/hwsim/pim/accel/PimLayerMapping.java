package org.hwsim.pim.accel;

import java.util.ArrayList;
import java.util.List;
import org.hwsim.core.workload.LayerOp;
import org.hwsim.core.workload.LayerProfile;
import org.hwsim.core.workload.NetworkProfile;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.TensorShape;

/**
 * How one weight layer of a network sits on a chip's tiles (weight stationary: each layer's
 * weights on tiles of its own).
 *
 * <p>A layer is {@code groups} matrices of {@code groupRows x groupCols}, each used once per input
 * vector: a linear layer is one {@code in x out} matrix used once; a convolution is mapped by
 * im2col, one matrix of {@code (Cin / groups) * kernelVolume x Cout / groups} per group used once
 * per output pixel. A group matrix larger than a tile is split into {@code rowBlocks x colBlocks}
 * tiles with digital accumulation of the row blocks' partial sums. Group matrices that fit a tile
 * several times (depthwise convolutions) are packed block-diagonally, {@code groupsPerTile} to a
 * tile. Example: ResNet-18's {@code layer4.0.conv2} (512 -> 512, 3 x 3, on 7 x 7) on 128 x 128
 * tiles is one 4,608 x 512 matrix: 36 x 4 = 144 tiles, 49 vectors.
 *
 * @param name the layer's name
 * @param typeId its op type id
 * @param groups independent group matrices
 * @param groupRows rows (inputs) of one group matrix
 * @param groupCols columns (outputs) of one group matrix
 * @param vectors input vectors per inference
 * @param rowBlocks tiles along a group matrix's rows
 * @param colBlocks tiles along a group matrix's columns
 * @param groupsPerTile group matrices packed on one tile (1 unless a group fits a tile several times)
 * @param tiles tiles the layer occupies
 * @param macs the layer's dense multiply-accumulates per inference (from the network profile), or
 *     this part's share of them
 * @param part 1-based index of this part when a layer larger than the chip is split (see {@link
 *     #splitToFit(int, PimAcceleratorConfig)}), 1 otherwise
 * @param parts parts the layer was split into, 1 if it was not
 */
public record PimLayerMapping(String name, String typeId, int groups, int groupRows, int groupCols, long vectors,
                              int rowBlocks, int colBlocks, int groupsPerTile, int tiles, long macs, int part,
                              int parts) {

    /** Validates the counts. */
    public PimLayerMapping {
        if (groups < 1 || groupRows < 1 || groupCols < 1 || vectors < 1 || rowBlocks < 1 || colBlocks < 1
                || groupsPerTile < 1 || tiles < 1) {
            throw new IllegalArgumentException("layer " + name + ": mapping counts must be >= 1");
        }
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("layer " + name + ": part must be in [1, parts = " + parts + "]: " + part);
        }
    }

    /**
     * The weight layers of {@code network} mapped onto tiles of {@code config}, in network order.
     * Layers without weights (pooling, batch norm, activations, additions) are not mapped: they
     * run in the digital periphery and are not charged.
     */
    public static List<PimLayerMapping> of(NetworkSpec network, PimAcceleratorConfig config) {
        NetworkProfile profile = network.profile();
        List<PimLayerMapping> out = new ArrayList<>();
        for (LayerProfile lp : profile.layers()) {
            LayerOp op = lp.layer().op();
            if (!op.hasWeights()) {
                continue;
            }
            TensorShape in = lp.inputShapes().get(0);
            TensorShape o = lp.outputShape();
            int groups;
            int rows;
            int cols;
            long vectors;
            if (op instanceof LayerOp.Linear l) {
                groups = 1;
                rows = l.inFeatures();
                cols = l.outFeatures();
                vectors = o.spatialVolume();
            } else if (op instanceof LayerOp.Conv2d c) {
                groups = c.groups();
                rows = Math.toIntExact(in.channels() / groups * c.window().kernelVolume());
                cols = c.outChannels() / groups;
                vectors = o.spatialVolume();
            } else if (op instanceof LayerOp.Conv3d c) {
                groups = c.groups();
                rows = Math.toIntExact(in.channels() / groups * c.window().kernelVolume());
                cols = c.outChannels() / groups;
                vectors = o.spatialVolume();
            } else if (op instanceof LayerOp.DepthwiseConv2d d) {
                groups = in.channels();
                rows = Math.toIntExact(d.window().kernelVolume());
                cols = d.depthMultiplier();
                vectors = o.spatialVolume();
            } else {
                throw new IllegalArgumentException("layer '" + lp.name() + "': op " + op.typeId()
                        + " has weights but no PIM mapping");
            }
            out.add(map(lp.name(), op.typeId(), groups, rows, cols, vectors, lp.macs(), config));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("network '" + network.name()
                    + "' has no layer with weights (conv2d, depthwise_conv2d, conv3d, linear) to map");
        }
        return out;
    }

    static PimLayerMapping map(String name, String typeId, int groups, int rows, int cols, long vectors, long macs,
                               PimAcceleratorConfig config) {
        int r = config.tile().rows();
        int c = config.tile().cols();
        int rb = (rows + r - 1) / r;
        int cb = (cols + c - 1) / c;
        int perTile = rb == 1 && cb == 1 ? Math.max(1, Math.min(r / rows, c / cols)) : 1;
        perTile = Math.min(perTile, groups);
        long blocks = (groups + perTile - 1) / perTile;
        long tiles = blocks * rb * cb;
        if (tiles > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer '" + name + "' needs too many tiles: " + tiles);
        }
        return new PimLayerMapping(name, typeId, groups, rows, cols, vectors, rb, cb, perTile, (int) tiles, macs, 1, 1);
    }

    /**
     * This layer as parts of at most {@code maxTiles} tiles each, for time-multiplexing a chip that
     * cannot hold it: by whole groups when a group's tiles fit, else (a single group) by column
     * blocks, so that every part produces finished outputs for a subset of output channels and
     * needs the whole input. Each part's MACs are its share of the layer's (its weights x vectors).
     *
     * @throws IllegalArgumentException naming the layer if even one column block of one group (its
     *     {@code rowBlocks} tiles) needs more than {@code maxTiles} tiles
     */
    public List<PimLayerMapping> splitToFit(int maxTiles, PimAcceleratorConfig config) {
        if (tiles <= maxTiles) {
            return List.of(this);
        }
        List<int[]> chunks = new ArrayList<>(); // {groups, groupCols} of each part
        if (tilesPerBlock() <= maxTiles) {
            int groupsPerPart = (maxTiles / tilesPerBlock()) * groupsPerTile;
            for (int g = 0; g < groups; g += groupsPerPart) {
                chunks.add(new int[] {Math.min(groupsPerPart, groups - g), groupCols});
            }
        } else if (groups == 1 && rowBlocks <= maxTiles) {
            int colsPerPart = (maxTiles / rowBlocks) * config.tile().cols();
            for (int c = 0; c < groupCols; c += colsPerPart) {
                chunks.add(new int[] {1, Math.min(colsPerPart, groupCols - c)});
            }
        } else {
            throw new IllegalArgumentException("layer '" + name + "' cannot be split to fit chipTiles = " + maxTiles
                    + ": one column of tiles needs " + rowBlocks + " tiles (" + groups + " groups)");
        }
        List<PimLayerMapping> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int g = chunks.get(i)[0];
            int c = chunks.get(i)[1];
            PimLayerMapping m = map(name, typeId, g, groupRows, c, vectors, (long) g * groupRows * c * vectors, config);
            out.add(new PimLayerMapping(name, typeId, m.groups, m.groupRows, m.groupCols, m.vectors, m.rowBlocks,
                    m.colBlocks, m.groupsPerTile, m.tiles, m.macs, i + 1, chunks.size()));
        }
        return out;
    }

    /** A stable id for reports and component paths: the name, with {@code #part} if split. */
    public String id() {
        return parts == 1 ? name : name + "#" + part;
    }

    /** Tiles per block of packed groups: {@code rowBlocks * colBlocks}. */
    public int tilesPerBlock() {
        return rowBlocks * colBlocks;
    }

    /** Group matrices on tile {@code t} (0-based). */
    public int groupsOnTile(int t) {
        int block = t / tilesPerBlock();
        return Math.min(groupsPerTile, groups - block * groupsPerTile);
    }

    /** Row block of tile {@code t} within its group matrix. */
    public int rowBlockOf(int t) {
        return (t % tilesPerBlock()) / colBlocks;
    }

    /** Global row-block index of tile {@code t} (distinct for every input segment). */
    public int inputSegmentOf(int t) {
        return (t / tilesPerBlock()) * rowBlocks + rowBlockOf(t);
    }

    /** Wordlines driven on tile {@code t} per analog step. */
    public int usedRows(int t, int tileRows) {
        int rbi = rowBlockOf(t);
        return groupsOnTile(t) * Math.min(tileRows, groupRows - rbi * tileRows);
    }

    /** Weight columns holding weights on tile {@code t}. */
    public int usedCols(int t, int tileCols) {
        int cbi = t % colBlocks;
        return groupsOnTile(t) * Math.min(tileCols, groupCols - cbi * tileCols);
    }

    /**
     * Multiply-accumulates the tiles perform per inference: for every tile, the weights it holds
     * (its groups x used rows x used columns of each) times the input vectors. Equals the layer's
     * dense MACs when the mapping covers every weight exactly once.
     */
    public long analogMacs(int tileRows, int tileCols) {
        long perVector = 0;
        for (int t = 0; t < tiles; t++) {
            int g = groupsOnTile(t);
            long rowsPerGroup = usedRows(t, tileRows) / g;
            long colsPerGroup = usedCols(t, tileCols) / g;
            perVector += g * rowsPerGroup * colsPerGroup;
        }
        return perVector * vectors;
    }

    /** Matrix rows (inputs) per vector over all groups. */
    public long inputsPerVector() {
        return (long) groups * groupRows;
    }

    /** Matrix columns (outputs) per vector over all groups. */
    public long outputsPerVector() {
        return (long) groups * groupCols;
    }

    /** Weights held by the layer's tiles: {@code groups * groupRows * groupCols}. */
    public long weights() {
        return (long) groups * groupRows * groupCols;
    }

    /** Fraction of the allocated tiles' weight positions that hold the layer's weights. */
    public double utilisation(int tileRows, int tileCols) {
        return (double) weights() / ((double) tiles * tileRows * tileCols);
    }
}
