package org.hwsim.core.event;

import java.util.Arrays;

/**
 * A calendar queue (R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the
 * simulation event set problem", CACM 31(10), 1988) with a sliding window and an overflow heap for
 * the far future, in the spirit of the ladder queue's split between near and far events (Tang,
 * Goh and Thng, "Ladder queue", ACM TOMACS 15(3), 2005).
 *
 * <p>Buckets cover consecutive "days" of {@code 2^widthShift} ps; the ring of {@code n} buckets is
 * a window of {@code n} days starting at the earliest pending event's day. Each bucket is a list
 * sorted by (time, order key) and holds only events of its own day, so dequeue takes the head of
 * the first non-empty bucket without comparing times. Events beyond the window wait in a 4-ary
 * heap and move into the ring as the window slides over their day. The ring holds about two
 * buckets per pending event and a day is about twice the mean gap between the earliest events,
 * so lists are short and few events overflow; enqueue and dequeue take O(1) expected time.
 *
 * <p>Laid out for the cache: an event is one 32-byte record in a {@code long[]} (time, order key,
 * argument, generation and next-in-bucket), its handler sits in a parallel array, and freed records
 * are reused last in, first out, so an event rescheduled from its own handler reuses a record still
 * in cache. An event that sorts after its bucket's tail is appended in O(1), so many events at one
 * time (a clocked model) stay cheap.
 */
final class CalendarEventQueue implements EventQueue {
    private static final int NIL = -1;
    private static final int MIN_BUCKETS = 16;
    private static final int MAX_BUCKETS = 1 << 26;
    private static final int WIDTH_SAMPLE = 64;
    private static final int MAX_SLOTS = (Integer.MAX_VALUE - 8) / 4;
    private static final EventHandler OVERFLOW_MARK = arg -> {
        throw new IllegalStateException("overflow entries are never fired");
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

    /** Head of bucket b at [2b], tail at [2b + 1]. */
    private int[] buckets;
    private int bucketMask;
    private int widthShift;
    /** First day of the window; days before it hold no event. */
    private long windowStartDay;
    /** Day where the next scan starts; days in [windowStartDay, scanDay) are empty. */
    private long scanDay;
    /** Events beyond the window, as (time, order key, arg = slot); may hold cancelled entries. */
    private QuaternaryHeapEventQueue overflow;
    private int overflowLive;
    private int size;
    private long pollsSinceRebuild;

    private long firstTimePs;
    private long firstOrderKey;
    private EventHandler firstHandler;
    private long firstArg;

    CalendarEventQueue() {
        int cap = 1024;
        rec = new long[4 * cap];
        handlers = new EventHandler[cap];
        freeSlots = new int[cap];
        buckets = new int[2 * MIN_BUCKETS];
        Arrays.fill(buckets, NIL);
        bucketMask = MIN_BUCKETS - 1;
        widthShift = 10; // 1,024 ps days until the first estimate
        overflow = new QuaternaryHeapEventQueue(16);
    }

    @Override
    public String id() {
        return "calendar";
    }

    private long windowEndDay() {
        return windowStartDay + bucketMask + 1;
    }

    private int next(int slot) {
        return (int) rec[4 * slot + LINK];
    }

    private void setNext(int slot, int next) {
        int i = 4 * slot + LINK;
        rec[i] = (rec[i] & 0xffffffff00000000L) | (next & 0xffffffffL);
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
        size++;
        long day = timePs >>> widthShift;
        if (size == 1) {
            windowStartDay = day;
            scanDay = day;
        }
        if (day < windowStartDay) {
            // Earlier than the window (only possible before anything was polled at that time):
            // restart the window at this day.
            place(slot);
            rebuild(bucketMask + 1, widthShift);
        } else {
            place(slot);
            if (day < scanDay) {
                scanDay = day;
            }
            if (size > bucketMask + 1 && bucketMask + 1 < MAX_BUCKETS) {
                rebuild(bucketCountFor(size), estimateWidthShift());
            }
        }
        return (gen << 32) | slot;
    }

    /** Puts a slot in its bucket if its day is in the window, else in the overflow heap. */
    private void place(int slot) {
        int r = 4 * slot;
        long t = rec[r + TIME];
        long day = t >>> widthShift;
        if (day >= windowStartDay && day < windowEndDay()) {
            insert(slot, t, rec[r + ORDER], day);
        } else {
            overflow.push(t, rec[r + ORDER], OVERFLOW_MARK, slot);
            overflowLive++;
        }
    }

    private void insert(int slot, long t, long o, long day) {
        int b = 2 * (int) (day & bucketMask);
        setNext(slot, NIL);
        int tail = buckets[b + 1];
        if (tail == NIL) {
            buckets[b] = slot;
            buckets[b + 1] = slot;
            return;
        }
        if (after(t, o, tail)) {
            setNext(tail, slot);
            buckets[b + 1] = slot;
            return;
        }
        int head = buckets[b];
        if (!after(t, o, head)) {
            setNext(slot, head);
            buckets[b] = slot;
            return;
        }
        int prev = head;
        int cur = next(head);
        while (after(t, o, cur)) {
            prev = cur;
            cur = next(cur);
        }
        setNext(prev, slot);
        setNext(slot, cur);
    }

    /** Whether (t, o) sorts after the event in {@code slot}. */
    private boolean after(long t, long o, int slot) {
        long st = rec[4 * slot + TIME];
        return t > st || (t == st && o > rec[4 * slot + ORDER]);
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || handlers[slot] == null
                || (rec[4 * slot + LINK] >>> 32) != (handle >>> 32)) {
            return false;
        }
        long day = rec[4 * slot + TIME] >>> widthShift;
        if (day < windowEndDay()) {
            int b = 2 * (int) (day & bucketMask);
            int prev = NIL;
            int cur = buckets[b];
            while (cur != slot) {
                prev = cur;
                cur = next(cur);
            }
            unlink(b, prev, slot);
        } else {
            overflowLive--; // the heap entry goes stale: its slot no longer carries its order key
            rec[4 * slot + ORDER] = ~rec[4 * slot + ORDER];
        }
        freeSlot(slot);
        size--;
        return true;
    }

    private void unlink(int b, int prev, int slot) {
        int next = next(slot);
        if (prev == NIL) {
            buckets[b] = next;
        } else {
            setNext(prev, next);
        }
        if (buckets[b + 1] == slot) {
            buckets[b + 1] = prev;
        }
    }

    @Override
    public boolean pollFirst() {
        if (size == 0) {
            return false;
        }
        int b = findFirstBucket();
        int slot = buckets[b];
        int r = 4 * slot;
        firstTimePs = rec[r + TIME];
        firstOrderKey = rec[r + ORDER];
        firstArg = rec[r + ARG];
        firstHandler = handlers[slot];
        unlink(b, NIL, slot);
        freeSlot(slot);
        size--;
        // Slide the window to start at this day: the days before it are empty.
        if (scanDay > windowStartDay) {
            windowStartDay = scanDay;
            pullOverflow();
        }
        if (++pollsSinceRebuild > bucketMask + 1) {
            maybeRetune();
        }
        return true;
    }

    /**
     * Advances {@link #scanDay} to the first non-empty bucket and returns its index times two.
     * Requires {@code size > 0}.
     */
    private int findFirstBucket() {
        int[] bk = buckets;
        while (true) {
            long end = windowEndDay();
            for (long d = scanDay; d < end; d++) {
                int b = 2 * (int) (d & bucketMask);
                if (bk[b] != NIL) {
                    scanDay = d;
                    return b;
                }
            }
            // The window is empty: jump it to the earliest overflow event.
            dropStaleOverflowTop();
            long day = overflow.peekTimePs() >>> widthShift;
            windowStartDay = day;
            scanDay = day;
            pullOverflow();
        }
    }

    /** Moves overflow events whose day entered the window into their buckets. */
    private void pullOverflow() {
        long endPs = windowEndDay() << widthShift;
        if (windowEndDay() > (Long.MAX_VALUE >>> widthShift)) {
            endPs = Long.MAX_VALUE;
        }
        while (overflowLive > 0 && overflow.peekTimePs() < endPs) {
            overflow.pollFirst();
            int slot = (int) overflow.firstArg();
            if (rec[4 * slot + ORDER] != overflow.firstOrderKey() || handlers[slot] == null) {
                continue; // cancelled while in the overflow heap
            }
            overflowLive--;
            long t = overflow.firstTimePs();
            insert(slot, t, rec[4 * slot + ORDER], t >>> widthShift);
        }
        if (overflowLive == 0 && overflow.size() > 0) {
            overflow = new QuaternaryHeapEventQueue(16); // only stale entries left
        }
    }

    private void dropStaleOverflowTop() {
        while (true) {
            overflow.peekTimePs();
            if (!overflow.pollFirst()) {
                throw new IllegalStateException("calendar queue lost track of " + size + " events");
            }
            int slot = (int) overflow.firstArg();
            if (rec[4 * slot + ORDER] == overflow.firstOrderKey() && handlers[slot] != null) {
                // put it back: it is live
                overflow.push(overflow.firstTimePs(), overflow.firstOrderKey(), OVERFLOW_MARK, slot);
                return;
            }
        }
    }

    @Override
    public long peekTimePs() {
        return size == 0 ? Long.MAX_VALUE : rec[4 * buckets[findFirstBucket()] + TIME];
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
        long want = Math.max(MIN_BUCKETS, 2L * events);
        long pow = Long.highestOneBit(want - 1) << 1;
        return (int) Math.min(MAX_BUCKETS, pow);
    }

    /** After about a window's worth of polls: re-fit the ring to the size and the day width to the gaps. */
    private void maybeRetune() {
        pollsSinceRebuild = 0;
        int count = bucketMask + 1;
        boolean tooBig = count > MIN_BUCKETS && size < count / 8;
        boolean overflowing = overflowLive > size / 2 && size > 64;
        if (tooBig || overflowing) {
            rebuild(bucketCountFor(size), estimateWidthShift());
        }
    }

    /** Re-places every pending event into a ring of {@code count} buckets of {@code 2^shift} ps. */
    private void rebuild(int count, int shift) {
        pollsSinceRebuild = 0;
        int[] live = new int[size];
        int n = 0;
        for (int b = 0; b < buckets.length; b += 2) {
            for (int cur = buckets[b]; cur != NIL; cur = next(cur)) {
                live[n++] = cur;
            }
        }
        while (overflow.pollFirst()) {
            int slot = (int) overflow.firstArg();
            if (rec[4 * slot + ORDER] == overflow.firstOrderKey() && handlers[slot] != null) {
                live[n++] = slot;
            }
        }
        if (n != size) {
            throw new IllegalStateException("calendar queue lost track of events: " + n + " != " + size);
        }
        overflow = new QuaternaryHeapEventQueue(16);
        overflowLive = 0;
        if (buckets.length != 2 * count) {
            buckets = new int[2 * count];
        }
        Arrays.fill(buckets, NIL);
        bucketMask = count - 1;
        widthShift = shift;
        long minTime = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minTime = Math.min(minTime, rec[4 * live[i] + TIME]);
        }
        windowStartDay = n == 0 ? 0 : minTime >>> widthShift;
        scanDay = windowStartDay;
        // Insert in (time, order) order is not needed: insert() keeps every bucket sorted.
        for (int i = 0; i < n; i++) {
            place(live[i]);
        }
    }

    /**
     * Twice the mean gap between the earliest {@value #WIDTH_SAMPLE} events (ignoring gaps over
     * twice the mean, as Brown does), rounded up to a power of two picoseconds.
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
        double width = 2 * (count == 0 ? meanGap : sum / count);
        if (!(width >= 1)) {
            return 0;
        }
        int shift = 64 - Long.numberOfLeadingZeros((long) Math.ceil(width) - 1);
        return Math.min(shift, 40);
    }

    /** The times of the {@code n} earliest pending events, ascending (buckets, then overflow). */
    private long[] earliestTimes(int n) {
        long[] best = new long[n];
        Arrays.fill(best, Long.MAX_VALUE);
        int found = 0;
        long end = windowEndDay();
        for (long d = Math.min(scanDay, windowStartDay); d < end && found < n; d++) {
            for (int cur = buckets[2 * (int) (d & bucketMask)]; cur != NIL && found < n; cur = next(cur)) {
                best[found++] = rec[4 * cur + TIME];
            }
        }
        if (found < n && overflowLive > 0) {
            // Days are scanned in order, so the bucket times are already ascending; top up from
            // the overflow heap's entries (in array order; a rough sample is enough here).
            long[] extra = overflowTimes(n - found);
            for (long t : extra) {
                best[found++] = t;
            }
            Arrays.sort(best, 0, found);
        }
        return found == n ? best : Arrays.copyOf(best, found);
    }

    private long[] overflowTimes(int n) {
        long[] out = new long[n];
        int k = 0;
        QuaternaryHeapEventQueue copy = new QuaternaryHeapEventQueue(16);
        while (k < n && overflow.pollFirst()) {
            long t = overflow.firstTimePs();
            long o = overflow.firstOrderKey();
            long slot = overflow.firstArg();
            copy.push(t, o, OVERFLOW_MARK, slot);
            if (rec[4 * (int) slot + ORDER] == o && handlers[(int) slot] != null) {
                out[k++] = t;
            }
        }
        while (copy.pollFirst()) {
            overflow.push(copy.firstTimePs(), copy.firstOrderKey(), OVERFLOW_MARK, copy.firstArg());
        }
        return k == n ? out : Arrays.copyOf(out, k);
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
