package org.hwsim.core.event;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The executable specification the contract test checks every {@link EventQueue} against: a
 * {@link TreeSet} of immutable records ordered by (time, order key), with cancellation by handle.
 * Obviously correct and slow; nothing in it is shared with the implementations under test.
 */
final class ReferenceEventQueue {
    /** One event as the reference sees it; {@code handle} is the one the queue under test returned. */
    record Event(long timePs, long orderKey, EventHandler handler, long arg, long handle) {
    }

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong(Event::timePs).thenComparingLong(Event::orderKey);

    private final TreeSet<Event> pending = new TreeSet<>(ORDER);
    private final Map<Long, Event> pendingByHandle = new HashMap<>();

    void push(Event e) {
        if (pendingByHandle.put(e.handle(), e) != null) {
            throw new AssertionError("queue returned handle " + e.handle() + " of an event that is still pending");
        }
        pending.add(e);
    }

    /** Removes and returns the first event, or null. */
    Event poll() {
        Event e = pending.pollFirst();
        if (e != null) {
            pendingByHandle.remove(e.handle());
        }
        return e;
    }

    boolean cancel(long handle) {
        Event e = pendingByHandle.remove(handle);
        if (e == null) {
            return false;
        }
        pending.remove(e);
        return true;
    }

    long peekTimePs() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.first().timePs();
    }

    int size() {
        return pending.size();
    }
}
