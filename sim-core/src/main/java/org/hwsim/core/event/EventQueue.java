package org.hwsim.core.event;

/**
 * A pending-event set ordered by (time, order key), where the order key packs the priority and
 * the insertion sequence so that the order is total and first-in-first-out among equals.
 *
 * <p>The contract is shaped for an allocation-free hold loop: {@link #pollFirst()} removes the
 * first event but may defer the physical removal so that the next {@link #push} can replace the
 * top in place. The first event's fields are readable through the {@code first*} accessors after
 * {@link #pollFirst()} returns {@code true}, until the queue is next modified.
 *
 * <p>Implementations are not thread-safe; one queue belongs to one {@link Simulator}.
 * Every implementation passes the same contract test.
 */
public interface EventQueue {

    /**
     * Adds an event.
     *
     * @param timePs   the event's time in picoseconds
     * @param orderKey tie-breaker among equal times, unique per event; smaller fires first
     * @param handler  what to run, not null
     * @param arg      passed to the handler
     * @return a handle for {@link #cancel(long)}; unique among the events pending at the same time
     */
    long push(long timePs, long orderKey, EventHandler handler, long arg);

    /**
     * Removes a pending event.
     *
     * @return {@code true} if the event was pending and is now removed; {@code false} if it had
     *     already fired, was already cancelled or the handle is unknown
     */
    boolean cancel(long handle);

    /**
     * Removes the first event and exposes it through {@link #firstTimePs()},
     * {@link #firstOrderKey()}, {@link #firstHandler()} and {@link #firstArg()}.
     *
     * @return {@code false} if the queue was empty
     */
    boolean pollFirst();

    /** Time of the event last returned by {@link #pollFirst()}. */
    long firstTimePs();

    /** Order key of the event last returned by {@link #pollFirst()}. */
    long firstOrderKey();

    /** Handler of the event last returned by {@link #pollFirst()}. */
    EventHandler firstHandler();

    /** Argument of the event last returned by {@link #pollFirst()}. */
    long firstArg();

    /** Time of the earliest pending event, or {@link Long#MAX_VALUE} if none is pending. */
    long peekTimePs();

    /** Number of pending (not fired, not cancelled) events. */
    int size();

    /** A stable id of the implementation, e.g. {@code "heap4"}. */
    String id();

    /** Stable ids of the built-in implementations, for configs and the command line. */
    java.util.List<String> IDS = java.util.List.of("calendar", "heap4");

    /**
     * A new, empty event queue by its stable id ({@link #IDS}).
     *
     * @throws IllegalArgumentException naming the id and the known ids if it is unknown
     */
    static EventQueue byId(String id) {
        if ("calendar".equals(id)) {
            return calendar();
        }
        if ("heap4".equals(id)) {
            return quaternaryHeap();
        }
        throw new IllegalArgumentException("unknown event queue '" + id + "'; known: " + IDS);
    }

    /** A 4-ary min-heap over primitive arrays: O(log n), insensitive to the time distribution. */
    static EventQueue quaternaryHeap() {
        return new QuaternaryHeapEventQueue(1024);
    }

    /**
     * A calendar queue over primitive arrays (the default): O(1) expected per event, adapting its
     * day width and ring size to the pending events; about 2x {@code java.util.PriorityQueue} with
     * 1,000 pending events and 5x with 1,000,000 under the hold model (see EventQueueBench).
     */
    static EventQueue calendar() {
        return new CalendarEventQueue();
    }
}
