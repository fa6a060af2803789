package org.hwsim.core.event;

import java.util.Arrays;

/**
 * A 4-ary min-heap whose keys live in primitive arrays ({@code long} time, {@code long} order key,
 * {@code int} slot), so sifting touches no objects. Handlers and arguments live in slot arrays that
 * are read only when an event fires. Cancellation is lazy: the slot is emptied and the heap entry
 * is dropped when it reaches the top, or all at once when cancelled entries outnumber live ones.
 *
 * <p>A 4-ary heap halves the depth of a binary heap and keeps the four children of a node in one
 * or two cache lines (LaMarca and Ladner, "The influence of caches on the performance of heaps",
 * JEA 1996). The top is removed lazily so that an event rescheduled from its own handler replaces
 * the top with a single sift-down (the hold model's best case).
 */
final class QuaternaryHeapEventQueue implements EventQueue {
    private long[] heapTime;
    private long[] heapOrder;
    private int[] heapSlot;
    private int heapSize;

    private EventHandler[] slotHandler;
    private long[] slotArg;
    private int[] slotGeneration;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    private int cancelledInHeap;
    /** The top entry has been polled but is still physically at index 0. */
    private boolean topPolled;

    private long firstTimePs;
    private long firstOrderKey;
    private EventHandler firstHandler;
    private long firstArg;

    QuaternaryHeapEventQueue(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        heapTime = new long[cap];
        heapOrder = new long[cap];
        heapSlot = new int[cap];
        slotHandler = new EventHandler[cap];
        slotArg = new long[cap];
        slotGeneration = new int[cap];
        freeSlots = new int[cap];
    }

    @Override
    public String id() {
        return "heap4";
    }

    @Override
    public long push(long timePs, long orderKey, EventHandler handler, long arg) {
        boolean replaceTop = topPolled;
        if (replaceTop) {
            topPolled = false;
            freeSlot(heapSlot[0]);
        }
        int slot = allocateSlot();
        slotHandler[slot] = handler;
        slotArg[slot] = arg;
        int gen = ++slotGeneration[slot];
        if (replaceTop) {
            siftDown(0, timePs, orderKey, slot);
        } else {
            if (heapSize == heapTime.length) {
                growHeap();
            }
            siftUp(heapSize++, timePs, orderKey, slot);
        }
        return ((long) gen << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = (int) handle;
        int gen = (int) (handle >>> 32);
        if (slot < 0 || slot >= slotsUsed || slotGeneration[slot] != gen || slotHandler[slot] == null) {
            return false;
        }
        if (topPolled && heapSlot[0] == slot) {
            return false; // the event is firing now
        }
        slotHandler[slot] = null;
        cancelledInHeap++;
        if (cancelledInHeap > 1024 && cancelledInHeap > heapSize - cancelledInHeap) {
            settleTop();
            compact();
        }
        return true;
    }

    @Override
    public boolean pollFirst() {
        settleTop();
        dropCancelledAtTop();
        if (heapSize == 0) {
            return false;
        }
        int slot = heapSlot[0];
        firstTimePs = heapTime[0];
        firstOrderKey = heapOrder[0];
        firstHandler = slotHandler[slot];
        firstArg = slotArg[slot];
        topPolled = true;
        return true;
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
    public long peekTimePs() {
        settleTop();
        dropCancelledAtTop();
        return heapSize == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    @Override
    public int size() {
        return heapSize - cancelledInHeap - (topPolled ? 1 : 0);
    }

    private void settleTop() {
        if (topPolled) {
            topPolled = false;
            freeSlot(heapSlot[0]);
            removeTop();
        }
    }

    private void dropCancelledAtTop() {
        while (heapSize > 0 && slotHandler[heapSlot[0]] == null) {
            cancelledInHeap--;
            freeSlot(heapSlot[0]);
            removeTop();
        }
    }

    private void removeTop() {
        int last = --heapSize;
        if (last > 0) {
            siftDown(0, heapTime[last], heapOrder[last], heapSlot[last]);
        }
    }

    private void siftUp(int index, long time, long order, int slot) {
        long[] t = heapTime;
        long[] o = heapOrder;
        int[] s = heapSlot;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = t[parent];
            if (pt < time || (pt == time && o[parent] < order)) {
                break;
            }
            t[i] = pt;
            o[i] = o[parent];
            s[i] = s[parent];
            i = parent;
        }
        t[i] = time;
        o[i] = order;
        s[i] = slot;
    }

    private void siftDown(int index, long time, long order, int slot) {
        long[] t = heapTime;
        long[] o = heapOrder;
        int[] s = heapSlot;
        int n = heapSize;
        int i = index;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = t[first];
            long bo = o[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = t[c];
                if (ct < bt || (ct == bt && o[c] < bo)) {
                    best = c;
                    bt = ct;
                    bo = o[c];
                }
            }
            if (time < bt || (time == bt && order < bo)) {
                break;
            }
            t[i] = bt;
            o[i] = bo;
            s[i] = s[best];
            i = best;
        }
        t[i] = time;
        o[i] = order;
        s[i] = slot;
    }

    /** Rebuilds the heap without cancelled entries (Floyd's bottom-up heap construction). */
    private void compact() {
        int n = 0;
        for (int i = 0; i < heapSize; i++) {
            int slot = heapSlot[i];
            if (slotHandler[slot] == null) {
                freeSlot(slot);
            } else {
                heapTime[n] = heapTime[i];
                heapOrder[n] = heapOrder[i];
                heapSlot[n] = slot;
                n++;
            }
        }
        heapSize = n;
        cancelledInHeap = 0;
        for (int i = (n - 2) >>> 2; i >= 0 && n > 1; i--) {
            siftDown(i, heapTime[i], heapOrder[i], heapSlot[i]);
        }
    }

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotHandler.length) {
            int cap = newCapacity(slotHandler.length);
            slotHandler = Arrays.copyOf(slotHandler, cap);
            slotArg = Arrays.copyOf(slotArg, cap);
            slotGeneration = Arrays.copyOf(slotGeneration, cap);
            freeSlots = Arrays.copyOf(freeSlots, cap);
        }
        return slotsUsed++;
    }

    private void freeSlot(int slot) {
        slotHandler[slot] = null;
        freeSlots[freeCount++] = slot;
    }

    private void growHeap() {
        int cap = newCapacity(heapTime.length);
        heapTime = Arrays.copyOf(heapTime, cap);
        heapOrder = Arrays.copyOf(heapOrder, cap);
        heapSlot = Arrays.copyOf(heapSlot, cap);
    }

    private static int newCapacity(int current) {
        if (current >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("event queue is full: " + current + " pending events");
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, current * 2L);
    }
}
