package org.hwsim.core.config;

/**
 * A test record in the style the design asks of configuration records: immutable, validated in its
 * compact constructor, naming the bad value ("adcBits must be in [1, 16]: 23").
 */
record AdcSpec(int adcBits, double fullScaleV, String name) {
    AdcSpec {
        if (adcBits < 1 || adcBits > 16) {
            throw new IllegalArgumentException("adcBits must be in [1, 16]: " + adcBits);
        }
        if (!(fullScaleV > 0) || Double.isInfinite(fullScaleV)) {
            throw new IllegalArgumentException("fullScaleV must be finite and > 0: " + fullScaleV);
        }
        if (name == null) {
            throw new IllegalArgumentException("name must be present");
        }
    }
}
