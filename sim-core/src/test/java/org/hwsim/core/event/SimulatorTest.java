package org.hwsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Simulator}: event order (time, priority, insertion sequence), run / runUntil / step /
 * stop, cancellation, and the errors that name the component and the value. Ordering tests run
 * over every event-queue implementation of {@link EventQueueContractTest#queues()}.
 */
class SimulatorTest {

    /** Records "name@time" for every event fired; fails fast if a run loop re-fires events without end. */
    static final class Log {
        static final int RUNAWAY = 10_000;

        final List<String> fired = new ArrayList<>();
        final Simulator sim;

        Log(Simulator sim) {
            this.sim = sim;
        }

        Component component(String name) {
            return new Component(name);
        }

        /** A handler with a component path, as real components are. */
        final class Component implements EventHandler {
            final String name;
            Runnable action = () -> { };

            Component(String name) {
                this.name = name;
            }

            Component then(Runnable r) {
                this.action = r;
                return this;
            }

            @Override
            public void handle(long arg) {
                if (fired.size() >= RUNAWAY) {
                    throw new AssertionError("runaway run loop: more than " + RUNAWAY + " events fired; last " + fired.get(RUNAWAY - 1));
                }
                fired.add(name + "@" + sim.nowPs());
                action.run();
            }

            @Override
            public String componentPath() {
                return "soc/" + name;
            }
        }
    }

    /** A handler that fails the test if it fires more than once. */
    static final class Once implements EventHandler {
        int count;

        @Override
        public void handle(long arg) {
            if (++count > 1) {
                throw new AssertionError("event fired twice");
            }
        }
    }

    // ---- ordering ----

    @ParameterizedTest
    @MethodSource("org.hwsim.core.event.EventQueueContractTest#queues")
    void eventsFireInTimeOrder(Supplier<EventQueue> queue) {
        Simulator sim = Simulator.create(1, queue.get());
        Log log = new Log(sim);
        sim.schedule(30, log.component("c"));
        sim.schedule(10, log.component("a"));
        sim.schedule(20, log.component("b"));
        sim.run();
        assertEquals(List.of("a@10", "b@20", "c@30"), log.fired);
        assertEquals(30, sim.nowPs());
        assertEquals(3, sim.eventsFired());
    }

    /** Lower priority values fire first among equal times, negative ones before zero and positive ones. */
    @ParameterizedTest
    @MethodSource("org.hwsim.core.event.EventQueueContractTest#queues")
    void lowerPriorityFiresFirstAtEqualTimes(Supplier<EventQueue> queue) {
        Simulator sim = Simulator.create(1, queue.get());
        Log log = new Log(sim);
        sim.scheduleAt(5, 0, log.component("p0"), 0);
        sim.scheduleAt(5, 1, log.component("p1"), 0);
        sim.scheduleAt(5, -1, log.component("pm1"), 0);
        sim.scheduleAt(5, Simulator.MAX_PRIORITY, log.component("max"), 0);
        sim.scheduleAt(5, Simulator.MIN_PRIORITY, log.component("min"), 0);
        sim.scheduleAt(4, Simulator.MAX_PRIORITY, log.component("early"), 0);
        sim.run();
        assertEquals(List.of("early@4", "min@5", "pm1@5", "p0@5", "p1@5", "max@5"), log.fired);
    }

    @ParameterizedTest
    @MethodSource("org.hwsim.core.event.EventQueueContractTest#queues")
    void firstInFirstOutAmongEqualTimeAndPriority(Supplier<EventQueue> queue) {
        Simulator sim = Simulator.create(1, queue.get());
        Log log = new Log(sim);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sim.scheduleAt(7, -3, log.component("e" + i), i);
            expected.add("e" + i + "@7");
        }
        sim.run();
        assertEquals(expected, log.fired);
    }

    /**
     * An event scheduled with zero delay from a handler fires at the same time, after the events of
     * equal priority already pending (FIFO) and before those of a larger priority value.
     */
    @ParameterizedTest
    @MethodSource("org.hwsim.core.event.EventQueueContractTest#queues")
    void zeroDelayEventsFromAHandlerKeepTheTotalOrder(Supplier<EventQueue> queue) {
        Simulator sim = Simulator.create(1, queue.get());
        Log log = new Log(sim);
        Log.Component d = log.component("d");
        Log.Component e = log.component("e");
        sim.scheduleAt(10, 0, log.component("a").then(() -> {
            sim.schedule(0, 0, d, 0);
            sim.schedule(0, -1, e, 0);
        }), 0);
        sim.scheduleAt(10, 0, log.component("b"), 0);
        sim.scheduleAt(10, 1, log.component("c"), 0);
        sim.run();
        assertEquals(List.of("a@10", "e@10", "b@10", "d@10", "c@10"), log.fired);
    }

    @Test
    void handlerReceivesItsArgument() {
        Simulator sim = Simulator.create(1);
        List<Long> args = new ArrayList<>();
        EventHandler h = arg -> {
            if (args.size() == 2) {
                throw new AssertionError("fired a third time");
            }
            args.add(arg);
        };
        sim.schedule(1, h, -5L);
        sim.schedule(2, 3, h, Long.MAX_VALUE);
        sim.run();
        assertEquals(List.of(-5L, Long.MAX_VALUE), args);
    }

    // ---- run, runUntil, step, stop ----

    @Test
    void runOnAnEmptySimulatorReturnsAtOnce() {
        Simulator sim = Simulator.create(1);
        sim.run();
        assertEquals(0, sim.nowPs());
        assertEquals(0, sim.eventsFired());
    }

    @Test
    void runFiresEveryEventExactlyOnceAndReturns() {
        Simulator sim = Simulator.create(1);
        Once first = new Once();
        Once last = new Once();
        sim.schedule(10, first);
        sim.schedule(20, last);
        sim.run();
        assertEquals(1, first.count);
        assertEquals(1, last.count);
        assertEquals(20, sim.nowPs(), "run() leaves the clock at the last event, not at the end of time");
        assertEquals(2, sim.eventsFired());
        sim.run(); // nothing left: must not fire anything again
        assertEquals(2, sim.eventsFired());
    }

    @Test
    void runUntilFiresEventsAtExactlyTheEndAndAdvancesTheClock() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        Log.Component atEnd = log.component("atEnd2");
        sim.schedule(5, log.component("a"));
        sim.schedule(10, log.component("atEnd").then(() -> sim.schedule(0, atEnd)));
        sim.schedule(11, log.component("after"));
        sim.runUntil(10);
        assertEquals(List.of("a@5", "atEnd@10", "atEnd2@10"), log.fired);
        assertEquals(10, sim.nowPs());
        assertEquals(1, sim.pendingEvents());
        assertEquals(11, sim.nextEventPs());

        sim.runUntil(10); // again at the same end: nothing to do
        assertEquals(3, sim.eventsFired());

        sim.runUntil(10_000); // fires "after", then advances to the end
        assertEquals(List.of("a@5", "atEnd@10", "atEnd2@10", "after@11"), log.fired);
        assertEquals(10_000, sim.nowPs());
        assertEquals(Long.MAX_VALUE, sim.nextEventPs());
    }

    @Test
    void runUntilOnAnEmptySimulatorAdvancesTheClock() {
        Simulator sim = Simulator.create(1);
        sim.runUntil(1_000);
        assertEquals(1_000, sim.nowPs());
        Once late = new Once();
        sim.schedule(0, late); // scheduling relative to the advanced clock
        assertEquals(1_000, sim.nextEventPs());
        sim.run();
        assertEquals(1, late.count);
    }

    @Test
    void runUntilInThePastThrowsNamingBothTimes() {
        Simulator sim = Simulator.create(1);
        sim.runUntil(500);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.runUntil(499));
        assertMessageContains(e, "499");
        assertMessageContains(e, "500");
    }

    @Test
    void stopEndsRunAfterTheCurrentEvent() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        sim.schedule(10, log.component("a"));
        sim.schedule(20, log.component("stopper").then(sim::stop));
        sim.schedule(20, log.component("sameTime"));
        sim.schedule(30, log.component("later"));
        sim.run();
        assertEquals(List.of("a@10", "stopper@20"), log.fired);
        assertEquals(20, sim.nowPs());
        assertEquals(2, sim.pendingEvents());

        sim.run(); // resumes where it stopped
        assertEquals(List.of("a@10", "stopper@20", "sameTime@20", "later@30"), log.fired);
    }

    @Test
    void stopInRunUntilLeavesTheClockAtTheStoppingEvent() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        sim.schedule(10, log.component("stopper").then(sim::stop));
        sim.schedule(20, log.component("later"));
        sim.runUntil(100);
        assertEquals(10, sim.nowPs());
        sim.runUntil(100);
        assertEquals(List.of("stopper@10", "later@20"), log.fired);
        assertEquals(100, sim.nowPs());
    }

    @Test
    void stepFiresOneEventAtATime() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        assertFalse(sim.step());
        assertEquals(0, sim.nowPs());
        sim.schedule(10, log.component("a"));
        sim.schedule(10, log.component("b"));
        sim.schedule(30, log.component("c"));
        assertTrue(sim.step());
        assertEquals(List.of("a@10"), log.fired);
        assertEquals(10, sim.nowPs());
        assertEquals(2, sim.pendingEvents());
        assertTrue(sim.step());
        assertTrue(sim.step());
        assertEquals(30, sim.nowPs());
        assertFalse(sim.step());
        assertEquals(List.of("a@10", "b@10", "c@30"), log.fired);
        assertEquals(3, sim.eventsFired());
    }

    // ---- cancellation ----

    @Test
    void cancelledEventsDoNotFire() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        long h = sim.schedule(10, log.component("cancelled"));
        sim.schedule(20, log.component("kept"));
        assertEquals(2, sim.pendingEvents());
        assertTrue(sim.cancel(h));
        assertFalse(sim.cancel(h));
        assertEquals(1, sim.pendingEvents());
        sim.run();
        assertEquals(List.of("kept@20"), log.fired);
        assertFalse(sim.cancel(h));
    }

    @Test
    void cancellingAFiredEventReturnsFalse() {
        Simulator sim = Simulator.create(1);
        long h = sim.schedule(10, new Once());
        sim.run();
        assertFalse(sim.cancel(h));
    }

    @Test
    void anEventCannotCancelItselfWhileFiring() {
        Simulator sim = Simulator.create(1);
        long[] self = new long[1];
        boolean[] result = {true};
        Once once = new Once();
        self[0] = sim.schedule(10, arg -> {
            once.handle(arg);
            result[0] = sim.cancel(self[0]);
        });
        sim.run();
        assertFalse(result[0]);
        assertEquals(1, sim.eventsFired());
    }

    @Test
    void aHandlerCanCancelAnotherEventAtTheSameTime() {
        Simulator sim = Simulator.create(1);
        Log log = new Log(sim);
        long victim = sim.scheduleAt(10, 1, log.component("victim"), 0);
        boolean[] result = new boolean[1];
        sim.scheduleAt(10, 0, log.component("killer").then(() -> result[0] = sim.cancel(victim)), 0);
        sim.run();
        assertTrue(result[0]);
        assertEquals(List.of("killer@10"), log.fired);
    }

    // ---- errors name the component and the value ----

    private static final EventHandler CPU = new EventHandler() {
        @Override
        public void handle(long arg) {
        }

        @Override
        public String componentPath() {
            return "jetson/gpu/sm0";
        }
    };

    @Test
    void negativeDelayThrowsNamingComponentAndValue() {
        Simulator sim = Simulator.create(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(-7, CPU));
        assertMessageContains(e, "jetson/gpu/sm0");
        assertMessageContains(e, "-7");
        assertEquals(0, sim.pendingEvents());
    }

    @Test
    void schedulingInThePastThrowsNamingComponentAndTimes() {
        Simulator sim = Simulator.create(1);
        sim.runUntil(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(99, 0, CPU, 0));
        assertMessageContains(e, "jetson/gpu/sm0");
        assertMessageContains(e, "99");
        assertMessageContains(e, "100");
        sim.scheduleAt(100, 0, CPU, 0); // now itself is allowed
        assertEquals(1, sim.pendingEvents());
    }

    @Test
    void delayOverflowingTheTimeRangeThrowsNamingComponentAndValue() {
        Simulator sim = Simulator.create(1);
        sim.runUntil(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(Long.MAX_VALUE, CPU));
        assertMessageContains(e, "jetson/gpu/sm0");
        assertMessageContains(e, String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void nullHandlerThrowsNamingTheTime() {
        Simulator sim = Simulator.create(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(5, null));
        assertMessageContains(e, "null");
        assertMessageContains(e, "5 ps");
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(6, 0, null, 0));
        assertEquals(0, sim.pendingEvents());
    }

    @ParameterizedTest
    @ValueSource(ints = {Simulator.MIN_PRIORITY - 1, Simulator.MAX_PRIORITY + 1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void priorityOutOfRangeThrowsNamingComponentAndValue(int priority) {
        Simulator sim = Simulator.create(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(1, priority, CPU, 0));
        assertMessageContains(e, "jetson/gpu/sm0");
        assertMessageContains(e, String.valueOf(priority));
        assertEquals(0, sim.pendingEvents());
    }

    @Test
    void priorityBoundsAreAccepted() {
        Simulator sim = Simulator.create(1);
        sim.schedule(1, Simulator.MIN_PRIORITY, CPU, 0);
        sim.schedule(1, Simulator.MAX_PRIORITY, CPU, 0);
        assertEquals(2, sim.pendingEvents());
    }

    @Test
    void aSimulatorNeedsAnEmptyQueue() {
        EventQueue q = EventQueue.quaternaryHeap();
        q.push(1, 1, CPU, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulator.create(1, q));
        assertMessageContains(e, "1");
    }

    @Test
    void eventQueuesByStableId() {
        for (String id : EventQueue.IDS) {
            assertEquals(id, EventQueue.byId(id).id());
            assertEquals(id, Simulator.create(1, EventQueue.byId(id)).eventQueueId());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventQueue.byId("splay"));
        assertMessageContains(e, "'splay'");
        assertMessageContains(e, "calendar");
    }

    @Test
    void reportsItsSeedAndQueue() {
        Simulator sim = Simulator.create(1234);
        assertEquals(1234, sim.masterSeed());
        assertEquals(1234, sim.random().masterSeed());
        assertEquals("calendar", sim.eventQueueId());
        assertEquals(0, sim.energy().totalPj());
    }

    static void assertMessageContains(Throwable e, String expected) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected),
                () -> "message should contain '" + expected + "': " + e.getMessage());
    }
}
