package org.hwsim.pim.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Device non-idealities; {@link #ideal()} (all zero) turns every one off.
 *
 * @param programmingSigma programming error sigma as a fraction of the conductance range, drawn
 *     once per device when the weights are written, in [0, 1]
 * @param readNoise read-noise sigma, a fraction of the range or of the conductance (see
 *     {@code readNoiseMode}), drawn per read, in [0, 1]
 * @param readNoiseMode {@code state-independent} or {@code proportional} (default)
 * @param stuckOffRate fraction of devices stuck at gMin, in [0, 1]
 * @param stuckOnRate fraction of devices stuck at gMax, in [0, 1], with the off rate at most 1
 * @param driftNu mean power-law drift exponent, at least 0 (0 = no drift)
 * @param driftNuSigma device-to-device sigma of the exponent, at least 0
 * @param driftT0S the time after programming at which the programmed conductance holds, positive
 * @param readTimeS the time after programming at which the array is read, at least driftT0S
 */
public record DeviceConfig(double programmingSigma, double readNoise, ReadNoiseMode readNoiseMode,
                           double stuckOffRate, double stuckOnRate, double driftNu, double driftNuSigma,
                           double driftT0S, double readTimeS) {
    /** Validates every field. */
    public DeviceConfig {
        unit("device.programmingSigma", programmingSigma);
        unit("device.readNoise", readNoise);
        unit("device.stuckOffRate", stuckOffRate);
        unit("device.stuckOnRate", stuckOnRate);
        if (stuckOffRate + stuckOnRate > 1) {
            throw new IllegalArgumentException("device.stuckOffRate + stuckOnRate must be <= 1: "
                    + (stuckOffRate + stuckOnRate));
        }
        if (readNoiseMode == null) {
            throw new IllegalArgumentException("device.readNoiseMode must be given: null");
        }
        if (!(driftNu >= 0) || Double.isInfinite(driftNu)) {
            throw new IllegalArgumentException("device.driftNu must be finite and >= 0: " + driftNu);
        }
        if (!(driftNuSigma >= 0) || Double.isInfinite(driftNuSigma)) {
            throw new IllegalArgumentException("device.driftNuSigma must be finite and >= 0: " + driftNuSigma);
        }
        if (!(driftT0S > 0) || Double.isInfinite(driftT0S)) {
            throw new IllegalArgumentException("device.driftT0S must be positive and finite: " + driftT0S);
        }
        if (!(readTimeS >= driftT0S) || Double.isInfinite(readTimeS)) {
            throw new IllegalArgumentException("device.readTimeS must be finite and >= driftT0S = " + driftT0S
                    + ": " + readTimeS);
        }
    }

    private static void unit(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1]: " + v);
        }
    }

    @JsonCreator
    static DeviceConfig fromConfig(@JsonProperty("programmingSigma") Double programmingSigma,
                                   @JsonProperty("readNoise") Double readNoise,
                                   @JsonProperty("readNoiseMode") ReadNoiseMode readNoiseMode,
                                   @JsonProperty("stuckOffRate") Double stuckOffRate,
                                   @JsonProperty("stuckOnRate") Double stuckOnRate,
                                   @JsonProperty("driftNu") Double driftNu,
                                   @JsonProperty("driftNuSigma") Double driftNuSigma,
                                   @JsonProperty("driftT0S") Double driftT0S,
                                   @JsonProperty("readTimeS") Double readTimeS) {
        double t0 = driftT0S == null ? 1 : driftT0S;
        return new DeviceConfig(orZero(programmingSigma), orZero(readNoise),
                readNoiseMode == null ? ReadNoiseMode.PROPORTIONAL : readNoiseMode, orZero(stuckOffRate),
                orZero(stuckOnRate), orZero(driftNu), orZero(driftNuSigma), t0, readTimeS == null ? t0 : readTimeS);
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }

    /** No non-idealities. */
    public static DeviceConfig ideal() {
        return new DeviceConfig(0, 0, ReadNoiseMode.PROPORTIONAL, 0, 0, 0, 0, 1, 1);
    }

    /** This configuration with read noise of this sigma and mode. */
    public DeviceConfig withReadNoise(double readNoise, ReadNoiseMode mode) {
        return new DeviceConfig(programmingSigma, readNoise, mode, stuckOffRate, stuckOnRate, driftNu, driftNuSigma,
                driftT0S, readTimeS);
    }

    /** This configuration with programming variation. */
    public DeviceConfig withProgrammingSigma(double programmingSigma) {
        return new DeviceConfig(programmingSigma, readNoise, readNoiseMode, stuckOffRate, stuckOnRate, driftNu,
                driftNuSigma, driftT0S, readTimeS);
    }

    /** This configuration with stuck-at faults. */
    public DeviceConfig withStuckAt(double stuckOffRate, double stuckOnRate) {
        return new DeviceConfig(programmingSigma, readNoise, readNoiseMode, stuckOffRate, stuckOnRate, driftNu,
                driftNuSigma, driftT0S, readTimeS);
    }

    /** This configuration with drift, read at {@code readTimeS}. */
    public DeviceConfig withDrift(double driftNu, double driftNuSigma, double driftT0S, double readTimeS) {
        return new DeviceConfig(programmingSigma, readNoise, readNoiseMode, stuckOffRate, stuckOnRate, driftNu,
                driftNuSigma, driftT0S, readTimeS);
    }

    /** True if programming leaves conductances exactly at their targets. */
    public boolean programsExactly() {
        return programmingSigma == 0 && stuckOffRate == 0 && stuckOnRate == 0 && driftNu == 0 && driftNuSigma == 0;
    }
}
