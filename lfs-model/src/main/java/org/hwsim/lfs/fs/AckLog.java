package org.hwsim.lfs.fs;

import java.util.Arrays;

/**
 * The host's view of durability, for {@link CrashChecker}: per file block the content id made
 * durable by the latest completed fsync of the file or completed checkpoint ({@link #HOLE} after a
 * durable trim), and the writes issued since, which recovery may or may not keep. Inline data
 * counts as block 0. Files become durable with the first fsync or checkpoint after their creation.
 */
final class AckLog {
    /** Content of a punched-out block. */
    static final long HOLE = Long.MIN_VALUE;
    /** No durable content recorded (never written, or never durable). */
    static final long ABSENT = Long.MIN_VALUE + 1;
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final long CREATE = -1L;

    private long[][][] durable = new long[16][][];
    private boolean[] fileDurable = new boolean[16];
    private long[] pendingFile = new long[256];
    private long[] pendingBlock = new long[256];
    private long[] pendingContent = new long[256];
    private int pending;

    void created(int file) {
        add(file, CREATE, 0);
    }

    void written(int file, long block, long contentId) {
        add(file, block, contentId);
    }

    private void add(int file, long block, long contentId) {
        if (pending == pendingFile.length) {
            int cap = pending * 2;
            pendingFile = Arrays.copyOf(pendingFile, cap);
            pendingBlock = Arrays.copyOf(pendingBlock, cap);
            pendingContent = Arrays.copyOf(pendingContent, cap);
        }
        pendingFile[pending] = file;
        pendingBlock[pending] = block;
        pendingContent[pending] = contentId;
        pending++;
    }

    /** Content already durable (the state an image starts from), without going through the pending list. */
    void durableNow(int file, long block, long contentId) {
        apply(file, block, contentId);
    }

    /** A completed fsync of {@code file}: its pending writes become durable. */
    void durable(int file) {
        int keep = 0;
        for (int i = 0; i < pending; i++) {
            if (pendingFile[i] == file) {
                apply(file, pendingBlock[i], pendingContent[i]);
            } else {
                pendingFile[keep] = pendingFile[i];
                pendingBlock[keep] = pendingBlock[i];
                pendingContent[keep] = pendingContent[i];
                keep++;
            }
        }
        pending = keep;
    }

    /** A completed checkpoint: every pending write becomes durable. */
    void allDurable() {
        for (int i = 0; i < pending; i++) {
            apply((int) pendingFile[i], pendingBlock[i], pendingContent[i]);
        }
        pending = 0;
    }

    private void apply(int f, long block, long contentId) {
        if (f >= fileDurable.length) {
            int cap = Math.max(f + 1, fileDurable.length * 2);
            fileDurable = Arrays.copyOf(fileDurable, cap);
            durable = Arrays.copyOf(durable, cap);
        }
        fileDurable[f] = true;
        if (block == CREATE) {
            return;
        }
        int c = (int) (block >>> CHUNK_BITS);
        long[][] d = durable[f];
        if (d == null || c >= d.length) {
            d = d == null ? new long[c + 1][] : Arrays.copyOf(d, Math.max(c + 1, d.length * 2));
            durable[f] = d;
        }
        if (d[c] == null) {
            d[c] = new long[CHUNK];
            Arrays.fill(d[c], ABSENT);
        }
        d[c][(int) (block & (CHUNK - 1))] = contentId;
    }

    /** Files with a durable record (ids below this may be durable). */
    int files() {
        return fileDurable.length;
    }

    boolean fileDurable(int f) {
        return f < fileDurable.length && fileDurable[f];
    }

    /** Block indexes below this may have durable content in {@code f}. */
    long blockLimit(int f) {
        return f < durable.length && durable[f] != null ? (long) durable[f].length << CHUNK_BITS : 0;
    }

    /** The durable content of block {@code b} of {@code f}: a content id, {@link #HOLE} or {@link #ABSENT}. */
    long durableContent(int f, long b) {
        if (f >= durable.length || durable[f] == null) {
            return ABSENT;
        }
        int c = (int) (b >>> CHUNK_BITS);
        long[][] d = durable[f];
        return c < d.length && d[c] != null ? d[c][(int) (b & (CHUNK - 1))] : ABSENT;
    }

    /** True if a write of {@code contentId} (or a trim, for {@link #HOLE}) to the block is pending. */
    boolean pendingWrite(int f, long b, long contentId) {
        for (int i = 0; i < pending; i++) {
            if (pendingFile[i] == f && pendingBlock[i] == b && pendingContent[i] == contentId) {
                return true;
            }
        }
        return false;
    }

    /** Bytes held. */
    long bytes() {
        long b = 24L * pendingFile.length + 9L * fileDurable.length;
        for (long[][] d : durable) {
            for (long[] k : d == null ? new long[0][] : d) {
                b += 8 + (k == null ? 0 : 8L * k.length);
            }
        }
        return b;
    }

    /** Writes issued but not yet durable. */
    int pendingWrites() {
        return pending;
    }
}
