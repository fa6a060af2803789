package org.hwsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link EventQueue}, run over every implementation in {@link #queues()} (in the
 * manner of JCTools' {@code QueueSanityTest}). Randomised interleavings against a reference are in
 * {@link EventQueueContractPropertyTest}, which uses the same list.
 */
class EventQueueContractTest {

    /**
     * Every implementation under test. To add one, add a line; the examples here and the jqwik
     * properties then run over it too.
     */
    static Stream<Named<Supplier<EventQueue>>> queues() {
        return Stream.of(
                Named.of("heap4 (EventQueue.quaternaryHeap())", EventQueue::quaternaryHeap),
                // the smallest capacity, so that a few dozen events already exercise array growth
                Named.of("heap4 (initial capacity 16)", () -> new QuaternaryHeapEventQueue(1)),
                Named.of("calendar (EventQueue.calendar())", EventQueue::calendar));
    }

    /** A handler that is only compared by identity. */
    record Tag(String name) implements EventHandler {
        @Override
        public void handle(long arg) {
        }

        @Override
        public String componentPath() {
            return "test/" + name;
        }
    }

    private static final EventHandler A = new Tag("a");

    @ParameterizedTest
    @MethodSource("queues")
    void emptyQueue(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        assertEquals(0, q.size());
        assertEquals(Long.MAX_VALUE, q.peekTimePs());
        assertFalse(q.pollFirst());
        assertFalse(q.cancel(0L));
        assertFalse(q.cancel(-1L));
        assertFalse(q.cancel(Long.MAX_VALUE));
        assertNotNull(q.id());
        assertFalse(q.id().isBlank());
    }

    @ParameterizedTest
    @MethodSource("queues")
    void pollExposesEveryFieldOfTheFirstEvent(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        Tag b = new Tag("b");
        q.push(20, 1, A, 111);
        q.push(10, 7, b, -222);
        assertEquals(10, q.peekTimePs());
        assertTrue(q.pollFirst());
        assertEquals(10, q.firstTimePs());
        assertEquals(7, q.firstOrderKey());
        assertSame(b, q.firstHandler());
        assertEquals(-222, q.firstArg());
        assertTrue(q.pollFirst());
        assertEquals(20, q.firstTimePs());
        assertEquals(1, q.firstOrderKey());
        assertSame(A, q.firstHandler());
        assertEquals(111, q.firstArg());
        assertFalse(q.pollFirst());
    }

    /** Equal times are ordered by order key, compared as signed longs, whatever the insertion order. */
    @ParameterizedTest
    @MethodSource("queues")
    void equalTimesPopInOrderKeyOrder(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        List<Long> keys = new ArrayList<>();
        for (long k = -50; k < 50; k++) {
            keys.add(k * 0x0001_0000_0000_0000L + (k & 0xff)); // spans negative and positive keys
        }
        keys.add(Long.MIN_VALUE);
        keys.add(Long.MAX_VALUE);
        List<Long> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new java.util.Random(1));
        for (long k : shuffled) {
            q.push(5, k, A, k);
        }
        Collections.sort(keys);
        for (long k : keys) {
            assertTrue(q.pollFirst());
            assertEquals(5, q.firstTimePs());
            assertEquals(k, q.firstOrderKey());
            assertEquals(k, q.firstArg());
        }
        assertFalse(q.pollFirst());
    }

    /**
     * A clocked model: thousands of events share each of a few instants, and every fired event
     * schedules one a whole number of cycles later. Checked against a sorted reference of
     * (time, key); large same-time bursts exercise the calendar's day sort.
     */
    @ParameterizedTest
    @MethodSource("queues")
    void clockedBurstsFireInTimeThenKeyOrder(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        java.util.TreeSet<long[]> reference = new java.util.TreeSet<>(
                (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        long key = 0;
        for (int i = 0; i < 20_000; i++) {
            long t = 1_000L * (1 + rng.nextInt(4));
            // keys in scrambled order within an instant, as when several components schedule
            long k = (key++ * 7919) % 1_000_003;
            q.push(t, k, A, k);
            reference.add(new long[] {t, k});
        }
        for (int fired = 0; fired < 60_000; fired++) {
            assertTrue(q.pollFirst());
            long[] expected = reference.pollFirst();
            assertEquals(expected[0], q.firstTimePs(), "time of event " + fired);
            assertEquals(expected[1], q.firstOrderKey(), "key of event " + fired);
            long t = q.firstTimePs() + 1_000L * (1 + rng.nextInt(4));
            long k = 1_000_003 + key++;
            q.push(t, k, A, k);
            reference.add(new long[] {t, k});
        }
        assertEquals(reference.size(), q.size());
    }

    /** First in, first out among equal times when keys increase with insertion (as the simulator's sequence does). */
    @ParameterizedTest
    @MethodSource("queues")
    void fifoAmongEqualTimeAndPriority(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        for (int i = 0; i < 500; i++) {
            q.push(i % 3 == 0 ? 100 : 200, i, A, i);
        }
        List<Long> order = drainArgs(q);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 500; i += 3) {
            expected.add(i);
        }
        for (long i = 0; i < 500; i++) {
            if (i % 3 != 0) {
                expected.add(i);
            }
        }
        assertEquals(expected, order);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void cancelReturnsTrueOnceThenFalse(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        long h1 = q.push(10, 1, A, 1);
        long h2 = q.push(20, 2, A, 2);
        assertEquals(2, q.size());
        assertTrue(q.cancel(h1));
        assertEquals(1, q.size());
        assertFalse(q.cancel(h1));
        assertEquals(1, q.size());
        assertEquals(20, q.peekTimePs());
        assertEquals(List.of(2L), drainArgs(q));
        assertFalse(q.cancel(h2), "already fired");
        assertFalse(q.cancel(h1), "cancelled long ago");
    }

    @ParameterizedTest
    @MethodSource("queues")
    void cancellingAFiredEventReturnsFalseAndRemovesNothing(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        long fired = q.push(1, 1, A, 1);
        assertTrue(q.pollFirst());
        q.push(2, 2, A, 2); // reschedule from the handler: reuses the fired event's storage
        q.push(3, 3, A, 3);
        assertFalse(q.cancel(fired));
        assertEquals(2, q.size());
        assertEquals(List.of(2L, 3L), drainArgs(q));
    }

    /** While an event fires (after pollFirst, before the next change) it can no longer be cancelled. */
    @ParameterizedTest
    @MethodSource("queues")
    void cancellingTheEventThatIsFiringReturnsFalse(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        long firing = q.push(1, 1, A, 1);
        q.push(2, 2, A, 2);
        assertTrue(q.pollFirst());
        assertEquals(1, q.size());
        assertFalse(q.cancel(firing));
        assertEquals(1, q.size());
        assertEquals(List.of(2L), drainArgs(q));
    }

    @ParameterizedTest
    @MethodSource("queues")
    void sizeCountsPendingEventsOnly(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        long[] h = new long[5];
        for (int i = 0; i < 5; i++) {
            h[i] = q.push(i, i, A, i);
            assertEquals(i + 1, q.size());
        }
        assertTrue(q.cancel(h[3]));
        assertEquals(4, q.size());
        assertTrue(q.pollFirst()); // event 0 is firing: no longer pending
        assertEquals(3, q.size());
        q.push(10, 10, A, 10); // replaces the top
        assertEquals(4, q.size());
        assertEquals(1, q.peekTimePs());
        assertEquals(4, q.size());
        assertTrue(q.cancel(h[1]));
        assertEquals(3, q.size());
        assertEquals(List.of(2L, 4L, 10L), drainArgs(q));
        assertEquals(0, q.size());
    }

    @ParameterizedTest
    @MethodSource("queues")
    void peekSkipsCancelledEvents(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        long h1 = q.push(1, 1, A, 1);
        long h2 = q.push(2, 2, A, 2);
        q.push(3, 3, A, 3);
        assertTrue(q.cancel(h1));
        assertTrue(q.cancel(h2));
        assertEquals(3, q.peekTimePs());
        assertEquals(1, q.size());
        assertTrue(q.cancel(q.push(0, 0, A, 0)));
        assertEquals(3, q.peekTimePs());
        assertEquals(List.of(3L), drainArgs(q));
        assertEquals(Long.MAX_VALUE, q.peekTimePs());
    }

    /** Extreme times, including Long.MAX_VALUE (which peekTimePs cannot tell from "empty", but size and poll can). */
    @ParameterizedTest
    @MethodSource("queues")
    void extremeTimes(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        q.push(Long.MAX_VALUE, 0, A, 3);
        q.push(0, 0, A, 1);
        q.push(Long.MAX_VALUE - 1, 0, A, 2);
        assertEquals(List.of(1L, 2L, 3L), drainArgs(q));
        q.push(Long.MAX_VALUE, 0, A, 4);
        assertEquals(1, q.size());
        assertEquals(Long.MAX_VALUE, q.peekTimePs());
        assertTrue(q.pollFirst());
        assertEquals(Long.MAX_VALUE, q.firstTimePs());
    }

    /**
     * The hold model (Jones, CACM 1986) drives the replace-top path: poll the first event, then push
     * its successor at a later time. 2,000 pending events, 20,000 holds, checked against the reference.
     */
    @ParameterizedTest
    @MethodSource("queues")
    void replaceTopUnderTheHoldModel(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        ReferenceEventQueue ref = new ReferenceEventQueue();
        SplittableRandom rnd = new SplittableRandom(42);
        long seq = 0;
        for (int i = 0; i < 2_000; i++) {
            push(q, ref, rnd.nextLong(1_000), seq++, i);
        }
        for (int i = 0; i < 20_000; i++) {
            ReferenceEventQueue.Event expected = ref.poll();
            assertPolled(q, expected);
            // a small increment makes many ties with pending events
            push(q, ref, expected.timePs() + rnd.nextLong(3) * rnd.nextLong(500), seq++, expected.arg());
            assertEquals(ref.size(), q.size());
        }
        drainAndCompare(q, ref);
    }

    /**
     * More than 1,024 cancelled events that outnumber the live ones make the heap compact itself;
     * order, size and the handles of the survivors must be unaffected.
     */
    @ParameterizedTest
    @MethodSource("queues")
    void massCancellationKeepsOrderSizeAndHandles(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        ReferenceEventQueue ref = new ReferenceEventQueue();
        SplittableRandom rnd = new SplittableRandom(7);
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            handles.add(push(q, ref, rnd.nextLong(10_000), i, i));
        }
        Collections.shuffle(handles, new java.util.Random(7));
        List<Long> cancelled = handles.subList(0, 4_000);
        for (long h : cancelled) {
            assertEquals(ref.cancel(h), q.cancel(h));
            assertEquals(ref.size(), q.size());
        }
        for (long h : cancelled) {
            assertFalse(q.cancel(h), "cancelled twice, across a compaction");
        }
        // the survivors' handles still work after compaction: cancel 100 of them
        for (long h : handles.subList(4_000, 4_100)) {
            assertTrue(ref.cancel(h));
            assertTrue(q.cancel(h));
        }
        assertEquals(900, q.size());
        for (int i = 0; i < 1_000; i++) {
            push(q, ref, rnd.nextLong(10_000), 5_000 + i, 5_000 + i);
        }
        drainAndCompare(q, ref);
    }

    /** Compaction triggered while an event is firing, followed by the handler rescheduling itself. */
    @ParameterizedTest
    @MethodSource("queues")
    void massCancellationWhileAnEventFires(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        ReferenceEventQueue ref = new ReferenceEventQueue();
        SplittableRandom rnd = new SplittableRandom(11);
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            handles.add(push(q, ref, 1 + rnd.nextLong(10_000), i, i));
        }
        long firingHandle = push(q, ref, 0, 9_999, -1);
        ReferenceEventQueue.Event firing = ref.poll();
        assertPolled(q, firing);
        for (long h : handles.subList(0, 3_000)) {
            assertTrue(ref.cancel(h));
            assertTrue(q.cancel(h));
        }
        assertFalse(q.cancel(firingHandle));
        assertEquals(1_000, q.size());
        push(q, ref, 5_000, 10_000, -2); // the firing handler reschedules itself
        assertFalse(q.cancel(firingHandle));
        drainAndCompare(q, ref);
    }

    @ParameterizedTest
    @MethodSource("queues")
    void growsFarBeyondItsInitialCapacity(Supplier<EventQueue> factory) {
        EventQueue q = factory.get();
        ReferenceEventQueue ref = new ReferenceEventQueue();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            push(q, ref, rnd.nextLong(1L << 40), i, i);
        }
        assertEquals(20_000, q.size());
        drainAndCompare(q, ref);
    }

    // ---- helpers shared with the properties ----

    static long push(EventQueue q, ReferenceEventQueue ref, long timePs, long orderKey, long arg) {
        Tag handler = new Tag("e" + arg);
        long handle = q.push(timePs, orderKey, handler, arg);
        ref.push(new ReferenceEventQueue.Event(timePs, orderKey, handler, arg, handle));
        return handle;
    }

    static void assertPolled(EventQueue q, ReferenceEventQueue.Event expected) {
        if (expected == null) {
            assertFalse(q.pollFirst(), "queue should be empty");
            return;
        }
        assertTrue(q.pollFirst(), () -> "queue is empty, expected " + expected);
        assertEquals(expected.timePs(), q.firstTimePs(), () -> "time of " + expected);
        assertEquals(expected.orderKey(), q.firstOrderKey(), () -> "order key of " + expected);
        assertSame(expected.handler(), q.firstHandler(), () -> "handler of " + expected);
        assertEquals(expected.arg(), q.firstArg(), () -> "arg of " + expected);
    }

    static void drainAndCompare(EventQueue q, ReferenceEventQueue ref) {
        while (ref.size() > 0) {
            assertEquals(ref.size(), q.size());
            assertEquals(ref.peekTimePs(), q.peekTimePs());
            assertPolled(q, ref.poll());
        }
        assertPolled(q, null);
        assertEquals(0, q.size());
        assertEquals(Long.MAX_VALUE, q.peekTimePs());
    }

    private static List<Long> drainArgs(EventQueue q) {
        List<Long> args = new ArrayList<>();
        while (q.pollFirst()) {
            args.add(q.firstArg());
        }
        return args;
    }
}
