package org.hwsim.lfs.fs;

import java.util.Arrays;

/**
 * The node address table (NAT: node id to main-area address, F2FS's {@code nat_entry}) with each
 * node's file and offset in the file's node tree ({@link NodeTree}), each file's node ids, the
 * dirty nodes (in the order they were dirtied, F2FS's dirty node pages), the NAT entries changed
 * since the last checkpoint, and the nodes written with an fsync mark since then (for roll-forward).
 *
 * <p>Node ids start at 4 (F2FS: 1 node inode, 2 meta inode, 3 root). Not thread-safe.
 */
final class NodeTable {
    /** NAT address of a node never written. */
    static final int NO_ADDR = -1;

    int[] nat = new int[1024];
    int[] nidFile = new int[1024];
    int[] nidOffset = new int[1024];
    /** Per file, the node id at each node-tree offset (0: none yet); offset 0 is the inode. */
    int[][] nodeNid = new int[16][];
    int nextNid = 4;
    long[] nodeDirty = new long[16];
    int[] dirtyList = new int[256];
    int dirtyListLen;
    int dirtyNodes;
    long[] natDirty = new long[16];
    int natDirtyEntries;
    /** Node ids written by fsync since the last checkpoint: F2FS's fsync marks, for roll-forward. */
    int[] fsyncMarked = new int[64];
    int fsyncMarkedLen;

    NodeTable() {
        Arrays.fill(nat, NO_ADDR);
    }

    /** Gives new file {@code f} an inode, dirty; returns its node id. */
    int addFile(int f) {
        if (f == nodeNid.length) {
            nodeNid = Arrays.copyOf(nodeNid, f * 2);
        }
        nodeNid[f] = new int[4];
        int ino = allocNid(f, 0);
        nodeNid[f][0] = ino;
        markNodeDirty(ino);
        return ino;
    }

    private int allocNid(int file, int offset) {
        int nid = nextNid++;
        if (nid >= nat.length) {
            int cap = nat.length * 2;
            int old = nat.length;
            nat = Arrays.copyOf(nat, cap);
            Arrays.fill(nat, old, cap, NO_ADDR);
            nidFile = Arrays.copyOf(nidFile, cap);
            nidOffset = Arrays.copyOf(nidOffset, cap);
        }
        nidFile[nid] = file;
        nidOffset[nid] = offset;
        return nid;
    }

    /** Node id of the node at {@code offset} of {@code file}, created (dirty, with its parents) if absent. */
    int ensureNode(int file, int offset) {
        int[] n = nodeNid[file];
        if (offset < n.length && n[offset] != 0) {
            return n[offset];
        }
        if (offset >= n.length) {
            n = Arrays.copyOf(n, Math.max(offset + 1, n.length * 2));
            nodeNid[file] = n;
        }
        int nid = allocNid(file, offset);
        n[offset] = nid;
        markNodeDirty(nid);
        int parent = NodeTree.parentOffset(offset);
        if (parent >= 0) {
            markNodeDirty(ensureNode(file, parent));
        }
        return nid;
    }

    void markNodeDirty(int nid) {
        int w = nid >>> 6;
        if (w >= nodeDirty.length) {
            nodeDirty = Arrays.copyOf(nodeDirty, Math.max(w + 1, nodeDirty.length * 2));
        }
        long bit = 1L << nid;
        if ((nodeDirty[w] & bit) == 0) {
            nodeDirty[w] |= bit;
            dirtyNodes++;
            if (dirtyListLen == dirtyList.length) {
                dirtyList = Arrays.copyOf(dirtyList, dirtyListLen * 2);
            }
            dirtyList[dirtyListLen++] = nid;
        }
    }

    boolean isNodeDirty(int nid) {
        int w = nid >>> 6;
        return w < nodeDirty.length && (nodeDirty[w] & (1L << nid)) != 0;
    }

    /** Clears the dirty bit of a node being written (it stays in the dirty list until the checkpoint). */
    void clearNodeDirty(int nid) {
        if (isNodeDirty(nid)) {
            nodeDirty[nid >>> 6] &= ~(1L << nid);
            dirtyNodes--;
        }
    }

    /** Node {@code nid} now lives at {@code a}: its NAT entry changes. */
    void setAddr(int nid, int a) {
        nat[nid] = a;
        int w = nid >>> 6;
        if (w >= natDirty.length) {
            natDirty = Arrays.copyOf(natDirty, Math.max(w + 1, natDirty.length * 2));
        }
        long bit = 1L << nid;
        if ((natDirty[w] & bit) == 0) {
            natDirty[w] |= bit;
            natDirtyEntries++;
        }
    }

    /** Records that node {@code nid} was written with an fsync mark. */
    void addFsyncMark(int nid) {
        if (fsyncMarkedLen == fsyncMarked.length) {
            fsyncMarked = Arrays.copyOf(fsyncMarked, fsyncMarkedLen * 2);
        }
        fsyncMarked[fsyncMarkedLen++] = nid;
    }

    /** A checkpoint wrote the NAT: no entry is dirty. */
    void natWritten() {
        Arrays.fill(natDirty, 0);
        natDirtyEntries = 0;
    }

    /** Copies the NAT and the files' node ids into {@code s}. */
    void capture(FsState s, int files) {
        s.nodeNid = new int[files][];
        for (int f = 0; f < files; f++) {
            s.nodeNid[f] = nodeNid[f].clone();
        }
        s.nat = Arrays.copyOf(nat, nextNid);
        s.nextNid = nextNid;
    }

    /** Takes the NAT and the files' node ids of {@code s}, with room for {@code fileCap} files. */
    void restore(FsState s, int fileCap) {
        nodeNid = new int[fileCap][];
        nextNid = Math.max(4, s.nextNid);
        int natCap = Math.max(1024, Integer.highestOneBit(nextNid) * 2);
        nat = Arrays.copyOf(s.nat, natCap);
        Arrays.fill(nat, Math.min(s.nat.length, natCap), natCap, NO_ADDR);
        nidFile = new int[natCap];
        nidOffset = new int[natCap];
        for (int f = 0; f < s.files; f++) {
            nodeNid[f] = s.nodeNid[f].clone();
            for (int off = 0; off < nodeNid[f].length; off++) {
                int nid = nodeNid[f][off];
                if (nid != 0) {
                    nidFile[nid] = f;
                    nidOffset[nid] = off;
                }
            }
        }
    }

    /** Bytes held by the arrays. */
    long stateBytes(int files) {
        long b = 4L * (nat.length + nidFile.length + nidOffset.length);
        for (int f = 0; f < files; f++) {
            b += 4L * nodeNid[f].length;
        }
        return b;
    }
}
