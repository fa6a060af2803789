package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With ideal settings (analog weights, ideal DAC and ADC, ideal devices) a crossbar is an exact
 * matrix product. Reference: the product computed in double. Tolerance: 1e-5 relative to
 * {@code sum_i |x_i W_ij|} (float accumulation of 200 terms errs by about 1e-6 of that).
 */
class IdealCrossbarTest {
    @ParameterizedTest
    @EnumSource(value = Decomposition.class, names = {"NATIVE", "DIFFERENTIAL"})
    void idealSettingsEqualExactMatmul(Decomposition scheme) {
        float[][] w = TestData.matrix(1, 200, 70);
        CrossbarConfig c = CrossbarConfig.of(200, 70, scheme, 0, DacConfig.ideal(), AdcConfig.ideal())
                .withCell(new CellConfig(0.5, 20));
        Crossbar xbar = Crossbar.tile(w, c, new RandomStreams(3), "t");
        float[][] xs = TestData.vectors(2, 20, 200, 0.1);
        float[] y = new float[70];
        for (float[] x : xs) {
            xbar.mvm(x, y);
            double[] exact = TestData.exact(x, w);
            double[] mag = TestData.magnitude(x, w);
            for (int j = 0; j < 70; j++) {
                assertEquals(exact[j], y[j], 1e-5 * mag[j], "column " + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Decomposition.class)
    void quantizedWeightsAndInputsWithIdealAdcErrWithinTheQuantizationBound(Decomposition scheme) {
        // With an ideal ADC the only errors are weight and input rounding: each product x_i w_ij errs
        // by at most |x_i| dw/2 + |w_ij| dx/2 + dx dw/4, so the column by the sum of those.
        int rows = 64;
        int cols = 16;
        float[][] w = TestData.matrix(4, rows, cols);
        CrossbarConfig c = CrossbarConfig.of(rows, cols, scheme, 6, DacConfig.signed(7), AdcConfig.ideal());
        Crossbar xbar = Crossbar.tile(w, c, new RandomStreams(5), "t");
        float[][] xs = TestData.vectors(6, 10, rows, 0.0);
        float[] y = new float[cols];
        for (float[] x : xs) {
            xbar.mvm(x, y);
            double xMax = 0;
            for (float v : x) {
                xMax = Math.max(xMax, Math.abs(v));
            }
            double dx = xMax / 63;
            double dw = 1.0 / 63; // max |w| <= 1
            double[] exact = TestData.exact(x, w);
            for (int j = 0; j < cols; j++) {
                double bound = 0;
                for (int i = 0; i < rows; i++) {
                    bound += Math.abs(x[i]) * dw / 2 + Math.abs(w[i][j]) * dx / 2 + dx * dw / 4;
                }
                assertTrue(Math.abs(y[j] - exact[j]) <= bound * 1.0001 + 1e-5,
                        "column " + j + ": " + y[j] + " vs " + exact[j] + " bound " + bound);
            }
        }
    }
}
