package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashDevice;

/**
 * The block services the delta store ({@link DeltaStore}) uses: delta pages come from the hot data
 * log ({@code CURSEG_HOT_DATA}) and count as host data programs, their blocks are validated in the
 * SIT, and the nodes that index a chain are marked dirty when it changes.
 *
 * <p>Not thread-safe.
 */
final class DeltaSpace implements DeltaStore.Space {
    private final LogFs fs;
    private final SegmentTable sit;
    private final LogAllocator logs;
    private final FileTable ft;
    private final NodeTable nodes;
    private final FlashDevice dev;

    DeltaSpace(LogFs fs, SegmentTable sit, LogAllocator logs, FileTable ft, NodeTable nodes, FlashDevice dev) {
        this.fs = fs;
        this.sit = sit;
        this.logs = logs;
        this.ft = ft;
        this.nodes = nodes;
        this.dev = dev;
    }

    @Override
    public int allocDeltaPage() {
        return logs.alloc(LogFs.HOT_DATA, !fs.inGc);
    }

    @Override
    public long program(int a, long stamp, long readyPs) {
        fs.hostDataPrograms++; // a delta page holds host writes
        long t = fs.programData(a, Math.max(readyPs, fs.opReadyPs));
        fs.hook.deltaPageProgrammed(a, stamp, t);
        return t;
    }

    @Override
    public long read(int a, long readyPs) {
        return dev.read(fs.page(a), readyPs);
    }

    @Override
    public void validate(int a, long owner) {
        sit.validate(a, owner);
    }

    @Override
    public void invalidate(int a) {
        sit.invalidate(a);
    }

    @Override
    public void markInodeDirty(int file) {
        nodes.markNodeDirty(nodes.nodeNid[file][0]);
    }

    @Override
    public void markBlockNodeDirty(int file, long block) {
        nodes.markNodeDirty(nodes.nodeNid[file][NodeTree.dnodeOffset(block)]);
    }

    @Override
    public long contentId(int file, long block) {
        return ft.contentId(file, block);
    }

    @Override
    public int blockAddress(int file, long block) {
        return ft.getAddr(file, block);
    }
}
