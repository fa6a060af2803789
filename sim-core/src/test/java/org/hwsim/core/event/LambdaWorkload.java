package org.hwsim.core.event;

import java.util.function.LongSupplier;

/**
 * A small run whose handlers are lambdas and method references, for
 * {@link HandlerPathStabilityTest}: it is loaded there through separate class loaders, as another
 * JVM would load it, and must give the same history hash each time. Uses only public API, since a
 * copy loaded by another class loader is in a different runtime package.
 */
public final class LambdaWorkload implements LongSupplier {

    private Simulator sim;

    @Override
    public long getAsLong() {
        sim = Simulator.create(5);
        for (int i = 0; i < 10; i++) {
            long period = i + 1;
            EventHandler tick = arg -> {
                if (arg < 5) {
                    sim.schedule(period, this::onTock, arg + 1);
                }
            };
            sim.schedule(i, tick, 0);
        }
        sim.run();
        return sim.historyHash();
    }

    private void onTock(long arg) {
        if (arg < 3) {
            sim.schedule(2, (EventHandler) x -> { }, arg);
        }
    }
}
