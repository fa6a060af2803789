package org.hwsim.lfs.fs;

import java.util.Arrays;

/**
 * The file-system state a checkpoint pack stands for: the file table (names, sizes, inline data,
 * block addresses and content ids, node ids), the NAT and the SIT validity bitmap, as of one
 * checkpoint. {@link LogFs} captures it and mounts from it; {@link Recovery} rolls it forward. A
 * deep copy, mutable by the package (roll-forward edits it), never shared with a live file system.
 */
final class FsState {
    static final int HOLE = -1;
    static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;

    long cpVersion;
    int files;
    String[] names;
    boolean[] isDir;
    byte[] dataLog;
    long[] sizeBytes;
    boolean[] inline;
    long[] inlineContent;
    int[][][] addr;
    long[][][] content;
    int[][] nodeNid;
    int[] nat;
    int nextNid;
    long[] valid;
    /**
     * DeltaFS chains keyed by {@code file << 32 | block} (records are immutable), null when deltas
     * are off.
     */
    java.util.Map<Long, DeltaChain> chains;
    /** Files from this id on were re-created by roll-forward: their directory entries must be written. */
    int firstRecreated = Integer.MAX_VALUE;

    FsState copy() {
        FsState s = new FsState();
        s.cpVersion = cpVersion;
        s.files = files;
        s.names = names.clone();
        s.isDir = isDir.clone();
        s.dataLog = dataLog.clone();
        s.sizeBytes = sizeBytes.clone();
        s.inline = inline.clone();
        s.inlineContent = inlineContent.clone();
        s.addr = deep(addr);
        s.content = deep(content);
        s.nodeNid = new int[nodeNid.length][];
        for (int f = 0; f < files; f++) {
            s.nodeNid[f] = nodeNid[f].clone();
        }
        s.nat = nat.clone();
        s.nextNid = nextNid;
        s.valid = valid.clone();
        s.chains = chains == null ? null : new java.util.HashMap<>(chains);
        s.firstRecreated = firstRecreated;
        return s;
    }

    /** Bytes held by the arrays. */
    long bytes() {
        long b = 8L * valid.length + 4L * nat.length;
        if (chains != null) {
            for (DeltaChain c : chains.values()) {
                b += 96 + 28L * c.toIds().length;
            }
        }
        for (int f = 0; f < files; f++) {
            b += 64 + 4L * nodeNid[f].length;
            for (int[] k : addr[f]) {
                b += 8 + (k == null ? 0 : 4L * k.length);
            }
            for (long[] k : content[f] == null ? new long[0][] : content[f]) {
                b += 8 + (k == null ? 0 : 8L * k.length);
            }
        }
        return b;
    }

    static int[][][] deep(int[][][] a) {
        int[][][] r = new int[a.length][][];
        for (int f = 0; f < a.length; f++) {
            if (a[f] != null) {
                r[f] = new int[a[f].length][];
                for (int c = 0; c < a[f].length; c++) {
                    r[f][c] = a[f][c] == null ? null : a[f][c].clone();
                }
            }
        }
        return r;
    }

    static long[][][] deep(long[][][] a) {
        long[][][] r = new long[a.length][][];
        for (int f = 0; f < a.length; f++) {
            if (a[f] != null) {
                r[f] = new long[a[f].length][];
                for (int c = 0; c < a[f].length; c++) {
                    r[f][c] = a[f][c] == null ? null : a[f][c].clone();
                }
            }
        }
        return r;
    }

    /** File id of {@code name}, or -1. Linear: recovery calls it once per rolled-forward node. */
    int fileId(String name) {
        for (int f = 0; f < files; f++) {
            if (names[f].equals(name)) {
                return f;
            }
        }
        return -1;
    }

    /** Appends an empty file (roll-forward of an fsynced inode the checkpoint does not know). */
    int addFile(String name, boolean dir, byte log) {
        int f = files++;
        firstRecreated = Math.min(firstRecreated, f);
        if (f == names.length) {
            int cap = Math.max(16, f * 2);
            names = Arrays.copyOf(names, cap);
            isDir = Arrays.copyOf(isDir, cap);
            dataLog = Arrays.copyOf(dataLog, cap);
            sizeBytes = Arrays.copyOf(sizeBytes, cap);
            inline = Arrays.copyOf(inline, cap);
            inlineContent = Arrays.copyOf(inlineContent, cap);
            addr = Arrays.copyOf(addr, cap);
            content = Arrays.copyOf(content, cap);
            nodeNid = Arrays.copyOf(nodeNid, cap);
        }
        names[f] = name;
        isDir[f] = dir;
        dataLog[f] = log;
        addr[f] = new int[1][];
        content[f] = new long[1][];
        nodeNid[f] = new int[4];
        return f;
    }

    int getAddr(int f, long b) {
        int[][] a = addr[f];
        long c = b >>> CHUNK_BITS;
        if (c >= a.length || a[(int) c] == null) {
            return HOLE;
        }
        return a[(int) c][(int) (b & (CHUNK - 1))];
    }

    /** Chain of block {@code b} of {@code f}, or null. */
    DeltaChain chain(int f, long b) {
        return chains == null ? null : chains.get(((long) f << 32) | b);
    }

    long getContent(int f, long b) {
        long[][] k = content[f];
        long c = b >>> CHUNK_BITS;
        if (k == null || c >= k.length || k[(int) c] == null) {
            return 0L;
        }
        return k[(int) c][(int) (b & (CHUNK - 1))];
    }

    /** Sets block {@code b} of {@code f} to {@code address} (HOLE to punch) with {@code contentId}. */
    void set(int f, long b, int address, long contentId) {
        int c = (int) (b >>> CHUNK_BITS);
        if (c >= addr[f].length) {
            if (address == HOLE) {
                return;
            }
            addr[f] = Arrays.copyOf(addr[f], c + 1);
        }
        if (content[f] == null) {
            content[f] = new long[addr[f].length][];
        } else if (content[f].length < addr[f].length) {
            content[f] = Arrays.copyOf(content[f], addr[f].length);
        }
        if (addr[f][c] == null) {
            if (address == HOLE) {
                return;
            }
            addr[f][c] = new int[CHUNK];
            Arrays.fill(addr[f][c], HOLE);
        }
        if (content[f][c] == null) {
            content[f][c] = new long[CHUNK];
        }
        addr[f][c][(int) (b & (CHUNK - 1))] = address;
        content[f][c][(int) (b & (CHUNK - 1))] = address == HOLE ? 0L : contentId;
    }

    /** Records node {@code nid} at {@code offset} of {@code f} living at {@code address}. */
    void setNode(int f, int offset, int nid, int address) {
        if (offset >= nodeNid[f].length) {
            nodeNid[f] = Arrays.copyOf(nodeNid[f], Math.max(offset + 1, nodeNid[f].length * 2));
        }
        nodeNid[f][offset] = nid;
        if (nid >= nat.length) {
            int old = nat.length;
            nat = Arrays.copyOf(nat, Math.max(nid + 1, old * 2));
            Arrays.fill(nat, old, nat.length, HOLE);
        }
        if (address != Integer.MIN_VALUE) {
            nat[nid] = address;
        }
        nextNid = Math.max(nextNid, nid + 1);
    }
}
