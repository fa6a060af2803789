package org.hwsim.lfs.fs;

import java.util.Arrays;

/**
 * The delta part of every inode's inline area (DeltaFS, arXiv 2210.04623): for a file whose data is
 * not inline, the {@link DeltaConfig#inlineBudgetBytes()} bytes F2FS would give inline data hold
 * the delta chains of some of its blocks, written with the inode at fsync and checkpoint, so they
 * cost no page program of their own (MedFS, FAST'25).
 *
 * <p>Management strategy (the "inline area manage strategy" of DeltaFS): the area keeps the chains
 * updated most recently, in a least-recently-updated list per inode; a chain updated again moves to
 * the front. When a new delta does not fit, the owner of the {@link DeltaStore} first tries to merge
 * the block's chain into one delta against its base, then evicts chains from the back of the list
 * to the complementary delta area in the main area. This class keeps the byte accounting and the
 * list; it never lets {@link #used} exceed the budget (it throws, a defect, instead).
 *
 * <p>Each inline delta costs its bytes plus {@value #ENTRY_HEADER_BYTES} bytes of entry header
 * (block index and length). Not thread-safe.
 */
final class InlineDeltaArea {
    /** Entry header of an inline delta: a 4-byte block index and a 2-byte length (and 2 bytes of flags). */
    static final int ENTRY_HEADER_BYTES = 8;
    private static final int NONE = -1;

    private final int budgetBytes;
    private int[] used = new int[16];
    private int[] head = new int[16];
    private int[] tail = new int[16];
    private int[] prev = new int[256];
    private int[] next = new int[256];

    InlineDeltaArea(int budgetBytes) {
        this.budgetBytes = budgetBytes;
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        Arrays.fill(prev, NONE);
        Arrays.fill(next, NONE);
    }

    int budgetBytes() {
        return budgetBytes;
    }

    /** Inline bytes in use by {@code file}'s deltas (headers included). */
    int used(int file) {
        return file < used.length ? used[file] : 0;
    }

    /** True if {@code bytes} more (headers included) fit {@code file}'s area. */
    boolean fits(int file, int bytes) {
        return used(file) + bytes <= budgetBytes;
    }

    /** Charges {@code bytes} to the area; throws if the budget would be exceeded (a defect). */
    void charge(int file, int bytes) {
        ensureFile(file);
        if (used[file] + bytes > budgetBytes) {
            throw new IllegalStateException("inline delta area of file " + file + " would hold " + (used[file] + bytes)
                    + " bytes, budget " + budgetBytes);
        }
        used[file] += bytes;
    }

    /** Returns {@code bytes} to the area. */
    void release(int file, int bytes) {
        used[file] -= bytes;
        if (used[file] < 0) {
            throw new IllegalStateException("inline delta area of file " + file + " below zero: " + used[file]);
        }
    }

    /** Puts {@code chain} at the front (most recently updated) of {@code file}'s list. */
    void touch(int file, int chain) {
        ensureFile(file);
        if (head[file] == chain) {
            return;
        }
        if (prev[chain] != NONE || tail[file] == chain) {
            unlink(file, chain);
        }
        prev[chain] = NONE;
        next[chain] = head[file];
        if (head[file] != NONE) {
            prev[head[file]] = chain;
        }
        head[file] = chain;
        if (tail[file] == NONE) {
            tail[file] = chain;
        }
    }

    /** Takes {@code chain} out of {@code file}'s list. */
    void unlink(int file, int chain) {
        int p = prev[chain];
        int n = next[chain];
        if (p != NONE) {
            next[p] = n;
        } else if (head[file] == chain) {
            head[file] = n;
        }
        if (n != NONE) {
            prev[n] = p;
        } else if (tail[file] == chain) {
            tail[file] = p;
        }
        prev[chain] = NONE;
        next[chain] = NONE;
    }

    /** The least recently updated inline chain of {@code file}, or -1. */
    int coldest(int file) {
        return file < tail.length ? tail[file] : NONE;
    }

    /** Makes room for chain ids below {@code chains}. */
    void ensureChains(int chains) {
        if (chains > prev.length) {
            int old = prev.length;
            int cap = Math.max(chains, old * 2);
            prev = Arrays.copyOf(prev, cap);
            next = Arrays.copyOf(next, cap);
            Arrays.fill(prev, old, cap, NONE);
            Arrays.fill(next, old, cap, NONE);
        }
    }

    private void ensureFile(int file) {
        if (file >= used.length) {
            int old = used.length;
            int cap = Math.max(file + 1, old * 2);
            used = Arrays.copyOf(used, cap);
            head = Arrays.copyOf(head, cap);
            tail = Arrays.copyOf(tail, cap);
            Arrays.fill(head, old, cap, NONE);
            Arrays.fill(tail, old, cap, NONE);
        }
    }

    long stateBytes() {
        return 12L * used.length + 8L * prev.length;
    }
}
