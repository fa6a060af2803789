package org.hwsim.core.event;

import java.util.Objects;
import org.hwsim.core.energy.EnergyLedger;
import org.hwsim.core.random.RandomStreams;

/**
 * The discrete-event kernel: owns simulated time (a {@code long} count of picoseconds), the
 * pending-event list, the energy ledger and the named random streams of one run.
 *
 * <p>Events fire in (time, priority, insertion sequence) order: lower priority values first, and
 * first-in-first-out among events with equal time and priority. Nothing depends on hash order or
 * thread timing, so the same master seed and inputs give the same {@link #historyHash()}.
 *
 * <p>Scheduling in the past, a negative delay or a null handler throws
 * {@link IllegalArgumentException} at once, naming the handler's component and the value.
 *
 * <p>Not thread-safe: one simulator belongs to one thread. Simulators share no static mutable
 * state, so many can run side by side in one JVM.
 */
public final class Simulator {
    /** Lowest priority value accepted (fires first among equal times). */
    public static final int MIN_PRIORITY = -(1 << 15);
    /** Highest priority value accepted (fires last among equal times). */
    public static final int MAX_PRIORITY = (1 << 15) - 1;
    private static final long SEQUENCE_LIMIT = 1L << 48;

    private final long masterSeed;
    private final EventQueue queue;
    private final EnergyLedger energy;
    private final RandomStreams random;

    private long nowPs;
    private long sequence;
    private long eventsFired;
    private long historyHash = 0x6a09e667f3bcc909L;
    private boolean stopRequested;

    private Simulator(long masterSeed, EventQueue queue) {
        this.masterSeed = masterSeed;
        this.queue = Objects.requireNonNull(queue, "queue");
        this.energy = new EnergyLedger(this::nowPs);
        this.random = new RandomStreams(masterSeed);
    }

    /** A simulator at time 0 with the default event queue ({@link EventQueue#calendar()}). */
    public static Simulator create(long masterSeed) {
        return new Simulator(masterSeed, EventQueue.calendar());
    }

    /** A simulator at time 0 over the given (empty) event queue. */
    public static Simulator create(long masterSeed, EventQueue queue) {
        if (queue.size() != 0) {
            throw new IllegalArgumentException("event queue must be empty: " + queue.size() + " pending");
        }
        return new Simulator(masterSeed, queue);
    }

    /** The current simulated time in picoseconds. */
    public long nowPs() {
        return nowPs;
    }

    /** The master seed every named random stream derives from. */
    public long masterSeed() {
        return masterSeed;
    }

    /** The run's energy ledger. */
    public EnergyLedger energy() {
        return energy;
    }

    /** The run's named random streams. */
    public RandomStreams random() {
        return random;
    }

    /** Schedules {@code handler} at {@code now + delayPs} with priority 0 and argument 0. */
    public long schedule(long delayPs, EventHandler handler) {
        return schedule(delayPs, 0, handler, 0L);
    }

    /** Schedules {@code handler} at {@code now + delayPs} with priority 0. */
    public long schedule(long delayPs, EventHandler handler, long arg) {
        return schedule(delayPs, 0, handler, arg);
    }

    /**
     * Schedules {@code handler} to fire {@code delayPs} picoseconds from now.
     *
     * @param delayPs  delay, {@code >= 0}
     * @param priority in [{@link #MIN_PRIORITY}, {@link #MAX_PRIORITY}]; lower fires first
     * @param handler  what to run, not null
     * @param arg      passed to {@link EventHandler#handle(long)}
     * @return a handle for {@link #cancel(long)}
     */
    public long schedule(long delayPs, int priority, EventHandler handler, long arg) {
        if (delayPs < 0) {
            throw new IllegalArgumentException(describe(handler) + ": negative delay: " + delayPs + " ps");
        }
        long timePs = nowPs + delayPs;
        if (timePs < 0) {
            throw new IllegalArgumentException(describe(handler) + ": delay " + delayPs
                    + " ps from " + nowPs + " ps overflows the time range");
        }
        return enqueue(timePs, priority, handler, arg);
    }

    /**
     * Schedules {@code handler} at the absolute time {@code timePs}, which must not be in the past.
     *
     * @return a handle for {@link #cancel(long)}
     */
    public long scheduleAt(long timePs, int priority, EventHandler handler, long arg) {
        if (timePs < nowPs) {
            throw new IllegalArgumentException(describe(handler) + ": cannot schedule in the past: "
                    + timePs + " ps < now " + nowPs + " ps");
        }
        return enqueue(timePs, priority, handler, arg);
    }

    private long enqueue(long timePs, int priority, EventHandler handler, long arg) {
        if (handler == null) {
            throw new IllegalArgumentException("event handler must not be null (time " + timePs + " ps)");
        }
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException(describe(handler) + ": priority must be in ["
                    + MIN_PRIORITY + ", " + MAX_PRIORITY + "]: " + priority);
        }
        if (sequence == SEQUENCE_LIMIT) {
            throw new IllegalStateException("more than 2^48 events scheduled in one run");
        }
        // priority * 2^48 + sequence: ordered as a signed long, like the queue compares it. (Offsetting
        // the priority by -MIN_PRIORITY would set the sign bit for priorities >= 0 and make them sort
        // before negative ones.)
        long orderKey = ((long) priority << 48) | sequence++;
        return queue.push(timePs, orderKey, handler, arg);
    }

    /**
     * Cancels a pending event.
     *
     * @return {@code true} if it was pending; {@code false} if it already fired, is firing now or
     *     was cancelled before
     */
    public boolean cancel(long handle) {
        return queue.cancel(handle);
    }

    /** Number of events pending. */
    public int pendingEvents() {
        return queue.size();
    }

    /** Time of the next pending event, or {@link Long#MAX_VALUE} if none. */
    public long nextEventPs() {
        return queue.peekTimePs();
    }

    /**
     * Fires the next event, if any.
     *
     * @return {@code false} if no event was pending
     */
    public boolean step() {
        if (!queue.pollFirst()) {
            return false;
        }
        fireFirst();
        return true;
    }

    /** Fires events until none is pending or {@link #stop()} is called from a handler. */
    public void run() {
        runUntil(Long.MAX_VALUE);
    }

    /**
     * Fires every event whose time is at most {@code endPs} (unless {@link #stop()} is called), then
     * advances the clock to {@code endPs} if it stopped for lack of events before it.
     */
    public void runUntil(long endPs) {
        if (endPs < nowPs) {
            throw new IllegalArgumentException("runUntil in the past: " + endPs + " ps < now " + nowPs + " ps");
        }
        stopRequested = false;
        EventQueue q = queue;
        while (!stopRequested) {
            // peekTimePs() is Long.MAX_VALUE both for "empty" and for an event at Long.MAX_VALUE, so
            // with endPs == Long.MAX_VALUE (run()) only pollFirst() tells whether an event is left.
            if (q.peekTimePs() > endPs || !q.pollFirst()) {
                if (endPs != Long.MAX_VALUE) {
                    nowPs = endPs;
                }
                return;
            }
            fireFirst();
        }
    }

    /** Makes {@link #run()} or {@link #runUntil(long)} return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    private void fireFirst() {
        EventQueue q = queue;
        long t = q.firstTimePs();
        EventHandler h = q.firstHandler();
        long arg = q.firstArg();
        nowPs = t;
        eventsFired++;
        long x = historyHash;
        x = mix(x ^ t);
        x = mix(x ^ q.firstOrderKey());
        x = mix(x ^ arg ^ ((long) h.componentPath().hashCode() << 32));
        historyHash = x;
        h.handle(arg);
    }

    /** Number of events fired so far. */
    public long eventsFired() {
        return eventsFired;
    }

    /**
     * A 64-bit digest of every event fired so far: its time, priority, sequence number, argument
     * and its handler's component path. Equal for two runs that fired the same events in the same
     * order; used to check determinism.
     */
    public long historyHash() {
        return historyHash;
    }

    /** The stable id of the event-queue implementation in use. */
    public String eventQueueId() {
        return queue.id();
    }

    private static long mix(long z) {
        // SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014).
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String describe(EventHandler handler) {
        return handler == null ? "<null handler>" : handler.componentPath();
    }
}
