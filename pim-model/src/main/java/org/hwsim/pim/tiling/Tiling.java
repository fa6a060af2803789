package org.hwsim.pim.tiling;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;

/** Programs matrices of any size onto tiles. */
public final class Tiling {
    private Tiling() {
    }

    /**
     * Programs {@code weights[rows][cols]} onto {@code ceil(rows / tile.rows) x ceil(cols /
     * tile.cols)} tiles of the given configuration; tile {@code (r, c)} has the path
     * {@code path + "/tile-r-c"}. Each tile scales its weights and inputs by its own maximum, as
     * a tile with its own DAC references and ADC range would.
     *
     * @throws IllegalArgumentException if the matrix is empty, ragged or holds non-finite values
     */
    public static Crossbar program(float[][] weights, CrossbarConfig tile, RandomStreams streams, String path) {
        return new TiledCrossbar(weights, tile, streams, path);
    }
}
