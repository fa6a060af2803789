package org.hwsim.pim.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;

/**
 * Invariants over random shapes: a matrix tiled at ideal settings equals the exact product
 * (1e-5 of {@code sum |x_i W_ij|}); bit-serial with an ideal ADC equals native exactly for any
 * tile size and input resolution (integer arithmetic, see SchemeEquivalenceTest).
 */
class TilingPropertyTest {
    @Property(tries = 40)
    void tiledEqualsExactForAnyShape(@ForAll @IntRange(min = 1, max = 90) int rows,
                                     @ForAll @IntRange(min = 1, max = 40) int cols,
                                     @ForAll @IntRange(min = 1, max = 33) int tileRows,
                                     @ForAll @IntRange(min = 1, max = 17) int tileCols) {
        float[][] w = TilingTest.uniform(rows * 100L + cols, rows, cols);
        float[] x = TilingTest.uniform(tileRows, 1, rows)[0];
        CrossbarConfig tile = CrossbarConfig.of(tileRows, tileCols, Decomposition.NATIVE, 0, DacConfig.ideal(),
                AdcConfig.ideal());
        Crossbar c = Tiling.program(w, tile, new RandomStreams(1), "p");
        float[] y = new float[cols];
        c.mvm(x, y);
        for (int j = 0; j < cols; j++) {
            double exact = 0;
            double mag = 0;
            for (int i = 0; i < rows; i++) {
                exact += (double) x[i] * w[i][j];
                mag += Math.abs((double) x[i] * w[i][j]);
            }
            assertEquals(exact, y[j], 1e-5 * mag + 1e-30);
        }
    }

    @Property(tries = 40)
    void bitSerialWithIdealAdcEqualsNative(@ForAll @IntRange(min = 1, max = 70) int rows,
                                           @ForAll @IntRange(min = 1, max = 20) int cols,
                                           @ForAll @IntRange(min = 2, max = 12) int inputBits,
                                           @ForAll @IntRange(min = 1, max = 8) int weightBits) {
        float[][] w = TilingTest.uniform(rows + 7L * cols, rows, cols);
        float[] x = TilingTest.uniform(inputBits, 1, rows)[0];
        CrossbarConfig nat = CrossbarConfig.of(rows, cols, Decomposition.NATIVE, weightBits,
                DacConfig.signed(inputBits), AdcConfig.ideal());
        float[] a = new float[cols];
        float[] b = new float[cols];
        Crossbar.tile(w, nat, new RandomStreams(1), "n").mvm(x, a);
        Crossbar.tile(w, nat.withScheme(Decomposition.BIT_SERIAL), new RandomStreams(1), "n").mvm(x, b);
        assertArrayEquals(a, b);
    }
}
