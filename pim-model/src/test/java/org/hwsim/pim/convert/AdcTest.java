package org.hwsim.pim.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.hwsim.core.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The ADC transfer against its definition (package documentation) and closed forms. */
class AdcTest {
    private static Adc adc(AdcConfig c, boolean bipolar, double fullScale) {
        RandomStreams s = new RandomStreams(1);
        return Adc.create(c, 4, bipolar, fullScale, s.stream("v"), s.stream("t"));
    }

    @Property(tries = 300)
    void anNBitAdcErrsByAtMostHalfAnLsbInsideItsRange(@ForAll @IntRange(min = 1, max = 14) int bits,
                                                       @ForAll @DoubleRange(min = 0.5, max = 1e4) double fullScale,
                                                       @ForAll @DoubleRange(min = -1, max = 1) double u,
                                                       @ForAll boolean bipolar) {
        Adc a = adc(AdcConfig.linear(bits), bipolar, fullScale);
        double lsb = a.lsb();
        // codes span [lo, hi] LSB; inside [lo - 1/2, hi + 1/2] LSB nothing is clipped
        double lo = bipolar ? -Math.pow(2, bits - 1) : 0;
        double hi = bipolar ? Math.pow(2, bits - 1) - 1 : Math.pow(2, bits) - 1;
        double s = bipolar ? u * fullScale : Math.abs(u) * fullScale;
        double out = a.convert(s, 0);
        if (s >= (lo - 0.5) * lsb && s <= (hi + 0.5) * lsb) {
            assertTrue(Math.abs(out - s) <= lsb / 2 * (1 + 1e-12), s + " -> " + out + ", lsb " + lsb);
        } else {
            assertEquals(s < 0 ? lo * lsb : hi * lsb, out, 1e-9 * fullScale, "clipped to the end code");
        }
    }

    @Test
    void lsbFollowsTheDocumentedCodeRange() {
        assertEquals(100.0 / 128, adc(AdcConfig.linear(8), true, 100).lsb(), 1e-15);
        assertEquals(100.0 / 256, adc(AdcConfig.linear(8), false, 100).lsb(), 1e-15);
        assertEquals(-100.0, adc(AdcConfig.linear(8), true, 100).convert(-1e9, 1), 1e-12);
        assertEquals(127 * 100.0 / 128, adc(AdcConfig.linear(8), true, 100).convert(1e9, 1), 1e-12);
        assertEquals(1e9, adc(AdcConfig.linear(8).withClip(false), true, 100).convert(1e9, 1), 1);
    }

    @Test
    void idealAdcPassesValuesThrough() {
        Adc a = adc(AdcConfig.ideal(), true, 10);
        assertEquals(12345.678, a.convert(12345.678, 2), 0);
    }

    @Test
    void thermalNoiseMatchesTheConfiguredGaussianByKolmogorovSmirnov() {
        // 12-bit ADC, sigma 40 LSB: quantization shifts the empirical CDF by at most pdf * LSB / 2
        // = 0.005, well below the KS critical distance at n = 4000 (1.95 / sqrt(n) = 0.031 at
        // alpha = 0.001). A sigma off by 10 % gives a KS distance near 0.04 and fails.
        double sigmaLsb = 40;
        Adc a = adc(AdcConfig.linear(12).withThermalNoise(ThermalNoiseConfig.ofLsb(sigmaLsb)), true, 2048);
        double mean = 100.25;
        int n = 4000;
        double[] samples = new double[n];
        for (int i = 0; i < n; i++) {
            samples[i] = a.convert(mean, i % 4);
        }
        NormalDistribution expected = new NormalDistribution(null, mean, sigmaLsb * a.lsb());
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(expected, samples);
        assertTrue(p > 1e-3, "KS p-value " + p);
        NormalDistribution wrong = new NormalDistribution(null, mean, 1.2 * sigmaLsb * a.lsb());
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(wrong, samples) < 1e-3);
    }

    @Test
    void kTcNoiseIsSqrtKtOverCInLsb() {
        // 100 fF at 300 K: sqrt(1.380649e-23 * 300 / 1e-13) = 203.5 uV; 8-bit over 1 V: LSB 3.906 mV.
        ThermalNoiseConfig t = new ThermalNoiseConfig(0, 100e-15, 300, 1);
        assertEquals(203.5e-6 / (1.0 / 256), t.sigmaLsb(256), 1e-4);
    }

    @Test
    void gainOffsetAndThresholdsShapeTheTransfer() {
        Adc gain = adc(AdcConfig.linear(10).withTransfer(0.1, 2, List.of(), List.of()), true, 512);
        // lsb = 1; 100 * 1.1 + 2 = 112
        assertEquals(112, gain.convert(100, 0), 0);
        Adc inl = adc(AdcConfig.linear(10).withTransfer(0, 0, List.of(0.1), List.of()), true, 512);
        // u = 0.5: + 0.1 * 0.25 * 512 = 12.8 -> 256 + 12.8 rounds to 269
        assertEquals(269, inl.convert(256, 0), 0);
        Adc table = adc(AdcConfig.linear(2).withTransfer(0, 0, List.of(), List.of(-0.5, 0.1, 0.2)), true, 4);
        // bipolar 2-bit: codes -2..1, lsb 2; u = 0.15 has 2 thresholds below -> code 0
        assertEquals(0, table.convert(0.6, 0), 0);
        assertEquals(2, table.convert(0.9, 0), 0);
        assertEquals(-4, table.convert(-3, 0), 0);
    }

    @Test
    void perAdcVariationIsDrawnOncePerColumnFromItsStream() {
        AdcConfig c = AdcConfig.linear(10).withVariation(new AdcVariationConfig(0.05, 0));
        Adc a = adc(c, true, 512);
        Adc b = adc(c, true, 512);
        for (int j = 0; j < 4; j++) {
            assertEquals(a.convert(300, j), b.convert(300, j), 0, "same stream, same draws");
            assertEquals(a.convert(300, j), a.convert(300, j), 0, "drawn once, not per conversion");
        }
    }

    @Test
    void badConfigNamesTheFieldAndValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> AdcConfig.linear(17));
        assertTrue(e.getMessage().contains("adc.bits") && e.getMessage().contains("17"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AdcConfig.ideal().withThermalNoise(ThermalNoiseConfig.ofLsb(1)));
        assertTrue(e.getMessage().contains("adc.bits"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AdcConfig.linear(2).withTransfer(0, 0, List.of(), List.of(0.1, 0.0, 0.3)));
        assertTrue(e.getMessage().contains("adc.thresholds[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ThermalNoiseConfig.ofLsb(Double.NaN));
        assertTrue(e.getMessage().contains("sigmaLsb") && e.getMessage().contains("NaN"), e.getMessage());
    }
}
