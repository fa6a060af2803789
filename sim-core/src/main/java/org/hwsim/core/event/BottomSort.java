package org.hwsim.core.event;

/**
 * Sorts a range of three parallel arrays (time, order key, slot) by (time, order key): insertion
 * sort for short or nearly sorted ranges, a stable merge sort otherwise. Used when a calendar day
 * is loaded; ranges are usually a handful of events and already sorted.
 */
final class BottomSort {
    private static final int INSERTION_LIMIT = 32;

    private BottomSort() {
    }

    static void sort(long[] time, long[] order, int[] slot, int from, int to) {
        if (isSorted(time, order, from, to)) {
            return;
        }
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(time, order, slot, from, to);
            return;
        }
        int n = to - from;
        long[] t2 = new long[n];
        long[] o2 = new long[n];
        int[] s2 = new int[n];
        mergeSort(time, order, slot, t2, o2, s2, from, to);
    }

    private static boolean isSorted(long[] time, long[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (before(time[i], order[i], time[i - 1], order[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private static boolean before(long t, long o, long t2, long o2) {
        return t < t2 || (t == t2 && o < o2);
    }

    private static void insertionSort(long[] time, long[] order, int[] slot, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long t = time[i];
            long o = order[i];
            int s = slot[i];
            int j = i;
            while (j > from && before(t, o, time[j - 1], order[j - 1])) {
                time[j] = time[j - 1];
                order[j] = order[j - 1];
                slot[j] = slot[j - 1];
                j--;
            }
            time[j] = t;
            order[j] = o;
            slot[j] = s;
        }
    }

    /** Sorts [from, to) using the scratch arrays (indexed from 0). */
    private static void mergeSort(long[] time, long[] order, int[] slot, long[] t2, long[] o2, int[] s2,
                                  int from, int to) {
        if (to - from <= INSERTION_LIMIT) {
            insertionSort(time, order, slot, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(time, order, slot, t2, o2, s2, from, mid);
        mergeSort(time, order, slot, t2, o2, s2, mid, to);
        if (!before(time[mid], order[mid], time[mid - 1], order[mid - 1])) {
            return; // already in order
        }
        int n = to - from;
        int i = from;
        int j = mid;
        for (int k = 0; k < n; k++) {
            if (j >= to || (i < mid && !before(time[j], order[j], time[i], order[i]))) {
                t2[k] = time[i];
                o2[k] = order[i];
                s2[k] = slot[i];
                i++;
            } else {
                t2[k] = time[j];
                o2[k] = order[j];
                s2[k] = slot[j];
                j++;
            }
        }
        System.arraycopy(t2, 0, time, from, n);
        System.arraycopy(o2, 0, order, from, n);
        System.arraycopy(s2, 0, slot, from, n);
    }
}
