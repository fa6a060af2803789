package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashDevice;

/**
 * Bulk pre-fill: lays a file's blocks out in its data log as one sequential stream, then every
 * dirty node in its node log, marking the pages programmed on the device without timing, energy or
 * counters, and takes the SIT as checkpointed. What an aged image holds before a measured run
 * starts ({@link LogFs#prefill}).
 */
final class Prefill {
    private final LogFs fs;
    private final SegmentTable sit;
    private final LogAllocator logs;
    private final FileTable ft;
    private final NodeTable nodes;
    private final FlashDevice dev;

    Prefill(LogFs fs, SegmentTable sit, LogAllocator logs, FileTable ft, NodeTable nodes, FlashDevice dev) {
        this.fs = fs;
        this.sit = sit;
        this.logs = logs;
        this.ft = ft;
        this.nodes = nodes;
        this.dev = dev;
    }

    /** Lays out blocks {@code 0..blocks-1} of file {@code f} (content id 0) and the dirty nodes. */
    void layOut(int f, long blocks) {
        ft.inline[f] = false;
        ft.ensureBlocks(f, blocks);
        int log = ft.dataLog[f];
        boolean saved = fs.inGc;
        fs.inGc = true;
        for (long b = 0; b < blocks; b++) {
            int na = logs.alloc(log, false);
            dev.preconditionProgrammed(fs.page(na), 1);
            sit.validate(na, ((long) f << 32) | b);
            ft.setAddr(f, b, na);
            nodes.ensureNode(f, NodeTree.dnodeOffset(b));
        }
        // Nodes of the file (and anything else dirty) are laid out in bulk too.
        for (int i = 0; i < nodes.dirtyListLen; i++) {
            int nid = nodes.dirtyList[i];
            if (nodes.isNodeDirty(nid)) {
                nodes.clearNodeDirty(nid);
                int na = logs.alloc(fs.nodeWriter.nodeLog(nid), false);
                dev.preconditionProgrammed(fs.page(na), 1);
                int old = nodes.nat[nid];
                if (old >= 0) {
                    sit.invalidate(old);
                }
                sit.validate(na, SegmentTable.NODE_OWNER | nid);
                nodes.nat[nid] = na;
            }
        }
        nodes.dirtyListLen = 0;
        fs.inGc = saved;
        logs.segmentsClosedSinceCp = 0;
        sit.commitDirtySegments();
    }
}
