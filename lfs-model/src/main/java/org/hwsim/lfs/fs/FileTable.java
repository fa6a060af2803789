package org.hwsim.lfs.fs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files: per file its name, kind, data log ({@code CURSEG_*} placement), size, inline data and
 * the time its latest writeback completes, and its block map (the direct pointers of its inode and
 * direct nodes, F2FS's {@code data_blkaddr}) with a content id per block; plus the dirty dentry
 * blocks of the root directory and the inodes an inline write left without an fsync mark.
 *
 * <p>Block maps are two-level: chunks of 1,024 entries ({@link #CHUNK}), allocated on first use,
 * so sparse files stay small; {@link #HOLE} is a block never written or trimmed. Content ids are 0
 * (the base content) until a block is written with another id.
 *
 * <p>Not thread-safe.
 */
final class FileTable {
    static final int HOLE = -1;
    static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final long CHUNK_MASK = CHUNK - 1;

    final Map<String, Integer> fileIds = new HashMap<>();
    String[] names = new String[16];
    int[][][] addr = new int[16][][];
    long[][][] content = new long[16][][];
    long[] sizeBytes = new long[16];
    boolean[] inline = new boolean[16];
    long[] inlineContent = new long[16];
    byte[] dataLog = new byte[16];
    boolean[] isDir = new boolean[16];
    /**
     * Completion of each file's latest data program or fsync node program, in ps: fsync writes the
     * file's nodes after it and is not acknowledged before it (F2FS waits on the file's data and
     * node writeback).
     */
    long[] writebackPs = new long[16];
    int files;
    /** Dentry blocks of the root directory to write at the next checkpoint. */
    long[] dentryDirty = new long[4];
    /**
     * Files whose inode was last written by an inline write, without an fsync mark, since the last
     * checkpoint: fsync rewrites it with a mark (F2FS's {@code need_inode_block_update}).
     */
    long[] inlineUnmarked = new long[1];

    /**
     * Adds file {@code name} (a directory if {@code dir}; inline if {@code inlineData} and not a
     * directory) and marks its dentry block dirty. Returns its id.
     */
    int create(String name, boolean dir, boolean inlineData) {
        int f = files++;
        if (f == names.length) {
            int cap = f * 2;
            names = Arrays.copyOf(names, cap);
            addr = Arrays.copyOf(addr, cap);
            content = Arrays.copyOf(content, cap);
            sizeBytes = Arrays.copyOf(sizeBytes, cap);
            inline = Arrays.copyOf(inline, cap);
            inlineContent = Arrays.copyOf(inlineContent, cap);
            dataLog = Arrays.copyOf(dataLog, cap);
            isDir = Arrays.copyOf(isDir, cap);
            writebackPs = Arrays.copyOf(writebackPs, cap);
        }
        names[f] = name;
        fileIds.put(name, f);
        addr[f] = new int[1][];
        isDir[f] = dir;
        inline[f] = inlineData && !dir;
        dataLog[f] = (byte) (dir ? LogFs.HOT_DATA : isColdName(name) ? LogFs.COLD_DATA : LogFs.WARM_DATA);
        if (f > 0) {
            markDentryDirty(f);
        }
        return f;
    }

    private static boolean isColdName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && LogFs.COLD_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Marks the root directory's dentry block holding file {@code f}'s entry dirty. */
    private void markDentryDirty(int f) {
        int block = (f - 1) / LogFs.DENTRIES_PER_BLOCK;
        dentryDirty = ensureBits(dentryDirty, block);
        dentryDirty[block >>> 6] |= 1L << block;
    }

    /** Records that {@code file}'s inode was written by an inline write, without an fsync mark. */
    void markInlineUnmarked(int file) {
        inlineUnmarked = ensureBits(inlineUnmarked, file);
        inlineUnmarked[file >>> 6] |= 1L << file;
    }

    /** Clears and returns whether {@code file}'s inode was written inline without an fsync mark. */
    boolean takeInlineUnmarked(int file) {
        int w = file >>> 6;
        if (w < inlineUnmarked.length && (inlineUnmarked[w] & (1L << file)) != 0) {
            inlineUnmarked[w] &= ~(1L << file);
            return true;
        }
        return false;
    }

    static long[] ensureBits(long[] bits, int index) {
        int w = index >>> 6;
        return w < bits.length ? bits : Arrays.copyOf(bits, Math.max(w + 1, bits.length * 2));
    }

    // ---------------------------------------------------------------- block maps

    /** Makes room for block indexes below {@code blocks} (chunk pointers only; chunks come on first use). */
    void ensureBlocks(int f, long blocks) {
        int chunks = (int) (((blocks - 1) >>> CHUNK_BITS) + 1);
        int[][] a = addr[f];
        if (chunks > a.length) {
            addr[f] = Arrays.copyOf(a, Math.max(chunks, Math.min(a.length * 2, chunks + 4096)));
            if (content[f] != null) {
                content[f] = Arrays.copyOf(content[f], addr[f].length);
            }
        }
    }

    /** Blocks the map of {@code f} has chunk pointers for. */
    long mappedBlocks(int f) {
        return (long) addr[f].length << CHUNK_BITS;
    }

    /** Address of block {@code b} of file {@code f}, or {@link #HOLE}. */
    int getAddr(int f, long b) {
        int[][] a = addr[f];
        long c = b >>> CHUNK_BITS;
        if (c >= a.length) {
            return HOLE;
        }
        int[] k = a[(int) c];
        return k == null ? HOLE : k[(int) (b & CHUNK_MASK)];
    }

    /** Sets the address of a block whose chunk pointer exists ({@link #ensureBlocks}). */
    void setAddr(int f, long b, int value) {
        int[][] a = addr[f];
        int c = (int) (b >>> CHUNK_BITS);
        int[] k = a[c];
        if (k == null) {
            k = new int[CHUNK];
            Arrays.fill(k, HOLE);
            a[c] = k;
        }
        k[(int) (b & CHUNK_MASK)] = value;
    }

    /** Content id of block {@code block} of {@code file}: 0 if never written with another. */
    long contentId(int file, long block) {
        long[][] c = content[file];
        if (c == null || block < 0 || (block >>> CHUNK_BITS) >= c.length) {
            return 0L;
        }
        long[] k = c[(int) (block >>> CHUNK_BITS)];
        return k == null ? 0L : k[(int) (block & CHUNK_MASK)];
    }

    /** Sets the content id of a block whose chunk pointer exists; id 0 allocates nothing. */
    void setContent(int f, long b, long id) {
        long[][] c = content[f];
        if (c == null) {
            if (id == 0) {
                return;
            }
            c = new long[addr[f].length][];
            content[f] = c;
        }
        int ci = (int) (b >>> CHUNK_BITS);
        long[] k = c[ci];
        if (k == null) {
            if (id == 0) {
                return;
            }
            k = new long[CHUNK];
            c[ci] = k;
        }
        k[(int) (b & CHUNK_MASK)] = id;
    }

    // ---------------------------------------------------------------- checkpoint state

    /** Copies the file table into {@code s}. */
    void capture(FsState s) {
        s.files = files;
        s.names = Arrays.copyOf(names, files);
        s.isDir = Arrays.copyOf(isDir, files);
        s.dataLog = Arrays.copyOf(dataLog, files);
        s.sizeBytes = Arrays.copyOf(sizeBytes, files);
        s.inline = Arrays.copyOf(inline, files);
        s.inlineContent = Arrays.copyOf(inlineContent, files);
        s.addr = FsState.deep(Arrays.copyOf(addr, files));
        s.content = FsState.deep(Arrays.copyOf(content, files));
    }

    /**
     * Takes the file table of {@code s}; files re-created by roll-forward get their dentry blocks
     * marked dirty ({@code recover_dentry}: the entry goes back into the root).
     */
    void restore(FsState s) {
        int cap = Math.max(16, s.files);
        files = s.files;
        names = Arrays.copyOf(s.names, cap);
        isDir = Arrays.copyOf(s.isDir, cap);
        dataLog = Arrays.copyOf(s.dataLog, cap);
        sizeBytes = Arrays.copyOf(s.sizeBytes, cap);
        inline = Arrays.copyOf(s.inline, cap);
        inlineContent = Arrays.copyOf(s.inlineContent, cap);
        addr = Arrays.copyOf(FsState.deep(s.addr), cap);
        content = Arrays.copyOf(FsState.deep(s.content), cap);
        writebackPs = new long[cap];
        for (int f = Math.max(1, s.firstRecreated); f < files; f++) {
            markDentryDirty(f);
        }
        for (int f = 0; f < files; f++) {
            fileIds.put(names[f], f);
        }
    }

    /** Bytes held by the block maps. */
    long stateBytes() {
        long b = 0;
        for (int f = 0; f < files; f++) {
            b += 8L * addr[f].length;
            for (int[] k : addr[f]) {
                b += k == null ? 0 : 4L * k.length;
            }
            if (content[f] != null) {
                b += 8L * content[f].length;
                for (long[] k : content[f]) {
                    b += k == null ? 0 : 8L * k.length;
                }
            }
        }
        return b;
    }
}
