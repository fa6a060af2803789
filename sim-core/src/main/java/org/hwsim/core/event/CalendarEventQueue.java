package org.hwsim.core.event;

import java.util.Arrays;

/**
 * A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem", CACM 31(10), 1988) arranged like a ladder queue (Tang, Goh and
 * Thng, "Ladder queue: an O(1) priority queue structure for large-scale discrete event
 * simulation", ACM TOMACS 15(3), 2005): unsorted buckets for the near future, a small sorted
 * "bottom" for the current day, and an overflow heap for the far future.
 *
 * <p>Buckets cover consecutive days of {@code 2^widthShift} ps; the ring of {@code n} buckets is a
 * window of {@code n} days that slides with the earliest pending event. Enqueue into a future day
 * prepends to that day's bucket (O(1), one cache miss). When the scan reaches a day, its bucket
 * moves into the bottom, a 4-ary heap ordered by (time, order key) that also takes every new event
 * of the current day, so events at equal times (a clocked model) stay first-in-first-out at
 * O(log k). Events beyond the window wait in a second 4-ary heap and enter the ring as the window
 * slides over their day. The ring holds about four buckets per pending event and a day is one to
 * two mean gaps between the earliest events, so buckets hold one or two events and little
 * overflows: enqueue and dequeue take O(1) expected time. About every ring's worth of dequeues the
 * queue checks its shape (too many events per day, too much overflow, a ring far too large) and
 * rebuilds with a fresh estimate when it has drifted.
 *
 * <p>An event is one 32-byte record in a {@code long[]} (time, order key, argument, generation and
 * next-in-bucket) with its handler in a parallel array; freed records are reused last in, first
 * out, so an event rescheduled from its own handler reuses a record still in cache. Cancelled
 * events in either heap are dropped lazily (their record no longer carries their order key).
 */
final class CalendarEventQueue implements EventQueue {
    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 16;
    private static final int MAX_BUCKETS = 1 << 26;
    private static final int WIDTH_SAMPLE = 64;
    /** Ring size per pending event: with days about one mean gap wide, a window of four mean delays. */
    private static final long BUCKETS_PER_EVENT = 4;
    /** Day width as a multiple of the mean gap between the earliest events (then a power of two). */
    private static final double WIDTH_PER_GAP = 1.0;
    private static final int MAX_SLOTS = (Integer.MAX_VALUE - 8) / 4;
    private static final EventHandler MARK = arg -> {
        throw new IllegalStateException("calendar queue entries are never fired by their heaps");
    };
    // record layout
    private static final int TIME = 0;
    private static final int ORDER = 1;
    private static final int ARG = 2;
    private static final int LINK = 3; // generation << 32 | next slot (NIL as 0xffffffff)

    private long[] rec;
    private EventHandler[] handlers;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    /** Head of each bucket's unsorted list. */
    private int[] buckets;
    private int bucketMask;
    private int widthShift;
    /** The current day: its events are in {@link #bottom}; every earlier day is empty. */
    private long currentDay;
    /**
     * Events of the current day sorted by (time, order key) in {@code [bottomHead, bottomTail)}
     * of three parallel arrays; entries of cancelled events stay until they reach the head.
     */
    private long[] bottomTime = new long[64];
    private long[] bottomOrder = new long[64];
    private int[] bottomSlot = new int[64];
    private int bottomHead;
    private int bottomTail;
    private int bottomLive;
    /**
     * The current day's only event, taken from its bucket without going through the bottom (the
     * common case with about one event a day), or {@code NIL}. Never set while the bottom holds a
     * live event.
     */
    private int held = NIL;
    /** Events at or beyond the window's end, likewise. */
    private QuaternaryHeapEventQueue overflow = new QuaternaryHeapEventQueue(16);
    private int overflowLive;
    private int size;
    private long pollsSinceRetune;
    private long daysLoaded;
    /** Rebuilds so far (growth, shrink and retunes), for diagnostics and tests. */
    long rebuilds;
    private int retuneBackoff = 1;
    private int retuneCountdown = 1;
    private long eventsLoaded;

    private long firstTimePs;
    private long firstOrderKey;
    private EventHandler firstHandler;
    private long firstArg;

    CalendarEventQueue() {
        int cap = 1024;
        rec = new long[4 * cap];
        handlers = new EventHandler[cap];
        freeSlots = new int[cap];
        buckets = new int[MIN_BUCKETS];
        Arrays.fill(buckets, NIL);
        bucketMask = MIN_BUCKETS - 1;
        widthShift = 10; // 1,024 ps days until the first estimate
    }

    @Override
    public String id() {
        return "calendar";
    }

    /**
     * Whether {@code day} (not before the current day) falls in the window of {@code n} days from
     * the current day; written as a difference so that days near {@code Long.MAX_VALUE} cannot
     * overflow.
     */
    private boolean inWindow(long day) {
        return day - currentDay <= bucketMask;
    }

    @Override
    public long push(long timePs, long orderKey, EventHandler handler, long arg) {
        if (timePs < 0) {
            throw new IllegalArgumentException("calendar queue: negative time " + timePs + " ps");
        }
        int slot = allocateSlot();
        int r = 4 * slot;
        long gen = (rec[r + LINK] >>> 32) + 1;
        rec[r + TIME] = timePs;
        rec[r + ORDER] = orderKey;
        rec[r + ARG] = arg;
        rec[r + LINK] = (gen << 32) | 0xffffffffL;
        handlers[slot] = handler;
        if (size++ == 0) {
            currentDay = timePs >>> widthShift;
        }
        if ((timePs >>> widthShift) < currentDay) {
            // Earlier than the current day: only when pushing before the last polled event's day,
            // which the simulator never does. Rebuild around the new earliest day.
            place(slot);
            rebuild(bucketMask + 1, widthShift);
        } else {
            place(slot);
            if (size > 2 * ((bucketMask + 1) / BUCKETS_PER_EVENT) && bucketMask + 1 < MAX_BUCKETS) {
                rebuild(bucketCountFor(size), estimateWidthShift());
            }
        }
        return (gen << 32) | slot;
    }

    /** Puts an event in the bottom, its day's bucket, or the overflow heap. */
    private void place(int slot) {
        int r = 4 * slot;
        long t = rec[r + TIME];
        long day = t >>> widthShift;
        if (day == currentDay) {
            if (held != NIL) {
                int h = held;
                held = NIL;
                bottomInsert(h);
            }
            bottomInsert(slot);
        } else if (day > currentDay && inWindow(day)) {
            int b = (int) (day & bucketMask);
            rec[r + LINK] = (rec[r + LINK] & 0xffffffff00000000L) | (buckets[b] & 0xffffffffL);
            buckets[b] = slot;
        } else {
            overflow.push(t, rec[r + ORDER], MARK, slot);
            overflowLive++;
        }
    }

    private int next(int slot) {
        return (int) rec[4 * slot + LINK];
    }

    private void setNext(int slot, int next) {
        int i = 4 * slot + LINK;
        rec[i] = (rec[i] & 0xffffffff00000000L) | (next & 0xffffffffL);
    }

    /** Whether a heap entry still stands for a pending event. */
    private boolean live(int slot, long orderKey) {
        return handlers[slot] != null && rec[4 * slot + ORDER] == orderKey;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || handlers[slot] == null
                || (rec[4 * slot + LINK] >>> 32) != (handle >>> 32)) {
            return false;
        }
        long day = rec[4 * slot + TIME] >>> widthShift;
        if (slot == held) {
            held = NIL;
        } else if (day == currentDay) {
            bottomLive--;
        } else if (inWindow(day)) {
            int b = (int) (day & bucketMask);
            int prev = NIL;
            int cur = buckets[b];
            while (cur != slot) {
                prev = cur;
                cur = next(cur);
            }
            if (prev == NIL) {
                buckets[b] = next(slot);
            } else {
                setNext(prev, next(slot));
            }
        } else {
            overflowLive--;
        }
        rec[4 * slot + ORDER] = ~rec[4 * slot + ORDER]; // any heap entry for it is now stale
        freeSlot(slot);
        size--;
        return true;
    }

    @Override
    public boolean pollFirst() {
        if (size == 0) {
            return false;
        }
        fillBottom();
        int slot = held;
        if (slot != NIL) {
            held = NIL;
        } else {
            slot = bottomTakeFirst();
        }
        int r = 4 * slot;
        firstTimePs = rec[r + TIME];
        firstOrderKey = rec[r + ORDER];
        firstArg = rec[r + ARG];
        firstHandler = handlers[slot];
        freeSlot(slot);
        size--;
        if (++pollsSinceRetune > bucketMask + 1) {
            retune();
        }
        return true;
    }

    /**
     * Makes the bottom (or {@link #held}, when that day holds a single event) hold the earliest
     * day's events. Requires {@code size > 0}.
     */
    private void fillBottom() {
        if (bottomLive > 0 || held != NIL) {
            return;
        }
        bottomHead = 0;
        bottomTail = 0; // only stale entries can be left
        int[] bk = buckets;
        while (true) {
            long offset = 1;
            if (size - overflowLive > 0) { // some event is in the ring: find its day
                while (offset <= bucketMask && bk[(int) ((currentDay + offset) & bucketMask)] == NIL) {
                    offset++;
                }
            } else {
                offset = bucketMask + 1L;
            }
            if (offset <= bucketMask) {
                long day = currentDay + offset;
                advanceTo(day);
                int b = (int) (day & bucketMask);
                int head = bk[b];
                bk[b] = NIL;
                daysLoaded++;
                if (bottomLive == 0 && next(head) == NIL) {
                    held = head;
                    eventsLoaded++;
                    return;
                }
                loadBottom(head);
                return;
            }
            // The ring is empty: jump to the earliest overflow event's day.
            long first = earliestLiveOverflowPs();
            advanceTo(first >>> widthShift);
            if (bottomLive > 0) {
                return;
            }
        }
    }

    /**
     * Makes {@code day} the current day (every day before it is empty) and moves the overflow events
     * whose day entered the window into the ring or the bottom.
     */
    private void advanceTo(long day) {
        currentDay = day;
        while (overflowLive > 0 && inWindow(overflow.peekTimePs() >>> widthShift)) {
            overflow.pollFirst();
            int slot = (int) overflow.firstArg();
            if (!live(slot, overflow.firstOrderKey())) {
                continue;
            }
            overflowLive--;
            place(slot);
        }
        if (overflowLive == 0 && overflow.size() > 0) {
            overflow = new QuaternaryHeapEventQueue(16); // only stale entries were left
        }
    }

    private long earliestLiveOverflowPs() {
        while (true) {
            if (!overflow.pollFirst()) {
                throw new IllegalStateException("calendar queue lost track of " + size + " events");
            }
            long t = overflow.firstTimePs();
            int slot = (int) overflow.firstArg();
            long order = overflow.firstOrderKey();
            if (live(slot, order)) {
                overflow.push(t, order, MARK, slot); // peeked, not taken
                return t;
            }
        }
    }

    @Override
    public long peekTimePs() {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        fillBottom();
        if (held != NIL) {
            return rec[4 * held + TIME];
        }
        while (!live(bottomSlot[bottomHead], bottomOrder[bottomHead])) {
            bottomHead++; // drop cancelled entries
        }
        return bottomTime[bottomHead];
    }

    /**
     * Appends a day's bucket list to the bottom and sorts the bottom: one O(k log k) sort, so a
     * day holding many events (a clocked model firing thousands at one instant) stays cheap.
     */
    private void loadBottom(int head) {
        int from = bottomHead;
        int k = 0;
        for (int cur = head; cur != NIL; cur = next(cur)) {
            k++;
        }
        ensureBottomRoom(k);
        // The list is newest first; write it back to front so the bottom gets it oldest first,
        // which is already sorted when events of one time were scheduled in order.
        int end = bottomTail + k;
        int i = end;
        for (int cur = head; cur != NIL; cur = next(cur)) {
            i--;
            bottomTime[i] = rec[4 * cur + TIME];
            bottomOrder[i] = rec[4 * cur + ORDER];
            bottomSlot[i] = cur;
        }
        bottomTail = end;
        bottomLive += k;
        eventsLoaded += k;
        BottomSort.sort(bottomTime, bottomOrder, bottomSlot, from, end);
    }

    /** Makes room for {@code extra} more entries after {@code bottomTail}. */
    private void ensureBottomRoom(int extra) {
        if (bottomTail + extra <= bottomTime.length) {
            return;
        }
        int n = bottomTail - bottomHead;
        if (n + extra > bottomTime.length / 2) {
            int cap = Math.max(bottomTime.length * 2, Integer.highestOneBit(n + extra) << 1);
            bottomTime = Arrays.copyOf(bottomTime, cap);
            bottomOrder = Arrays.copyOf(bottomOrder, cap);
            bottomSlot = Arrays.copyOf(bottomSlot, cap);
        }
        System.arraycopy(bottomTime, bottomHead, bottomTime, 0, n);
        System.arraycopy(bottomOrder, bottomHead, bottomOrder, 0, n);
        System.arraycopy(bottomSlot, bottomHead, bottomSlot, 0, n);
        bottomHead = 0;
        bottomTail = n;
    }

    /** Inserts a slot into the sorted bottom; events at equal time arrive in order and append. */
    private void bottomInsert(int slot) {
        long t = rec[4 * slot + TIME];
        long o = rec[4 * slot + ORDER];
        ensureBottomRoom(1);
        int i = bottomTail;
        if (i > bottomHead) {
            long lt = bottomTime[i - 1];
            if ((t < lt || (t == lt && o < bottomOrder[i - 1])) && i - bottomHead <= 16) {
                // a short bottom: shift entries right as insertion sort does
                do {
                    bottomTime[i] = bottomTime[i - 1];
                    bottomOrder[i] = bottomOrder[i - 1];
                    bottomSlot[i] = bottomSlot[i - 1];
                    i--;
                } while (i > bottomHead && (t < bottomTime[i - 1]
                        || (t == bottomTime[i - 1] && o < bottomOrder[i - 1])));
            } else if (t < lt || (t == lt && o < bottomOrder[i - 1])) {
                // binary search for the first entry after (t, o), then shift the rest right
                int lo = bottomHead;
                int hi = i - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    long mt = bottomTime[mid];
                    if (mt < t || (mt == t && bottomOrder[mid] < o)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                i = lo;
                int n = bottomTail - i;
                System.arraycopy(bottomTime, i, bottomTime, i + 1, n);
                System.arraycopy(bottomOrder, i, bottomOrder, i + 1, n);
                System.arraycopy(bottomSlot, i, bottomSlot, i + 1, n);
            }
        }
        bottomTime[i] = t;
        bottomOrder[i] = o;
        bottomSlot[i] = slot;
        bottomTail++;
        bottomLive++;
    }

    /** Removes and returns the first live slot of the bottom. Requires {@code bottomLive > 0}. */
    private int bottomTakeFirst() {
        while (true) {
            int h = bottomHead++;
            int slot = bottomSlot[h];
            if (live(slot, bottomOrder[h])) {
                bottomLive--;
                if (bottomLive == 0) {
                    bottomHead = 0;
                    bottomTail = 0;
                }
                return slot;
            }
        }
    }

    @Override
    public long firstTimePs() {
        return firstTimePs;
    }

    @Override
    public long firstOrderKey() {
        return firstOrderKey;
    }

    @Override
    public EventHandler firstHandler() {
        return firstHandler;
    }

    @Override
    public long firstArg() {
        return firstArg;
    }

    @Override
    public int size() {
        return size;
    }

    private static int bucketCountFor(int events) {
        long want = Math.max(MIN_BUCKETS, BUCKETS_PER_EVENT * (long) events);
        long pow = Long.highestOneBit(want - 1) << 1;
        return (int) Math.min(MAX_BUCKETS, pow);
    }

    /** After about a window's worth of polls: re-fit the ring to the size and the day to the gaps. */
    private void retune() {
        pollsSinceRetune = 0;
        retuneCountdown--;
        if (retuneCountdown > 0) {
            return;
        }
        int count = bucketMask + 1;
        boolean tooBig = count > MIN_BUCKETS && size < count / 8;
        boolean overflowing = overflowLive > size / 2 && size > 64;
        // More than three events per non-empty day since the last retune: the day is too coarse
        // for the current gaps (about one event a day gives 1.6 per non-empty day).
        boolean crowded = size > 64 && eventsLoaded > 3 * daysLoaded;
        eventsLoaded = 0;
        daysLoaded = 0;
        if (tooBig || overflowing || crowded) {
            rebuild(bucketCountFor(size), estimateWidthShift());
            // If the shape keeps drifting (a distribution the calendar cannot fit, e.g. bimodal
            // delays), rebuild ever less often instead of on every window.
            retuneBackoff = Math.min(retuneBackoff * 2, 64);
        } else {
            retuneBackoff = 1;
        }
        retuneCountdown = retuneBackoff;
    }

    /** Re-places every pending event into a ring of {@code count} buckets of {@code 2^shift} ps. */
    private void rebuild(int count, int shift) {
        rebuilds++;
        pollsSinceRetune = 0;
        daysLoaded = 0;
        eventsLoaded = 0;
        int[] live = collectLive();
        if (buckets.length != count) {
            buckets = new int[count];
        }
        Arrays.fill(buckets, NIL);
        bucketMask = count - 1;
        widthShift = shift;
        long minTime = Long.MAX_VALUE;
        for (int slot : live) {
            minTime = Math.min(minTime, rec[4 * slot + TIME]);
        }
        currentDay = live.length == 0 ? 0 : minTime >>> widthShift;
        for (int slot : live) {
            place(slot);
        }
    }

    /** Empties every structure and returns the slots of all pending events. */
    private int[] collectLive() {
        int[] live = new int[size];
        int n = 0;
        if (held != NIL) {
            live[n++] = held;
            held = NIL;
        }
        for (int b = 0; b < buckets.length; b++) {
            for (int cur = buckets[b]; cur != NIL; cur = next(cur)) {
                live[n++] = cur;
            }
        }
        for (int i = bottomHead; i < bottomTail; i++) {
            if (live(bottomSlot[i], bottomOrder[i])) {
                live[n++] = bottomSlot[i];
            }
        }
        bottomHead = 0;
        bottomTail = 0;
        while (overflow.pollFirst()) {
            int slot = (int) overflow.firstArg();
            if (live(slot, overflow.firstOrderKey())) {
                live[n++] = slot;
            }
        }
        if (n != size) {
            throw new IllegalStateException("calendar queue lost track of events: " + n + " != " + size);
        }
        bottomLive = 0;
        overflowLive = 0;
        overflow = new QuaternaryHeapEventQueue(16);
        return live;
    }

    /**
     * The mean gap between the earliest {@value #WIDTH_SAMPLE} events (ignoring gaps over twice
     * the mean, as Brown does) times {@link #WIDTH_PER_GAP}, rounded up to a power of two ps.
     */
    private int estimateWidthShift() {
        int n = Math.min(size, WIDTH_SAMPLE);
        if (n < 2) {
            return widthShift;
        }
        long[] times = earliestTimes(n);
        double meanGap = (times[n - 1] - times[0]) / (double) (n - 1);
        double sum = 0;
        int count = 0;
        for (int i = 1; i < n; i++) {
            long gap = times[i] - times[i - 1];
            if (gap <= 2 * meanGap) {
                sum += gap;
                count++;
            }
        }
        double width = WIDTH_PER_GAP * (count == 0 ? meanGap : sum / count);
        if (!(width >= 1)) {
            return 0;
        }
        int shift = 64 - Long.numberOfLeadingZeros((long) Math.ceil(width) - 1);
        return Math.min(shift, 40);
    }

    /** The times of the {@code n} earliest pending events, ascending. */
    private long[] earliestTimes(int n) {
        long[] all = new long[size];
        int k = 0;
        for (int slot = 0; slot < slotsUsed; slot++) {
            if (handlers[slot] != null) {
                all[k++] = rec[4 * slot + TIME];
            }
        }
        // A full pass over the records: rebuilds are rare (on growth, or once per window of
        // polls when the shape has drifted), so O(n log n) here stays amortised O(log n)
        // per event at worst and O(1) in steady state.
        Arrays.sort(all, 0, k);
        return Arrays.copyOf(all, Math.min(n, k));
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == handlers.length) {
            if (slotsUsed >= MAX_SLOTS) {
                throw new IllegalStateException("event queue is full: " + slotsUsed + " pending events");
            }
            int cap = (int) Math.min(MAX_SLOTS, slotsUsed * 2L);
            rec = Arrays.copyOf(rec, 4 * cap);
            handlers = Arrays.copyOf(handlers, cap);
            freeSlots = Arrays.copyOf(freeSlots, cap);
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        handlers[slot] = null;
        freeSlots[freeCount++] = slot;
    }
}
