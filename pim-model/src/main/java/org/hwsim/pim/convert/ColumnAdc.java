package org.hwsim.pim.convert;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** One ADC per column with the transfer documented in {@link AdcConfig}. */
final class ColumnAdc implements Adc {
    private final int bits;
    private final int columns;
    private final boolean bipolar;
    private final boolean clip;
    private final double codeMin;
    private final double codeMax;
    private final double codeScale; // codes per full scale: 2^(n-1) bipolar, 2^n unipolar
    private final double[] gain;
    private final double[] offsetLsb;
    private final double[] inl;
    private final double[] thresholds;
    private final double thermalSigmaLsb;
    private final NormalizedGaussianSampler gauss;
    private final double[] noise;
    /** Every column has gain 1 and no offset: the conversion skips those terms (same results). */
    private final boolean unitTransfer;
    private double fullScale;
    private double lsb;
    private double invLsb;

    ColumnAdc(AdcConfig config, int columns, boolean bipolar, double maxPossible,
              UniformRandomProvider variation, UniformRandomProvider thermal) {
        if (columns < 1) {
            throw new IllegalArgumentException("adc columns must be >= 1: " + columns);
        }
        this.bits = config.bits();
        this.columns = columns;
        this.bipolar = bipolar;
        this.clip = config.clip();
        long codes = 1L << bits;
        this.codeScale = bits == 0 ? 1 : (bipolar ? codes / 2 : codes);
        this.codeMin = bipolar ? -codeScale : 0;
        this.codeMax = bipolar ? codeScale - 1 : codeScale - 1;
        this.gain = new double[columns];
        this.offsetLsb = new double[columns];
        NormalizedGaussianSampler vg = ZigguratSampler.NormalizedGaussian.of(variation);
        AdcVariationConfig v = config.variation();
        for (int j = 0; j < columns; j++) {
            double g = 1 + config.gainError();
            double o = config.offsetErrorLsb();
            if (!v.isNone()) {
                g *= 1 + v.gainSigma() * vg.sample();
                o += v.offsetSigmaLsb() * vg.sample();
            }
            gain[j] = g;
            offsetLsb[j] = o;
        }
        boolean unit = true;
        for (int j = 0; j < columns; j++) {
            unit &= gain[j] == 1.0 && offsetLsb[j] == 0.0;
        }
        this.unitTransfer = unit;
        this.inl = config.inlCoefficients().isEmpty() ? null
                : config.inlCoefficients().stream().mapToDouble(Double::doubleValue).toArray();
        this.thresholds = config.thresholds().isEmpty() ? null
                : config.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
        this.thermalSigmaLsb = bits == 0 ? 0 : config.thermalNoise().sigmaLsb(codes);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(thermal);
        this.noise = new double[columns];
        double start = config.rangeMode() == AdcRangeMode.FIXED || config.rangeMode() == AdcRangeMode.LEARNED
                ? config.range() : maxPossible;
        setFullScale(start);
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean bipolar() {
        return bipolar;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public double fullScale() {
        return fullScale;
    }

    @Override
    public void setFullScale(double fullScale) {
        if (!(fullScale > 0) || Double.isInfinite(fullScale)) {
            throw new IllegalArgumentException("adc.range must be positive and finite: " + fullScale);
        }
        this.fullScale = fullScale;
        this.lsb = bits == 0 ? fullScale : fullScale / codeScale;
        this.invLsb = 1 / lsb;
    }

    @Override
    public double lsb() {
        return lsb;
    }

    @Override
    public double thermalSigmaLsb() {
        return thermalSigmaLsb;
    }

    @Override
    public double convert(double analog, int column) {
        if (bits == 0) {
            return analog;
        }
        double v = analog * gain[column] + offsetLsb[column] * lsb;
        if (inl != null) {
            double u = v / fullScale;
            double uk = u * u;
            double p = 0;
            for (double c : inl) {
                p += c * uk;
                uk *= u;
            }
            v += p * fullScale;
        }
        v += thermalSigmaLsb > 0 ? thermalSigmaLsb * lsb * gauss.sample() : 0.0;
        double code;
        if (thresholds != null) {
            int idx = Arrays.binarySearch(thresholds, v / fullScale);
            int below = idx >= 0 ? idx + 1 : -idx - 1; // thresholds <= u
            code = codeMin + below;
        } else {
            code = Math.floor(v * invLsb + 0.5);
            if (clip) {
                code = code < codeMin ? codeMin : code;
                code = code > codeMax ? codeMax : code;
            }
        }
        return code * lsb;
    }

    @Override
    public void convertAccumulate(float[] analog, double weight, float[] acc) {
        if (bits == 0) {
            for (int j = 0; j < columns; j++) {
                acc[j] += (float) (weight * analog[j]);
            }
            return;
        }
        if (inl == null && thresholds == null) {
            convertLinear(analog, weight, acc);
            return;
        }
        for (int j = 0; j < columns; j++) {
            acc[j] += (float) (weight * convert(analog[j], j));
        }
    }

    /**
     * The common case without INL or thresholds: the same arithmetic as {@link #convert}. Clamps
     * are written as comparisons: on JDK 17, {@code Math.min/max(double)} cost about 10 ns an
     * element here against 1.5 ns for the whole loop body with comparisons.
     */
    private void convertLinear(float[] analog, double weight, float[] acc) {
        final double l = lsb;
        final double il = invLsb;
        final double lo = clip ? codeMin : Double.NEGATIVE_INFINITY;
        final double hi = clip ? codeMax : Double.POSITIVE_INFINITY;
        final double[] g = gain;
        final double[] o = offsetLsb;
        final double[] z = noise;
        final double sigma = thermalSigmaLsb * l;
        if (thermalSigmaLsb > 0) {
            for (int j = 0; j < columns; j++) {
                z[j] = gauss.sample();
            }
        } else {
            java.util.Arrays.fill(z, 0.0);
        }
        if (unitTransfer) {
            // analog * 1.0 + 0.0 * lsb is analog (up to the sign of a zero, which the rounding
            // below maps to the same code), so this loop gives the same codes as the general one.
            for (int j = 0; j < columns; j++) {
                double v = analog[j];
                v += sigma * z[j];
                double code = Math.floor(v * il + 0.5);
                code = code < lo ? lo : code;
                code = code > hi ? hi : code;
                acc[j] += (float) (weight * (code * l));
            }
            return;
        }
        for (int j = 0; j < columns; j++) {
            double v = analog[j] * g[j] + o[j] * l;
            v += sigma * z[j];
            double code = Math.floor(v * il + 0.5);
            code = code < lo ? lo : code;
            code = code > hi ? hi : code;
            acc[j] += (float) (weight * (code * l));
        }
    }
}
