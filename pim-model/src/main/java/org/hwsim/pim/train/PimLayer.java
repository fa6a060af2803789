package org.hwsim.pim.train;

/** A running DL4J layer whose product goes through a {@link PimEngine}. */
interface PimLayer {
    /** The layer's PIM product. */
    PimEngine engine();
}
