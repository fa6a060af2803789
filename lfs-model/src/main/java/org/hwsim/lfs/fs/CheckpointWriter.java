package org.hwsim.lfs.fs;

import java.util.Arrays;
import org.hwsim.lfs.flash.FlashDevice;

/**
 * Checkpoints (F2FS's {@code f2fs_write_checkpoint} and {@code do_checkpoint}): writes the dirty
 * dentry blocks and nodes, the NAT and SIT blocks whose entries do not fit their journals in the
 * pack ({@code NAT_JOURNAL_ENTRIES}, {@code SIT_JOURNAL_ENTRIES}), the summary blocks of the
 * segments filled since the last checkpoint and the pack ({@code CP_PACK_BLOCKS}, footer last, in
 * slot {@code version % 2}); then pre-free sections become free. Meta blocks are programmed
 * round-robin over the meta area.
 *
 * <p>Not thread-safe.
 */
final class CheckpointWriter {
    private final LogFs fs;
    private final SegmentTable sit;
    private final LogAllocator logs;
    private final FileTable ft;
    private final NodeTable nodes;
    private final FlashDevice dev;
    /** DeltaFS, or null when deltas are off. */
    private final DeltaStore deltas;
    private final int sections;
    private final int metaSections;
    private final long mainStartPage;
    private final boolean discard;

    final CheckpointPack[] packs = new CheckpointPack[2];
    long cpVersion;
    /** Start of the latest checkpoint, in ps: the periodic checkpoint counts from it. */
    long lastCheckpointPs;
    /** Completion of the latest checkpoint: an fsync issued after it waits for it (F2FS's cp_rwsem). */
    long lastCheckpointEndPs;
    /** Next meta-area page to program. */
    private long metaCursor;
    long checkpoints;
    long metaPrograms;

    CheckpointWriter(LogFs fs, SegmentTable sit, LogAllocator logs, FileTable ft, NodeTable nodes, FlashDevice dev,
                     DeltaStore deltas, boolean discard, int metaSections, long mainStartPage) {
        this.fs = fs;
        this.sit = sit;
        this.logs = logs;
        this.ft = ft;
        this.nodes = nodes;
        this.dev = dev;
        this.deltas = deltas;
        this.sections = sit.sections;
        this.metaSections = metaSections;
        this.mainStartPage = mainStartPage;
        this.discard = discard;
    }

    /**
     * Writes a checkpoint from {@code readyPs}: dirty dentry blocks, dirty nodes, NAT and SIT blocks
     * beyond their journals, the summaries of segments closed since the last checkpoint, and the
     * pack in slot {@code version % 2}; then frees (and with discard erases) pre-free sections.
     *
     * @return the completion time
     */
    long checkpoint(long readyPs) {
        // One checkpoint at a time (F2FS's cp_mutex): a pack is never written while the previous
        // one is incomplete, so one of the two slots always holds a complete pack.
        readyPs = Math.max(readyPs, lastCheckpointEndPs);
        boolean wasInGc = fs.inGc;
        fs.inGc = true;
        long saveReady = fs.opReadyPs;
        fs.opReadyPs = readyPs;
        long end = readyPs;
        long before = fs.nodePrograms + metaPrograms + fs.hostDataPrograms;
        if (deltas != null) {
            end = Math.max(end, deltas.flush(readyPs)); // the open delta page
        }
        // Dentry blocks of the root directory (hot data).
        for (int w = 0; w < ft.dentryDirty.length; w++) {
            long bits = ft.dentryDirty[w];
            while (bits != 0) {
                int b = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                end = Math.max(end, writeDirBlock(b, readyPs));
            }
            ft.dentryDirty[w] = 0;
        }
        // Dirty nodes, in the order they were dirtied.
        for (int i = 0; i < nodes.dirtyListLen; i++) {
            int nid = nodes.dirtyList[i];
            if (nodes.isNodeDirty(nid)) {
                end = Math.max(end, fs.nodeWriter.write(nid, readyPs));
            }
        }
        nodes.dirtyListLen = 0;
        // NAT and SIT blocks beyond the journals, SSA blocks, the pack.
        int natBlocks = nodes.natDirtyEntries <= LogFs.NAT_JOURNAL_ENTRIES ? 0 : countNatBlocks();
        int sitBlocks = sit.dirtySegCount <= LogFs.SIT_JOURNAL_ENTRIES ? 0 : countSitBlocks();
        long metaBlocks = natBlocks + sitBlocks + logs.segmentsClosedSinceCp + LogFs.CP_PACK_BLOCKS;
        long headerPs = readyPs;
        for (long i = 0; i < metaBlocks - 1; i++) {
            long t = dev.programRemapped(metaCursor++ % mainStartPage, readyPs);
            end = Math.max(end, t);
            if (i == metaBlocks - LogFs.CP_PACK_BLOCKS) {
                headerPs = t;
            }
            metaPrograms++;
        }
        // The footer (commit block) goes last, once every write issued before it is complete (F2FS's
        // do_checkpoint waits for all node and meta writeback before committing the pack).
        long footerReady = Math.max(end, dev.lastCompletionPs());
        end = Math.max(end, dev.programRemapped(metaCursor++ % mainStartPage, footerReady));
        metaPrograms++;
        long footerPs = end;
        int natJournal = nodes.natDirtyEntries <= LogFs.NAT_JOURNAL_ENTRIES ? nodes.natDirtyEntries : 0;
        int sitJournal = sit.dirtySegCount <= LogFs.SIT_JOURNAL_ENTRIES ? sit.dirtySegCount : 0;
        nodes.natWritten();
        logs.segmentsClosedSinceCp = 0;
        sit.commitDirtySegments();
        // Pre-free sections become free (and are discarded).
        if (sit.prefreeCount > 0) {
            long eraseReady = end;
            for (int s = 0; s < sections; s++) {
                if (sit.secState[s] == SegmentTable.PREFREE) {
                    sit.secState[s] = SegmentTable.FREE;
                    if (discard) {
                        long erased = dev.eraseSuperblock(metaSections + s, eraseReady);
                        fs.hook.sectionErased(s, erased);
                        end = Math.max(end, erased);
                    }
                    logs.putFree(s);
                }
            }
            sit.prefreeCount = 0;
        }
        nodes.fsyncMarkedLen = 0;
        Arrays.fill(ft.inlineUnmarked, 0);
        if (deltas != null) {
            deltas.clearEvicted();
        }
        cpVersion++;
        checkpoints++;
        long written = fs.nodePrograms + metaPrograms + fs.hostDataPrograms - before;
        packs[(int) (cpVersion & 1)] = new CheckpointPack(cpVersion, end, sit.validTotal, logs.freeCount,
                logs.logSec, logs.logOff, natJournal, sitJournal, written);
        lastCheckpointPs = Math.max(lastCheckpointPs, readyPs);
        lastCheckpointEndPs = Math.max(lastCheckpointEndPs, end);
        fs.opReadyPs = Math.max(saveReady, end);
        fs.inGc = wasInGc;
        fs.hook.checkpointWritten(cpVersion, headerPs, footerPs);
        return end;
    }

    /** Writes dentry block {@code b} of the root directory (hot data). */
    private long writeDirBlock(int b, long readyPs) {
        ft.ensureBlocks(0, b + 1L);
        int dn = nodes.ensureNode(0, NodeTree.dnodeOffset(b));
        int na = logs.alloc(LogFs.HOT_DATA, false);
        long t = dev.program(fs.page(na), readyPs);
        fs.hook.dataProgrammed(na, 0, b, 0L, t);
        fs.hostDataPrograms++;
        int old = ft.getAddr(0, b);
        if (old != FileTable.HOLE) {
            sit.invalidate(old);
        }
        sit.validate(na, (long) b);
        ft.setAddr(0, b, na);
        ft.sizeBytes[0] = Math.max(ft.sizeBytes[0], (b + 1L) * LogFs.BLOCK_BYTES);
        nodes.markNodeDirty(dn);
        return t;
    }

    private int countNatBlocks() {
        return distinctBlocks(nodes.natDirty, LogFs.NAT_ENTRIES_PER_BLOCK);
    }

    private int countSitBlocks() {
        return distinctBlocks(sit.dirtySegBits, LogFs.SIT_ENTRIES_PER_BLOCK);
    }

    /** Metadata blocks holding at least one set bit of {@code bitmap}, {@code entriesPerBlock} entries each. */
    private static int distinctBlocks(long[] bitmap, int entriesPerBlock) {
        int blocks = 0;
        int lastBlock = -1;
        for (int w = 0; w < bitmap.length; w++) {
            long bits = bitmap[w];
            while (bits != 0) {
                int entry = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int blk = entry / entriesPerBlock;
                if (blk != lastBlock) {
                    blocks++;
                    lastBlock = blk;
                }
            }
        }
        return blocks;
    }
}
