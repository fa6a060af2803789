package org.hwsim.core.event;

import static org.hwsim.core.event.EventQueueContractTest.assertPolled;
import static org.hwsim.core.event.EventQueueContractTest.drainAndCompare;
import static org.hwsim.core.event.EventQueueContractTest.push;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Named;

/**
 * Random interleavings of push, poll, cancel and peek on every {@link EventQueue} implementation
 * (the list in {@link EventQueueContractTest#queues()}), checked after every operation against
 * {@link ReferenceEventQueue}: the same event pops, with the same fields; cancel answers the same;
 * size and peek agree. Order keys are built like the simulator's, {@code priority << 48 | sequence},
 * with negative and positive priorities, and times come from a small range so ties are common.
 */
class EventQueueContractPropertyTest {

    sealed interface Op permits Push, Poll, Cancel, Peek {
    }

    record Push(long timePs, int priority) implements Op {
    }

    record Poll() implements Op {
    }

    /** Cancels the handle at {@code index} modulo the number of handles issued so far (pending, fired or cancelled). */
    record Cancel(int index) implements Op {
    }

    record Peek() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> push = Combinators.combine(Arbitraries.longs().between(0, 30), Arbitraries.integers().between(-2, 2))
                .as((t, p) -> (Op) new Push(t, p));
        Arbitrary<Op> poll = Arbitraries.just((Op) new Poll());
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 10_000).map(i -> (Op) new Cancel(i));
        Arbitrary<Op> peek = Arbitraries.just((Op) new Peek());
        return Arbitraries.frequencyOf(Tuple.of(6, push), Tuple.of(3, poll), Tuple.of(3, cancel), Tuple.of(1, peek))
                .list().ofMaxSize(400);
    }

    @Property(tries = 500)
    void everyImplementationMatchesTheReference(@ForAll("operations") List<Op> operations) {
        forEachQueue(q -> replay(q, operations));
    }

    private static void replay(EventQueue q, List<Op> operations) {
        ReferenceEventQueue ref = new ReferenceEventQueue();
        List<Long> handles = new ArrayList<>();
        long sequence = 0;
        for (Op op : operations) {
            if (op instanceof Push p) {
                long orderKey = ((long) p.priority() << 48) | sequence;
                handles.add(push(q, ref, p.timePs(), orderKey, sequence));
                sequence++;
            } else if (op instanceof Poll) {
                assertPolled(q, ref.poll());
            } else if (op instanceof Cancel c && !handles.isEmpty()) {
                long handle = handles.get(c.index() % handles.size());
                assertEquals(ref.cancel(handle), q.cancel(handle), () -> "cancel(" + handle + ")");
            } else if (op instanceof Peek) {
                assertEquals(ref.peekTimePs(), q.peekTimePs());
            }
            assertEquals(ref.size(), q.size(), () -> "size after " + op);
        }
        drainAndCompare(q, ref);
    }

    /**
     * Long seeded runs in phases (fill, cancel most, hold, drain) so that the heap's compaction
     * (more than 1,024 cancelled entries outnumbering live ones) happens several times per run,
     * sometimes while an event is firing.
     */
    @Property(tries = 12)
    void everyImplementationMatchesTheReferenceThroughCompactions(@ForAll long seed) {
        forEachQueue(q -> longRun(q, new SplittableRandom(seed)));
    }

    private static void longRun(EventQueue q, SplittableRandom rnd) {
        ReferenceEventQueue ref = new ReferenceEventQueue();
        List<Long> handles = new ArrayList<>();
        long sequence = 0;
        long nowPs = 0;
        // weights of push, poll, cancel per phase
        int[][] phases = {{10, 1, 1}, {1, 1, 10}, {3, 3, 1}, {8, 1, 2}, {1, 2, 12}, {1, 10, 1}, {5, 5, 5}};
        for (int round = 0; round < 2; round++) {
            for (int[] w : phases) {
                int total = w[0] + w[1] + w[2];
                for (int i = 0; i < 2_500; i++) {
                    int pick = rnd.nextInt(total);
                    if (pick < w[0]) {
                        long timePs = nowPs + (rnd.nextBoolean() ? rnd.nextLong(4) : rnd.nextLong(10_000));
                        long orderKey = ((long) (rnd.nextInt(5) - 2) << 48) | sequence;
                        handles.add(push(q, ref, timePs, orderKey, sequence++));
                    } else if (pick < w[0] + w[1]) {
                        ReferenceEventQueue.Event e = ref.poll();
                        assertPolled(q, e);
                        if (e != null) {
                            nowPs = e.timePs();
                        }
                    } else if (!handles.isEmpty()) {
                        // prefer recent handles, which are more likely to be pending
                        int n = handles.size();
                        long handle = handles.get(n - 1 - rnd.nextInt(Math.min(n, 6_000)));
                        assertEquals(ref.cancel(handle), q.cancel(handle));
                    }
                    assertEquals(ref.size(), q.size());
                }
            }
        }
        drainAndCompare(q, ref);
    }

    private static void forEachQueue(java.util.function.Consumer<EventQueue> check) {
        for (Named<Supplier<EventQueue>> named : EventQueueContractTest.queues().toList()) {
            try {
                check.accept(named.getPayload().get());
            } catch (AssertionError e) {
                throw new AssertionError(named.getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
