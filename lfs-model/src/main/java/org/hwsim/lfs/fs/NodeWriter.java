package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashDevice;

/**
 * Writes node pages (F2FS's {@code __write_node_page}): a node goes to its node log by F2FS's
 * placement rules ({@code CURSEG_HOT_NODE} for directories, {@code CURSEG_COLD_NODE} for indirect
 * nodes, {@code CURSEG_WARM_NODE} otherwise), its old copy is invalidated and its NAT entry points
 * to the new one. Fsync writes nodes with an fsync mark, which roll-forward recovery looks for.
 *
 * <p>Not thread-safe.
 */
final class NodeWriter {
    private final LogFs fs;
    private final SegmentTable sit;
    private final LogAllocator logs;
    private final FileTable ft;
    private final NodeTable nodes;
    private final FlashDevice dev;

    NodeWriter(LogFs fs, SegmentTable sit, LogAllocator logs, FileTable ft, NodeTable nodes, FlashDevice dev) {
        this.fs = fs;
        this.sit = sit;
        this.logs = logs;
        this.ft = ft;
        this.nodes = nodes;
        this.dev = dev;
    }

    /** The node log of node {@code nid}: hot for directories, cold for indirect nodes, else warm. */
    int nodeLog(int nid) {
        int f = nodes.nidFile[nid];
        if (ft.isDir[f]) {
            return LogFs.HOT_NODE;
        }
        return NodeTree.isIndirect(nodes.nidOffset[nid]) ? LogFs.COLD_NODE : LogFs.WARM_NODE;
    }

    /** Writes node {@code nid} to its log now; returns the program's completion, in ps. */
    long write(int nid, long readyPs) {
        return write(nid, readyPs, false);
    }

    /** Writes node {@code nid} with an fsync mark and records the mark; returns the completion, in ps. */
    long writeMarked(int nid, long readyPs) {
        long t = write(nid, readyPs, true);
        nodes.addFsyncMark(nid);
        return t;
    }

    private long write(int nid, long readyPs, boolean fsyncMark) {
        nodes.clearNodeDirty(nid);
        int na = logs.alloc(nodeLog(nid), !fs.inGc);
        long t = dev.program(fs.page(na), Math.max(readyPs, fs.opReadyPs));
        fs.nodePrograms++;
        fs.hook.nodeProgrammed(na, nid, fsyncMark, t);
        int old = nodes.nat[nid];
        if (old >= 0) {
            sit.invalidate(old);
        }
        sit.validate(na, SegmentTable.NODE_OWNER | nid);
        nodes.setAddr(nid, na);
        return t;
    }
}
