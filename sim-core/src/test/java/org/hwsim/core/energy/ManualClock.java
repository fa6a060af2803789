package org.hwsim.core.energy;

import java.util.function.LongSupplier;

/** A simulated clock the test moves by hand, in picoseconds. */
final class ManualClock implements LongSupplier {
    private long nowPs;

    @Override
    public long getAsLong() {
        return nowPs;
    }

    void advance(long ps) {
        nowPs += ps;
    }

    void set(long ps) {
        nowPs = ps;
    }
}
