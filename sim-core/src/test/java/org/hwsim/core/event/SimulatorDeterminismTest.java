package org.hwsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.energy.EnergyComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism of a run: the same master seed gives the same event history (checked through
 * {@link Simulator#historyHash()}, the clock, the event count and the energy total) whatever the
 * order random streams are created in, whatever event-queue implementation is used, and whether
 * other simulators run at the same time on other threads; a different seed gives a different run.
 *
 * <p>The workload is the hold model (Jones, "An empirical comparison of priority-queue and
 * event-set implementations", CACM 29(4), 1986): each of 64 entities, on firing, draws an
 * exponential delay (mean 1 ns, rounded to whole ps, so ties are common) and a priority in
 * {-1, 0, 1} from its own named streams and reschedules itself, charging one action and holding a
 * static power state in the energy ledger.
 */
class SimulatorDeterminismTest {

    record Result(long historyHash, long nowPs, long eventsFired, double totalPj) {
    }

    static final int ENTITIES = 64;
    static final int EVENTS = 20_000;

    static final class Entity implements EventHandler {
        private final Simulator sim;
        private final String path;
        private ContinuousSampler delayPs;
        private UniformRandomProvider priorities;
        private EnergyComponent energy;
        private int holdAction;

        Entity(Simulator sim, int index) {
            this.sim = sim;
            this.path = "hold/entity" + index;
        }

        void createStreams() {
            delayPs = ZigguratSampler.Exponential.of(sim.random().stream(path + "/delay"), 1000.0);
            priorities = sim.random().stream(path + "/priority");
            energy = sim.energy().component(path);
            holdAction = energy.defineAction("hold", 1.5);
            energy.definePowerState("active", 2.0);
            energy.enterPowerState("active");
        }

        @Override
        public void handle(long arg) {
            energy.record(holdAction, 1);
            if (sim.eventsFired() >= EVENTS) {
                sim.stop();
                return;
            }
            sim.schedule(Math.round(delayPs.sample()), priorities.nextInt(3) - 1, this, arg + 1);
        }

        @Override
        public String componentPath() {
            return path;
        }
    }

    /**
     * Runs the hold model.
     *
     * @param reverseStreamCreation create the entities' streams in reverse order, after drawing
     *     from an unrelated stream, to show that neither changes the run
     */
    static Result holdModel(long seed, Supplier<EventQueue> queue, boolean reverseStreamCreation) {
        Simulator sim = Simulator.create(seed, queue.get());
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < ENTITIES; i++) {
            entities.add(new Entity(sim, i));
        }
        if (reverseStreamCreation) {
            sim.random().stream("unrelated/noise").nextLong();
            for (int i = ENTITIES - 1; i >= 0; i--) {
                entities.get(i).createStreams();
            }
        } else {
            entities.forEach(Entity::createStreams);
        }
        for (Entity e : entities) {
            sim.schedule(0, e, 0);
        }
        sim.run();
        sim.energy().settle();
        return new Result(sim.historyHash(), sim.nowPs(), sim.eventsFired(), sim.energy().totalPj());
    }

    static Result holdModel(long seed) {
        return holdModel(seed, EventQueue::quaternaryHeap, false);
    }

    @Test
    void sameSeedSameRun() {
        Result first = holdModel(42);
        assertEquals(EVENTS, first.eventsFired());
        assertEquals(first, holdModel(42));
    }

    /**
     * A sanity check of the workload against renewal theory: after the 64 start events at time 0,
     * the remaining {@code N - K} events arrive at rate {@code K / mean}, so the clock reads about
     * {@code (N - K) * 1000 ps / K} = 311,500 ps, with a standard deviation of about
     * {@code 1000 ps * sqrt(N) / K} = 2,210 ps. Tolerance: 5 standard deviations.
     */
    @Test
    void holdModelAdvancesAtTheRenewalRate() {
        double expectedPs = (EVENTS - ENTITIES) * 1000.0 / ENTITIES;
        double sdPs = 1000.0 * Math.sqrt(EVENTS) / ENTITIES;
        for (long seed : new long[] {42, 7}) {
            assertEquals(expectedPs, holdModel(seed).nowPs(), 5 * sdPs, "seed " + seed);
        }
    }

    @Test
    void differentSeedDifferentRun() {
        Result a = holdModel(42);
        Result b = holdModel(43);
        assertNotEquals(a.historyHash(), b.historyHash());
        assertNotEquals(a.nowPs(), b.nowPs());
    }

    @Test
    void streamCreationOrderAndOtherStreamsDoNotChangeTheRun() {
        assertEquals(holdModel(42), holdModel(42, EventQueue::quaternaryHeap, true));
    }

    @ParameterizedTest
    @MethodSource("org.hwsim.core.event.EventQueueContractTest#queues")
    void everyEventQueueGivesTheSameRun(Supplier<EventQueue> queue) {
        assertEquals(holdModel(42), holdModel(42, queue, false));
    }

    /** Four simulators with two seeds running at once on four threads reproduce their solo runs exactly. */
    @Test
    void concurrentRunsMatchSoloRuns() throws Exception {
        long[] seeds = {42, 7, 42, 7};
        Result solo42 = holdModel(42);
        Result solo7 = holdModel(7);
        ExecutorService pool = Executors.newFixedThreadPool(seeds.length);
        try {
            CyclicBarrier start = new CyclicBarrier(seeds.length); // all four are running before any starts its model
            List<Callable<Result>> tasks = new ArrayList<>();
            for (long seed : seeds) {
                tasks.add(() -> {
                    start.await(30, TimeUnit.SECONDS); // a guard against a hang, not a timing
                    return holdModel(seed);
                });
            }
            List<Future<Result>> results = pool.invokeAll(tasks);
            assertEquals(solo42, results.get(0).get());
            assertEquals(solo7, results.get(1).get());
            assertEquals(solo42, results.get(2).get());
            assertEquals(solo7, results.get(3).get());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Seeded regression oracle (recorded from this implementation, not derived independently): the
     * hold model's run under seed 42. It pins the event order, the named streams, Commons RNG's
     * ziggurat and the history hash together, so an unintended change to any of them shows up. Update
     * it deliberately, with the reason in the commit, when one of them changes on purpose.
     */
    @Test
    void seededRegressionOracle() {
        Result r = holdModel(42);
        assertEquals(ORACLE_HASH, r.historyHash(), "historyHash");
        assertEquals(ORACLE_NOW_PS, r.nowPs(), "nowPs");
    }

    static final long ORACLE_HASH = 7458390900188520305L;
    static final long ORACLE_NOW_PS = 308_462L;
}
