package org.hwsim.pim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hwsim.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Device non-idealities against their definitions: stuck-at rates (binomial, 5 sigma), the drift
 * power law (closed form, exact), programming variation (sample sigma, 3 % for n = 20000:
 * relative standard error sqrt(1 / (2n)) = 0.5 %).
 */
class DeviceModelTest {
    @Test
    void idealDevicesHoldTheirTargetsExactly() {
        DeviceModel d = DeviceModel.create(DeviceConfig.ideal(), CellConfig.ideal(), 15, new RandomStreams(1).stream("p"));
        for (int level = 0; level <= 15; level++) {
            assertEquals(level, d.program(level), 0);
        }
    }

    @Test
    void stuckAtFaultsOccurAtTheirRates() {
        DeviceConfig c = DeviceConfig.ideal().withStuckAt(0.05, 0.02);
        DeviceModel d = DeviceModel.create(c, new CellConfig(1, 16), 15, new RandomStreams(2).stream("p"));
        int n = 20000;
        int off = 0;
        int on = 0;
        for (int i = 0; i < n; i++) {
            double g = d.program(8);
            off += g == 1.0 ? 1 : 0;   // gMinLevel = 1 / 15 * 15 = 1
            on += g == 16.0 ? 1 : 0;
        }
        assertEquals(0.05 * n, off, 5 * Math.sqrt(n * 0.05 * 0.95));
        assertEquals(0.02 * n, on, 5 * Math.sqrt(n * 0.02 * 0.98));
    }

    @Test
    void driftFollowsThePowerLaw() {
        // g(t) = g0 (t / t0)^-nu: nu = 0.05, t = 1e4 s, t0 = 1 s -> factor 10^-0.2 = 0.630957
        DeviceConfig c = DeviceConfig.ideal().withDrift(0.05, 0, 1, 1e4);
        DeviceModel d = DeviceModel.create(c, CellConfig.ideal(), 15, new RandomStreams(3).stream("p"));
        assertEquals(10 * Math.pow(10, -0.2), d.program(10), 1e-12);
    }

    @Test
    void programmingVariationHasTheConfiguredSigma() {
        DeviceConfig c = DeviceConfig.ideal().withProgrammingSigma(0.02);
        DeviceModel d = DeviceModel.create(c, CellConfig.ideal(), 255, new RandomStreams(4).stream("p"));
        int n = 20000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double e = d.program(128) - 128;
            sum += e;
            sq += e * e;
        }
        double sigma = Math.sqrt(sq / n - (sum / n) * (sum / n));
        assertEquals(0.02 * 255, sigma, 0.03 * 0.02 * 255);
    }

    @Test
    void readVarianceIsProportionalOrStateIndependent() {
        DeviceModel p = DeviceModel.create(DeviceConfig.ideal().withReadNoise(0.1, ReadNoiseMode.PROPORTIONAL),
                CellConfig.ideal(), 15, new RandomStreams(5).stream("p"));
        DeviceModel s = DeviceModel.create(DeviceConfig.ideal().withReadNoise(0.1, ReadNoiseMode.STATE_INDEPENDENT),
                CellConfig.ideal(), 15, new RandomStreams(5).stream("p"));
        assertEquals(49, p.unitReadVariance(7), 0);
        assertEquals(225, s.unitReadVariance(7), 0);
        assertEquals(0.1, p.readNoiseSigma(), 0);
    }
}
