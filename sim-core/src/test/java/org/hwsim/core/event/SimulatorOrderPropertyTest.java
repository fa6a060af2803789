package org.hwsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Named;

/**
 * The simulator's total order, as a property: whatever events are scheduled (some of them from
 * handlers while the run is going on), they fire in the order of a reference discrete-event loop
 * that always fires the pending event least in (time, priority, scheduling order), the order
 * CloudSim Plus's {@code CloudSimEvent.compareTo} defines with (time, tag, serial). Checked over
 * every event-queue implementation.
 */
class SimulatorOrderPropertyTest {

    /**
     * One event: when (relative to the time its parent fires, or to 0), its priority, and an optional
     * child it schedules when it fires.
     */
    record Spec(long delayPs, int priority, Spec child) {
    }

    @Provide
    Arbitrary<List<Spec>> schedules() {
        Arbitrary<Integer> priority = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 3),
                Arbitraries.of(Simulator.MIN_PRIORITY, Simulator.MIN_PRIORITY + 1, Simulator.MAX_PRIORITY - 1, Simulator.MAX_PRIORITY));
        Arbitrary<Long> delay = Arbitraries.longs().between(0, 20);
        Arbitrary<Spec> leaf = Combinators.combine(delay, priority).as((d, p) -> new Spec(d, p, null));
        Arbitrary<Spec> parent = Combinators.combine(delay, priority, leaf.injectNull(0.5)).as(Spec::new);
        return parent.list().ofMaxSize(60);
    }

    /** A pending event of the reference loop. */
    record Pending(long timePs, int priority, long sequence, String name, Spec spec) {
    }

    /**
     * The reference: a discrete-event loop over a {@link TreeSet} ordered by (time, priority,
     * sequence), where firing an event schedules its child with the next sequence number.
     */
    static List<String> referenceOrder(List<Spec> specs) {
        TreeSet<Pending> pending = new TreeSet<>(Comparator.comparingLong(Pending::timePs)
                .thenComparingInt(Pending::priority).thenComparingLong(Pending::sequence));
        long sequence = 0;
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            pending.add(new Pending(s.delayPs(), s.priority(), sequence++, "e" + i, s));
        }
        List<String> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Pending e = pending.pollFirst();
            order.add(e.name());
            Spec child = e.spec().child();
            if (child != null) {
                pending.add(new Pending(e.timePs() + child.delayPs(), child.priority(), sequence++, e.name() + ".child", child));
            }
        }
        return order;
    }

    @Property(tries = 300)
    void eventsFireInTimePriorityInsertionOrder(@ForAll("schedules") List<Spec> specs) {
        List<String> expected = referenceOrder(specs);
        for (Named<Supplier<EventQueue>> queue : EventQueueContractTest.queues().toList()) {
            Simulator sim = Simulator.create(1, queue.getPayload().get());
            List<String> fired = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                schedule(sim, specs.get(i), "e" + i, fired);
            }
            sim.run();
            assertEquals(expected, fired, queue.getName());
            assertEquals(expected.size(), sim.eventsFired());
        }
    }

    private static void schedule(Simulator sim, Spec spec, String name, List<String> fired) {
        long timePs = sim.nowPs() + spec.delayPs();
        sim.schedule(spec.delayPs(), spec.priority(), arg -> {
            assertEquals(timePs, sim.nowPs());
            fired.add(name);
            if (spec.child() != null) {
                schedule(sim, spec.child(), name + ".child", fired);
            }
        }, 0);
    }
}
