package org.hwsim.pim.device;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Gaussian programming and read noise, stuck-at faults and power-law drift (see the package doc). */
final class GaussianDeviceModel implements DeviceModel {
    private final DeviceConfig config;
    private final int levels;
    private final double gMinLevel;
    private final double gMaxLevel;
    private final UniformRandomProvider rng;
    private final NormalizedGaussianSampler gauss;
    private final double logTimeRatio;

    GaussianDeviceModel(DeviceConfig config, CellConfig cell, int levels, UniformRandomProvider rng) {
        if (levels < 1) {
            throw new IllegalArgumentException("levels must be >= 1: " + levels);
        }
        this.config = config;
        this.levels = levels;
        this.gMinLevel = cell.gMinLevel(levels);
        this.gMaxLevel = gMinLevel + levels;
        this.rng = rng;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        this.logTimeRatio = Math.log(config.readTimeS() / config.driftT0S());
    }

    @Override
    public double program(double targetLevel) {
        double g = targetLevel;
        double off = config.stuckOffRate();
        double on = config.stuckOnRate();
        boolean stuck = false;
        if (off > 0 || on > 0) {
            double u = rng.nextDouble();
            if (u < off) {
                g = gMinLevel;
                stuck = true;
            } else if (u < off + on) {
                g = gMaxLevel;
                stuck = true;
            }
        }
        if (config.programmingSigma() > 0) {
            double e = config.programmingSigma() * levels * gauss.sample();
            if (!stuck) {
                g = Math.max(0, g + e);
            }
        }
        if (config.driftNu() > 0 || config.driftNuSigma() > 0) {
            double nu = config.driftNu();
            if (config.driftNuSigma() > 0) {
                nu = Math.max(0, nu + config.driftNuSigma() * gauss.sample());
            }
            g *= Math.exp(-nu * logTimeRatio);
        }
        return g;
    }

    @Override
    public double unitReadVariance(double level) {
        return config.readNoiseMode() == ReadNoiseMode.PROPORTIONAL ? level * level : (double) levels * levels;
    }

    @Override
    public double readNoiseSigma() {
        return config.readNoise();
    }
}
