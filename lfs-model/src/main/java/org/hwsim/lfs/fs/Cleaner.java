package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.gc.VictimPolicy;

/**
 * Segment cleaning (F2FS's {@code f2fs_gc}): foreground cleaning when a host write finds free
 * sections below the reserve ({@code FG_GC}, greedy by default), background cleaning in idle time
 * ({@code BG_GC}, cost-benefit by default). A victim's valid blocks move to the cold data log (data
 * and delta pages) or their node log (nodes), and a checkpoint turns the cleaned, now pre-free
 * sections into free ones.
 *
 * <p>Not thread-safe.
 */
final class Cleaner {
    private final LogFs fs;
    private final SegmentTable sit;
    private final LogAllocator logs;
    private final FileTable ft;
    private final NodeTable nodes;
    private final FlashDevice dev;
    /** DeltaFS delta pages to move, or null when deltas are off. */
    private final DeltaStore deltas;
    private final VictimPolicy fgPolicy;
    private final VictimPolicy bgPolicy;
    private final int bps;
    /** Flash page of main-area block 0. */
    private final long mainStartPage;
    private final int reserved;
    private final int gcBatch;
    /** Addresses of a victim's valid blocks and the completion times of their reads, in ps. */
    private final int[] gcAddr;
    private final long[] gcReadDone;

    long fgGcRuns;
    long bgGcRuns;
    long sectionsCleaned;
    long gcStuck;
    long gcDataMoved;
    long gcNodeMoved;

    Cleaner(LogFs fs, SegmentTable sit, LogAllocator logs, FileTable ft, NodeTable nodes, FlashDevice dev,
            DeltaStore deltas, FsConfig config, long mainStartPage, int reserved, int gcBatch) {
        this.fs = fs;
        this.sit = sit;
        this.logs = logs;
        this.ft = ft;
        this.nodes = nodes;
        this.dev = dev;
        this.deltas = deltas;
        this.fgPolicy = VictimPolicy.byId(config.foregroundGc());
        this.bgPolicy = VictimPolicy.byId(config.backgroundGc());
        this.bps = sit.bps;
        this.mainStartPage = mainStartPage;
        this.reserved = reserved;
        this.gcBatch = gcBatch;
        this.gcAddr = new int[bps];
        this.gcReadDone = new long[bps];
    }

    /** Foreground cleaning from {@code readyPs}; returns its completion. */
    long foregroundGc(long readyPs) {
        fgGcRuns++;
        return runGc(fgPolicy, Integer.MAX_VALUE, readyPs, true);
    }

    /** Background cleaning of at most {@code maxSections} from {@code readyPs}; returns its completion. */
    long backgroundGc(int maxSections, long readyPs) {
        long end = runGc(bgPolicy, maxSections, readyPs, false);
        bgGcRuns++;
        return end;
    }

    /**
     * Cleans sections chosen by {@code policy}: foreground until free plus pre-free sections reach
     * the reserve plus the batch, background at most {@code maxSections}; then checkpoints so the
     * cleaned sections become free. Returns when everything it issued is complete.
     */
    private long runGc(VictimPolicy policy, int maxSections, long readyPs, boolean foreground) {
        fs.inGc = true;
        long end = readyPs;
        int cleaned = 0;
        while (cleaned < maxSections && (!foreground || logs.freeCount + sit.prefreeCount < reserved + gcBatch)) {
            int v = policy.selectVictim(sit);
            if (v < 0) {
                gcStuck++;
                break;
            }
            end = Math.max(end, migrate(v, readyPs));
            if (logs.freeCount < 3 && sit.prefreeCount > 0) {
                // Cleaning consumes free sections before the checkpoint returns the cleaned ones.
                end = fs.checkpoint(end);
            }
            cleaned++;
            sectionsCleaned++;
        }
        fs.inGc = false;
        if (sit.prefreeCount > 0) {
            end = fs.checkpoint(end);
        }
        return end;
    }

    /**
     * Moves the valid blocks of {@code sec}: first every read (issued in address order, so reads
     * stripe over the planes and complete in about the order they were issued), then every write in
     * the same order, each ready when its read completes. Issuing reads and writes alternately would
     * leave the in-order channels waiting on one busy plane while others idle.
     */
    private long migrate(int sec, long readyPs) {
        long end = readyPs;
        int base = sec * bps;
        int n = 0;
        long[] valid = sit.valid;
        PersistHook hook = fs.hook; // cannot change while cleaning
        for (int w = base >>> 6, wEnd = (base + bps) >>> 6; w < wEnd; w++) {
            long bits = valid[w];
            while (bits != 0) {
                int a = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                gcAddr[n] = a;
                gcReadDone[n++] = dev.read(mainStartPage + a, readyPs);
            }
        }
        for (int i = 0; i < n; i++) {
            int a = gcAddr[i];
            long r = gcReadDone[i];
            long owner = sit.ssa[a];
            if (owner >= 0) {
                int f = (int) (owner >>> 32);
                int b = (int) owner;
                int na = logs.alloc(LogFs.COLD_DATA, false);
                long t = programData(na, r);
                end = Math.max(end, t);
                hook.blockMoved(a, na, t);
                sit.invalidate(a);
                sit.validate(na, owner);
                ft.setAddr(f, b, na);
                nodes.markNodeDirty(nodes.nodeNid[f][NodeTree.dnodeOffset(b)]);
                gcDataMoved++;
            } else if (DeltaStore.isDeltaOwner(owner)) {
                int na = logs.alloc(LogFs.COLD_DATA, false);
                long t = programData(na, r);
                end = Math.max(end, t);
                hook.blockMoved(a, na, t);
                sit.invalidate(a);
                sit.validate(na, owner);
                deltas.moved(owner, na);
                gcDataMoved++;
            } else {
                int nid = (int) (owner & 0x7fffffffL);
                int na = logs.alloc(fs.nodeWriter.nodeLog(nid), false);
                long t = dev.program(mainStartPage + na, r);
                end = Math.max(end, t);
                hook.blockMoved(a, na, t);
                fs.nodePrograms++;
                sit.invalidate(a);
                sit.validate(na, owner);
                nodes.setAddr(nid, na);
                gcNodeMoved++;
            }
        }
        return end;
    }

    /** {@link LogFs#programData}, without the hop through the file system on the cleaning path. */
    private long programData(int a, long readyPs) {
        long page = mainStartPage + a;
        return sit.secState[a / bps] == SegmentTable.SSR ? dev.programRemapped(page, readyPs)
                : dev.program(page, readyPs);
    }
}
