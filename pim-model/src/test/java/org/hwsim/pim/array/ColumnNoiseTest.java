package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read noise drawn once per column (Gaussian with variance {@code sum_i x_i^2 sigma_ij^2}) agrees
 * in distribution with one draw per device: a sum of independent Gaussians is Gaussian with the
 * summed variance (e.g. Feller, "An Introduction to Probability Theory", Vol. II, Ch. 1). Checked
 * by a two-sample Kolmogorov-Smirnov test (n = 3000 each; the critical distance at alpha = 0.001
 * is 1.95 sqrt(2 / n) = 0.05) and against the closed-form variance (5 % tolerance: the sample
 * variance of 3000 Gaussians has a relative standard error of sqrt(2 / n) = 2.6 %).
 */
class ColumnNoiseTest {
    @ParameterizedTest
    @EnumSource(ReadNoiseMode.class)
    void columnLevelNoiseAgreesWithPerDeviceSampling(ReadNoiseMode mode) {
        int rows = 40;
        float[][] w = TestData.matrix(31, rows, 3);
        CrossbarConfig c = CrossbarConfig.of(rows, 3, Decomposition.NATIVE, 4, DacConfig.signed(5), AdcConfig.ideal())
                .withDevice(DeviceConfig.ideal().withReadNoise(0.1, mode));
        Crossbar xbar = Crossbar.tile(w, c, new RandomStreams(8), "n");
        ReferenceCrossbar ref = new ReferenceCrossbar(w, c, 8, "n");
        float[] x = TestData.vectors(32, 1, rows, 0.2)[0];
        double[] step = new double[1];
        double[] codes = ref.codes(x, step);
        double unit = step[0] * ref.weightStep();
        int n = 3000;
        double[] column = new double[n];
        double[] perDevice = new double[n];
        float[] y = new float[3];
        var gauss = ZigguratSampler.NormalizedGaussian.of(new RandomStreams(9).stream("per-device"));
        double exactVariance = 0;
        for (int k = 0; k < n; k++) {
            xbar.mvm(x, y);
            column[k] = y[1] / unit;
            perDevice[k] = ref.perDeviceColumnSum(codes, 1, gauss);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(column, perDevice);
        assertTrue(p > 1e-3, "two-sample KS p-value " + p);
        TileCrossbar tile = (TileCrossbar) xbar;
        for (int i = 0; i < rows; i++) {
            exactVariance += codes[i] * codes[i] * 0.01 * tile.programmed().unitVariances[0][i][1];
        }
        assertEquals(exactVariance, variance(column), 0.05 * exactVariance);
        assertEquals(exactVariance, variance(perDevice), 0.05 * exactVariance);
    }

    private static double variance(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.length;
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s / (v.length - 1);
    }
}
