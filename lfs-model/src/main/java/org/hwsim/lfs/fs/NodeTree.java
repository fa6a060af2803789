package org.hwsim.lfs.fs;

/**
 * F2FS's per-file node tree as node offsets: 0 is the inode (873 direct pointers with the inline
 * xattr area), 1 and 2 the direct nodes, 3 and 1022 the indirect nodes each followed by its 1,018
 * direct nodes, 2041 the double-indirect node followed by its indirect nodes, each followed by its
 * direct nodes ({@code include/linux/f2fs_fs.h}: {@code DEF_ADDRS_PER_INODE} 923,
 * {@code F2FS_INLINE_XATTR_ADDRS} 50, {@code ADDRS_PER_BLOCK} and {@code NIDS_PER_BLOCK} 1018).
 * The largest file is {@code 873 + 2*1018 + 2*1018^2 + 1018^3} blocks, about 3.94 TiB.
 */
final class NodeTree {
    static final int ADDRS_PER_INODE = 873;
    static final int ADDRS_PER_BLOCK = 1018;
    static final long L1 = ADDRS_PER_BLOCK;
    static final long L2 = L1 * L1;
    static final long L3 = L2 * L1;
    static final long MAX_BLOCKS = ADDRS_PER_INODE + 2 * L1 + 2 * L2 + L3;
    static final int IND1 = 3;
    static final int IND2 = IND1 + 1019;
    static final int DIND = IND2 + 1019;

    private NodeTree() {
    }

    /** Node offset of the node holding the pointer of file block {@code block}, or -1 past the limit. */
    static int dnodeOffset(long block) {
        if (block < 0) {
            return -1;
        }
        if (block < ADDRS_PER_INODE) {
            return 0;
        }
        long b = block - ADDRS_PER_INODE;
        if (b < 2 * L1) {
            return (int) (1 + b / L1);
        }
        b -= 2 * L1;
        if (b < 2 * L2) {
            long j = b / L2;
            long m = (b % L2) / L1;
            return (int) (IND1 + j * 1019 + 1 + m);
        }
        b -= 2 * L2;
        if (b < L3) {
            long t = b / L2;
            long m = (b % L2) / L1;
            return (int) (DIND + 1 + t * 1019 + 1 + m);
        }
        return -1;
    }

    /**
     * First file block of the node at {@code off}: 0 for the inode, else the first block of a
     * direct node; -1 for indirect nodes (they hold node ids, not block pointers). The inverse of
     * {@link #dnodeOffset}.
     */
    static long firstBlock(int off) {
        if (off == 0) {
            return 0;
        }
        if (off < 0 || isIndirect(off)) {
            return -1;
        }
        if (off <= 2) {
            return ADDRS_PER_INODE + (off - 1) * L1;
        }
        if (off < IND2) {
            return ADDRS_PER_INODE + 2 * L1 + (off - IND1 - 1) * L1;
        }
        if (off < DIND) {
            return ADDRS_PER_INODE + 2 * L1 + L2 + (off - IND2 - 1) * L1;
        }
        int x = off - DIND - 1;
        long t = x / 1019;
        long m = x % 1019 - 1;
        return ADDRS_PER_INODE + 2 * L1 + 2 * L2 + t * L2 + m * L1;
    }

    /** The parent's node offset (0 for nodes hung off the inode), -1 for the inode. */
    static int parentOffset(int off) {
        if (off == 0) {
            return -1;
        }
        if (off <= 2 || off == IND1 || off == IND2 || off == DIND) {
            return 0;
        }
        if (off < DIND) {
            int ind = off < IND2 ? IND1 : IND2;
            return ind;
        }
        int t = (off - DIND - 1) / 1019;
        int ind = DIND + 1 + t * 1019;
        return off == ind ? DIND : ind;
    }

    /** True for indirect and double-indirect nodes (F2FS puts them in the cold node log). */
    static boolean isIndirect(int off) {
        if (off == IND1 || off == IND2 || off == DIND) {
            return true;
        }
        return off > DIND && (off - DIND - 1) % 1019 == 0;
    }
}
