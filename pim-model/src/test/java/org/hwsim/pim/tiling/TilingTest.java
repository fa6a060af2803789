package org.hwsim.pim.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;

/**
 * Tiling and im2col against exact references: a tiled matrix at ideal settings equals the untiled
 * one (and the exact product) to float rounding, 1e-5 relative to {@code sum |x_i W_ij|}; a
 * convolution by im2col equals the direct convolution sum; the mapping's counts equal their
 * closed forms.
 */
class TilingTest {
    static float[][] uniform(long seed, int n, int m) {
        UniformRandomProvider r = new RandomStreams(seed).stream("t");
        float[][] a = new float[n][m];
        for (float[] row : a) {
            for (int i = 0; i < m; i++) {
                row[i] = (float) (2 * r.nextDouble() - 1);
            }
        }
        return a;
    }

    static final CrossbarConfig IDEAL = CrossbarConfig.of(64, 48, Decomposition.NATIVE, 0, DacConfig.ideal(),
            AdcConfig.ideal());

    @Test
    void aTiledLargeMatrixEqualsTheUntiledResultAtIdealSettings() {
        int rows = 300;
        int cols = 130;
        float[][] w = uniform(1, rows, cols);
        Crossbar tiled = Tiling.program(w, IDEAL, new RandomStreams(2), "big");
        Crossbar whole = Crossbar.tile(w, IDEAL.withSize(rows, cols), new RandomStreams(2), "whole");
        float[][] xs = uniform(3, 5, rows);
        float[] yt = new float[cols];
        float[] yw = new float[cols];
        for (float[] x : xs) {
            tiled.mvm(x, yt);
            whole.mvm(x, yw);
            for (int j = 0; j < cols; j++) {
                double exact = 0;
                double mag = 0;
                for (int i = 0; i < rows; i++) {
                    exact += (double) x[i] * w[i][j];
                    mag += Math.abs((double) x[i] * w[i][j]);
                }
                assertEquals(yw[j], yt[j], 1e-5 * mag, "tiled vs untiled, column " + j);
                assertEquals(exact, yt[j], 1e-5 * mag, "tiled vs exact, column " + j);
            }
        }
        // 5 x 3 tiles of 64 x 48
        assertEquals(5 * 15, tiled.counters().mvms());
    }

    @Test
    void aBatchEqualsTheSameVectorsOneAtATimeWithNoiseOn() {
        // More vectors than one chunk, edge tiles in both dimensions, thermal and read noise: each
        // tile draws from its own streams in vector order, so batching changes no number.
        CrossbarConfig noisy = CrossbarConfig.of(32, 24, Decomposition.BIT_SERIAL, 6, DacConfig.signed(6),
                AdcConfig.linear(6).withThermalNoise(ThermalNoiseConfig.ofLsb(0.8)))
                .withDevice(DeviceConfig.ideal().withReadNoise(0.03, ReadNoiseMode.PROPORTIONAL));
        float[][] w = uniform(5, 70, 50);
        Crossbar batched = Tiling.program(w, noisy, new RandomStreams(6), "b");
        Crossbar single = Tiling.program(w, noisy, new RandomStreams(6), "b");
        int n = TiledCrossbar.CHUNK + 7;
        float[][] xs = uniform(7, n, 70);
        float[][] ys = new float[n][50];
        batched.mvm(xs, ys);
        for (int b = 0; b < n; b++) {
            float[] y = new float[50];
            single.mvm(xs[b], y);
            assertArrayEquals(y, ys[b], "vector " + b);
        }
        assertEquals(single.counters().adcConversions(), batched.counters().adcConversions());
    }

    @Test
    void aBatchWithANonFiniteInputNamesTheVectorAndTheElement() {
        Crossbar tiled = Tiling.program(uniform(8, 70, 50), IDEAL, new RandomStreams(9), "n");
        float[][] xs = uniform(10, 3, 70);
        xs[2][65] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tiled.mvm(xs, new float[3][50]));
        assertTrue(e.getMessage().contains("xs[2][65]"), e.getMessage());
    }

    @Test
    void convolutionByIm2colEqualsTheDirectSum() {
        Im2col.Shape s = new Im2col.Shape(3, 7, 6, 3, 3, 2, 1);
        float[] image = uniform(4, 1, 3 * 7 * 6)[0];
        float[][] filters = uniform(5, 4, s.patchLength());
        Crossbar xbar = Tiling.program(Im2col.kernelMatrix(filters, s), IDEAL, new RandomStreams(6), "conv");
        float[][] out = Im2col.conv(xbar, image, s);
        assertEquals(4, s.outHeight());
        assertEquals(3, s.outWidth());
        for (int oy = 0; oy < s.outHeight(); oy++) {
            for (int ox = 0; ox < s.outWidth(); ox++) {
                for (int f = 0; f < 4; f++) {
                    double sum = 0;
                    for (int c = 0; c < 3; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int y = oy * 2 - 1 + ky;
                                int x = ox * 2 - 1 + kx;
                                if (y >= 0 && y < 7 && x >= 0 && x < 6) {
                                    sum += image[(c * 7 + y) * 6 + x] * filters[f][(c * 3 + ky) * 3 + kx];
                                }
                            }
                        }
                    }
                    assertEquals(sum, out[oy * s.outWidth() + ox][f], 1e-5);
                }
            }
        }
    }

    @Test
    void mappingCountsMatchTheirClosedForms() {
        CrossbarConfig tile = CrossbarConfig.of(256, 256, Decomposition.BIT_SERIAL, 8, DacConfig.signed(8),
                AdcConfig.linear(8));
        PimMapping dense = PimMapping.dense(784, 100, tile);
        assertEquals(4, dense.tiles());
        assertEquals(4L * 256 * 8, dense.adcConversionsPerMvm());
        assertEquals(78400.0 / (4 * 65536), dense.utilisation(), 1e-12);
        PimMapping conv = PimMapping.conv(new Im2col.Shape(64, 56, 56, 3, 3, 1, 1), 64,
                tile.withScheme(Decomposition.DIFFERENTIAL).withWeightBits(8, 2));
        // rows 576 -> 3 blocks; 4 slices x 2 sides = 8 arrays; one step per vector
        assertEquals(3, conv.tiles());
        assertEquals(3L * 256 * 8, conv.adcConversionsPerMvm());
        assertEquals(56L * 56, conv.mvmsPerInference());
        assertEquals(256L * 256 * 4 * 2, conv.cellsPerTile());
    }
}
