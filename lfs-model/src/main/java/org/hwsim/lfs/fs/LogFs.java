package org.hwsim.lfs.fs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.gc.SectionView;

/**
 * The F2FS-like file system (see the package comment for what is modelled and from where).
 *
 * <p>Requests are synchronous from the host's view: a write returns when its data is programmed
 * (like {@code O_DIRECT}), and {@link #lastLatencyPs()} is its completion minus its arrival,
 * including any foreground cleaning and checkpoint it had to wait for. Node blocks changed by a
 * write are written at the next fsync of the file or checkpoint. Errors are results ({@link
 * IoResult}), never exceptions; an {@link IllegalStateException} means a defect.
 *
 * <p>State is primitive arrays: per main block one bit (SIT bitmap), one bit at the last checkpoint
 * and one {@code long} owner (the segment summary: file and block index, or node id); per file
 * block an {@code int} address and a {@code long} content id, in chunks of 1,024 allocated on first
 * use; per node id its address (NAT). A live 4 KiB block costs about 20 bytes, so a device at 80%
 * utilization takes about 4.5 MiB of heap per GiB ({@link #stateBytes()}).
 *
 * <p>This class is the facade: it serves the requests and wires together the package-private parts
 * that hold the state and do the work: {@link SegmentTable} (SIT and segment summaries), {@link
 * FileTable} (files and block maps), {@link NodeTable} (NAT and dirty nodes), {@link NodeWriter}
 * (node pages), {@link LogAllocator} (free sections and the six active logs), {@link Cleaner}
 * (foreground and background cleaning) and {@link CheckpointWriter} (checkpoints).
 *
 * <p>Not thread-safe.
 */
public final class LogFs implements SectionView {
    /** File-system block size. */
    public static final int BLOCK_BYTES = 4096;
    /** Blocks per segment (2 MiB segments). */
    public static final int BLOCKS_PER_SEGMENT = 512;
    /** Largest inline file: F2FS's {@code MAX_INLINE_DATA} with the default inline xattr area. */
    public static final int MAX_INLINE_BYTES = 3488;
    /** Entries per SIT block ({@code SIT_ENTRY_PER_BLOCK}). */
    static final int SIT_ENTRIES_PER_BLOCK = 55;
    /** Entries per NAT block ({@code NAT_ENTRY_PER_BLOCK}). */
    static final int NAT_ENTRIES_PER_BLOCK = 455;
    static final int NAT_JOURNAL_ENTRIES = 38;
    static final int SIT_JOURNAL_ENTRIES = 6;
    /** Directory entries per dentry block ({@code NR_DENTRY_IN_BLOCK}). */
    static final int DENTRIES_PER_BLOCK = 214;
    /** Blocks of a checkpoint pack: header, three compacted data summaries, footer. */
    static final int CP_PACK_BLOCKS = 5;

    /** Active logs, in F2FS's {@code CURSEG_*} order. */
    public static final int HOT_DATA = 0;
    public static final int WARM_DATA = 1;
    public static final int COLD_DATA = 2;
    public static final int HOT_NODE = 3;
    public static final int WARM_NODE = 4;
    public static final int COLD_NODE = 5;
    static final String[] LOG_NAMES = {"hotData", "warmData", "coldData", "hotNode", "warmNode", "coldNode"};

    /**
     * File name extensions placed in the cold data log: the media list of f2fs-tools' mkfs
     * ({@code media_ext_lists}).
     */
    static final Set<String> COLD_EXTENSIONS = Set.of("jpg", "gif", "png", "avi", "divx", "mp4", "mp3", "3gp",
            "wmv", "wma", "mpeg", "mkv", "mov", "asx", "asf", "wmx", "svi", "wvx", "wm", "mpg", "mpe", "rm",
            "ogg", "jpeg", "video", "apk");

    private static final int HOLE = FileTable.HOLE;

    private final FlashDevice dev;
    private final FsConfig config;
    private final Superblock sb;
    private final int bps;
    private final int sections;
    private final long mainStartPage;
    private final int reserved;
    private final int gcBatch;
    private final int bgFree;
    private final int ssrFree;
    private final long userCapacityBlocks;

    /** SIT and SSA. */
    private final SegmentTable sit;
    /** Files and their block maps. */
    private final FileTable ft = new FileTable();
    /** NAT, node ids and dirty nodes. */
    private final NodeTable nodes = new NodeTable();
    /** Free sections and the six active logs. */
    private final LogAllocator logs;
    /** Foreground and background cleaning (the allocator runs it when free sections run low). */
    final Cleaner cleaner;
    /** Node page writes. */
    final NodeWriter nodeWriter;
    /** Checkpoints. */
    private final CheckpointWriter cpw;

    /** What is reaching flash, for crash simulation ({@link FlashImage}); a no-op unless attached. */
    PersistHook hook = PersistHook.NONE;

    // Time.
    private long barrierPs;
    /** When the request being served may issue its next flash operation, in ps. */
    long opReadyPs;
    private long lastArrivalPs;
    private long lastLatencyPs;
    /** True while cleaning, a checkpoint or a pre-fill allocates (no foreground cleaning, no SSR). */
    boolean inGc;

    // Counters.
    private long hostBytesWritten;
    private long hostBytesRead;
    long hostDataPrograms;
    long nodePrograms;
    private long inlineWrites;
    private long fsyncs;
    private final long[] resultCounts = new long[IoResult.values().length];

    /** DeltaFS delta compression, or null when deltas are off (the baseline, unchanged). */
    private final DeltaStore deltas;

    private LogFs(FlashDevice dev, FsConfig config, boolean format) {
        this.dev = dev;
        this.config = config;
        this.sb = Superblock.layout(dev.geometry());
        this.bps = sb.blocksPerSection();
        this.sections = sb.mainSections();
        int metaSections = sb.metaSections();
        this.mainStartPage = (long) metaSections * bps;
        this.reserved = config.reservedSections() > 0 ? config.reservedSections() : Math.max(8, sections / 50);
        this.gcBatch = config.gcBatchSections() > 0 ? config.gcBatchSections() : Math.max(2, sections / 64);
        this.bgFree = config.backgroundFreeSections() > 0 ? config.backgroundFreeSections() : 2 * reserved;
        this.ssrFree = config.ssrFreeSections() > 0 ? config.ssrFreeSections() : reserved + gcBatch + 2;
        if (reserved + gcBatch + 6 >= sections) {
            throw new IllegalArgumentException("reservedSections + gcBatchSections + 6 logs must be below the "
                    + sections + " main sections: " + reserved + " + " + gcBatch);
        }
        this.userCapacityBlocks = (long) (sections - reserved - 6) * bps;
        this.sit = new SegmentTable(sections, bps);
        this.logs = new LogAllocator(this, sit, dev, config, metaSections, reserved, ssrFree);
        this.nodeWriter = new NodeWriter(this, sit, logs, ft, nodes, dev);
        this.deltas = config.delta().enabled() ? new DeltaStore(config.delta(),
                new DeltaSpace(this, sit, logs, ft, nodes, dev)) : null;
        this.cleaner = new Cleaner(this, sit, logs, ft, nodes, dev, deltas, config, mainStartPage, reserved,
                gcBatch);
        this.cpw = new CheckpointWriter(this, sit, logs, ft, nodes, dev, deltas, config.discard(), metaSections,
                mainStartPage);
        if (!format) {
            return; // mounted from a recovered state: see restore
        }
        logs.openLogs();
        int root = createFile("/", true);
        if (root != 0) {
            throw new IllegalStateException("root must be file 0");
        }
    }

    /** Formats {@code dev} (which must be fresh) with {@code config}. */
    public static LogFs format(FlashDevice dev, FsConfig config) {
        return new LogFs(dev, config, true);
    }

    // ---------------------------------------------------------------- layout and views

    /** The layout. */
    public Superblock superblock() {
        return sb;
    }

    /** The device. */
    public FlashDevice device() {
        return dev;
    }

    /** The configuration with derived values filled in. */
    public FsConfig effectiveConfig() {
        return config.withSections(reserved, gcBatch, bgFree, ssrFree);
    }

    /** Blocks the host may fill: main area minus the reserved and the six log sections. */
    public long userCapacityBlocks() {
        return userCapacityBlocks;
    }

    /** Blocks of the main area. */
    public long mainBlocks() {
        return (long) sections * bps;
    }

    @Override
    public int sections() {
        return sections;
    }

    @Override
    public int blocksPerSection() {
        return bps;
    }

    @Override
    public boolean isCandidate(int section) {
        return sit.secState[section] == SegmentTable.FULL;
    }

    @Override
    public int validBlocks(int section) {
        return sit.secValid[section];
    }

    @Override
    public long lastModified(int section) {
        return sit.secMtime[section];
    }

    @Override
    public long clock() {
        return sit.clock;
    }

    /** Free sections now. */
    public int freeSections() {
        return logs.freeCount;
    }

    /** Valid blocks in the main area (data and nodes). */
    public long validBlocks() {
        return sit.validTotal;
    }

    /**
     * Blocks of the sections that hold data in the log rotation (the written part of open
     * sections, full and threaded-logging sections of the three data logs): the physical space the data's cleaning works in, without
     * the free reserve, pre-free sections and node sections. Used to state the effective
     * utilization {@code liveDataBlocks() / dataRotationBlocks()} that analytic models take.
     */
    public long dataRotationBlocks() {
        return logs.dataRotationBlocks();
    }

    /** Valid blocks in data sections (file and dentry data, no nodes). */
    public long liveDataBlocks() {
        return sit.liveDataBlocks();
    }

    /**
     * Node blocks written by fsync since the last checkpoint, in write order: the blocks F2FS marks
     * for roll-forward recovery (their node ids; a node may appear more than once).
     */
    public int[] fsyncMarkedNodes() {
        return Arrays.copyOf(nodes.fsyncMarked, nodes.fsyncMarkedLen);
    }

    /** The checkpoint pack in slot 0 or 1, or null if none was written there yet. */
    public CheckpointPack checkpointPack(int slot) {
        return cpw.packs[slot];
    }

    // ---------------------------------------------------------------- files

    /** The id of file {@code name}, or -1 if it does not exist. */
    public int fileId(String name) {
        Integer id = ft.fileIds.get(name);
        return id == null ? -1 : id;
    }

    /** The id of file {@code name}, created empty (a dentry in the root directory) if absent. */
    public int openOrCreate(String name) {
        Integer id = ft.fileIds.get(name);
        return id != null ? id : createFile(name, false);
    }

    /** Number of files, the root directory included. */
    public int files() {
        return ft.files;
    }

    /** File size in bytes. */
    public long sizeBytes(int file) {
        return ft.sizeBytes[file];
    }

    /** True if the file's data is inline in its inode. */
    public boolean isInline(int file) {
        return ft.inline[file];
    }

    /** Address of file block {@code block} in the main area, or -1 for a hole or inline data. */
    public int blockAddress(int file, long block) {
        return ft.getAddr(file, block);
    }

    /** Content id of file block {@code block} (0 for never written or bulk pre-filled content). */
    public long contentId(int file, long block) {
        return ft.contentId(file, block);
    }

    private int createFile(String name, boolean dir) {
        int f = ft.create(name, dir, config.inlineData());
        nodes.addFile(f);
        hook.fileCreated(f, name);
        return f;
    }

    // ---------------------------------------------------------------- main-area pages

    /** Flash page of main-area block {@code a}. */
    long page(int a) {
        return mainStartPage + a;
    }

    /** Programs data block {@code a} (remapped in a threaded-logging section); returns the completion. */
    long programData(int a, long readyPs) {
        return sit.secState[a / bps] == SegmentTable.SSR ? dev.programRemapped(page(a), readyPs)
                : dev.program(page(a), readyPs);
    }

    // ---------------------------------------------------------------- requests

    /** Latency of the last request, in ps (completion minus arrival). */
    public long lastLatencyPs() {
        return lastLatencyPs;
    }

    private void arrive(long arrivalPs) {
        if (arrivalPs - lastArrivalPs >= config.backgroundIdlePs() && logs.freeCount < bgFree) {
            long start = Math.max(barrierPs, lastArrivalPs);
            long idle = arrivalPs - start;
            if (idle >= config.backgroundIdlePs()) {
                int n = (int) Math.max(1, Math.min(gcBatch, idle / config.backgroundIdlePs()));
                barrierPs = Math.max(barrierPs, cleaner.backgroundGc(n, start));
            }
        }
        if (arrivalPs - cpw.lastCheckpointPs >= config.checkpointIntervalPs()) {
            barrierPs = Math.max(barrierPs, checkpoint(Math.max(arrivalPs, barrierPs)));
        }
        lastArrivalPs = Math.max(lastArrivalPs, arrivalPs);
        opReadyPs = Math.max(arrivalPs, barrierPs);
    }

    private IoResult done(IoResult r, long arrivalPs, long completionPs) {
        lastLatencyPs = completionPs - arrivalPs;
        resultCounts[r.ordinal()]++;
        return r;
    }

    /**
     * Writes {@code lengthBytes} at {@code offsetBytes} of {@code file} with content {@code contentId}
     * (stored per block; 0 means "no content model"). Partial overwrites of a block read it first.
     */
    public IoResult write(int file, long offsetBytes, long lengthBytes, long contentId, long arrivalPs) {
        arrive(arrivalPs);
        long end = offsetBytes + lengthBytes;
        if (ft.inline[file]) {
            if (end <= MAX_INLINE_BYTES) {
                inlineWrites++;
                hostBytesWritten += lengthBytes;
                ft.sizeBytes[file] = Math.max(ft.sizeBytes[file], end);
                ft.inlineContent[file] = contentId;
                long t = nodeWriter.write(nodes.nodeNid[file][0], opReadyPs);
                ft.markInlineUnmarked(file);
                hook.inlineWritten(file, contentId);
                return done(IoResult.OK, arrivalPs, t);
            }
            convertInline(file);
        }
        long first = offsetBytes / BLOCK_BYTES;
        long last = (end - 1) / BLOCK_BYTES;
        if (NodeTree.dnodeOffset(last) < 0) {
            return done(IoResult.EFBIG, arrivalPs, opReadyPs);
        }
        ft.ensureBlocks(file, last + 1);
        long completion = opReadyPs;
        for (long b = first; b <= last; b++) {
            int old = ft.getAddr(file, b);
            if (old == HOLE && sit.validTotal >= userCapacityBlocks) {
                hostBytesWritten += Math.max(0, Math.min(end, b * BLOCK_BYTES) - offsetBytes);
                ft.sizeBytes[file] = Math.max(ft.sizeBytes[file], b * BLOCK_BYTES);
                ft.writebackPs[file] = Math.max(ft.writebackPs[file], completion);
                return done(IoResult.ENOSPC, arrivalPs, completion);
            }
            int dn = nodes.ensureNode(file, NodeTree.dnodeOffset(b));
            if (deltas != null && old != HOLE && deltas.overwrite(file, b, contentId(file, b), contentId, opReadyPs)) {
                ft.setContent(file, b, contentId); // a delta instead of a page (DeltaStore)
                hook.deltaWritten(file, b, contentId);
                continue;
            }
            long ready = opReadyPs;
            boolean partial = (b == first && offsetBytes % BLOCK_BYTES != 0)
                    || (b == last && end % BLOCK_BYTES != 0 && end < ft.sizeBytes[file]);
            if (partial && old != HOLE) {
                ready = dev.read(page(old), ready);
            }
            int na = logs.alloc(ft.dataLog[file], true);
            ready = Math.max(ready, opReadyPs);
            long t = programData(na, ready);
            if (t > completion) {
                completion = t;
            }
            hook.dataProgrammed(na, file, b, contentId, t);
            hostDataPrograms++;
            old = ft.getAddr(file, b);
            if (old != HOLE) {
                sit.invalidate(old);
            }
            sit.validate(na, ((long) file << 32) | b);
            ft.setAddr(file, b, na);
            ft.setContent(file, b, contentId);
            nodes.markNodeDirty(dn);
            if (deltas != null) {
                deltas.drop(file, b);
            }
        }
        hostBytesWritten += lengthBytes;
        if (end > ft.sizeBytes[file]) {
            ft.sizeBytes[file] = end;
            nodes.markNodeDirty(nodes.nodeNid[file][0]);
        }
        if (completion > ft.writebackPs[file]) {
            ft.writebackPs[file] = completion;
        }
        return done(IoResult.OK, arrivalPs, completion);
    }

    private void convertInline(int file) {
        ft.inline[file] = false;
        if (ft.sizeBytes[file] > 0) {
            ft.ensureBlocks(file, 1);
            int dn = nodes.ensureNode(file, 0);
            int na = logs.alloc(ft.dataLog[file], true);
            long t = programData(na, opReadyPs);
            hook.dataProgrammed(na, file, 0, ft.inlineContent[file], t);
            ft.writebackPs[file] = Math.max(ft.writebackPs[file], t);
            hostDataPrograms++;
            sit.validate(na, (long) file << 32);
            ft.setAddr(file, 0, na);
            ft.setContent(file, 0, ft.inlineContent[file]);
            nodes.markNodeDirty(dn);
            opReadyPs = Math.max(opReadyPs, t);
        }
    }

    /** Reads {@code lengthBytes} at {@code offsetBytes}; holes and bytes past the end cost nothing. */
    public IoResult read(int file, long offsetBytes, long lengthBytes, long arrivalPs) {
        arrive(arrivalPs);
        if (file < 0) {
            return done(IoResult.ENOENT, arrivalPs, opReadyPs);
        }
        hostBytesRead += lengthBytes;
        long completion = opReadyPs;
        if (ft.inline[file]) {
            int a = nodes.nat[nodes.nodeNid[file][0]];
            if (a >= 0 && ft.sizeBytes[file] > 0) {
                completion = dev.read(page(a), opReadyPs);
            }
            return done(IoResult.OK, arrivalPs, completion);
        }
        long first = offsetBytes / BLOCK_BYTES;
        long last = (offsetBytes + lengthBytes - 1) / BLOCK_BYTES;
        long limit = ft.mappedBlocks(file);
        for (long b = first; b <= last && b < limit; b++) {
            int x = ft.getAddr(file, b);
            if (x != HOLE) {
                long t = dev.read(page(x), opReadyPs);
                if (deltas != null) {
                    t = Math.max(t, deltas.readExtra(file, b, opReadyPs));
                }
                if (t > completion) {
                    completion = t;
                }
            }
        }
        return done(IoResult.OK, arrivalPs, completion);
    }

    /** Discards the whole blocks in the range (punches a hole); partial blocks are kept. */
    public IoResult trim(int file, long offsetBytes, long lengthBytes, long arrivalPs) {
        arrive(arrivalPs);
        if (file < 0) {
            return done(IoResult.ENOENT, arrivalPs, opReadyPs);
        }
        if (ft.inline[file]) {
            return done(IoResult.OK, arrivalPs, opReadyPs);
        }
        long first = (offsetBytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
        long endBlock = (offsetBytes + lengthBytes) / BLOCK_BYTES;
        long limit = ft.mappedBlocks(file);
        for (long b = first; b < endBlock && b < limit; b++) {
            int x = ft.getAddr(file, b);
            if (x != HOLE) {
                sit.invalidate(x);
                ft.setAddr(file, b, HOLE);
                if (deltas != null) {
                    deltas.drop(file, b);
                }
                nodes.markNodeDirty(nodes.nodeNid[file][NodeTree.dnodeOffset(b)]);
                hook.trimmed(file, b);
            }
        }
        return done(IoResult.OK, arrivalPs, opReadyPs);
    }

    /** Writes the file's dirty nodes with an fsync mark (F2FS's fsync without a checkpoint). */
    public IoResult fsync(int file, long arrivalPs) {
        arrive(arrivalPs);
        if (file < 0) {
            return done(IoResult.ENOENT, arrivalPs, opReadyPs);
        }
        fsyncs++;
        // Data before nodes (F2FS waits for the file's data writeback first), so a node page with
        // an fsync mark on flash implies the data it points to is there too; the open delta page
        // holds data too.
        long ready = Math.max(Math.max(opReadyPs, ft.writebackPs[file]), cpw.lastCheckpointEndPs);
        if (deltas != null) {
            ready = deltas.flush(ready);
        }
        long completion = ready;
        int[] n = nodes.nodeNid[file];
        if (ft.takeInlineUnmarked(file)) {
            nodes.markNodeDirty(n[0]);
        }
        if (nodes.dirtyNodes > 0 && (deltas == null || !deltas.takeEvicted(file))) {
            for (int nid : n) {
                if (nid != 0 && nodes.isNodeDirty(nid)) {
                    completion = Math.max(completion, nodeWriter.writeMarked(nid, ready));
                }
            }
        } else if (nodes.dirtyNodes > 0) {
            // A chain was evicted from the inline area to the delta area since the inode was last
            // written: the inode (chain gone) goes after the file's other nodes (the chain's new
            // index) complete, so a power cut never loses both.
            for (int i = 1; i < n.length; i++) {
                if (n[i] != 0 && nodes.isNodeDirty(n[i])) {
                    completion = Math.max(completion, nodeWriter.writeMarked(n[i], ready));
                }
            }
            if (n[0] != 0 && nodes.isNodeDirty(n[0])) {
                completion = Math.max(completion, nodeWriter.writeMarked(n[0], completion));
            }
        }
        ft.writebackPs[file] = completion;
        hook.fsynced(file, completion);
        return done(IoResult.OK, arrivalPs, completion);
    }

    // ---------------------------------------------------------------- checkpoint

    /**
     * Writes a checkpoint from {@code readyPs}: dirty dentry blocks, dirty nodes, NAT and SIT blocks
     * beyond their journals, the summaries of segments closed since the last checkpoint, and the
     * pack in slot {@code version % 2}; then frees (and with discard erases) pre-free sections.
     *
     * @return the completion time
     */
    public long checkpoint(long readyPs) {
        return cpw.checkpoint(readyPs);
    }

    // ---------------------------------------------------------------- bulk pre-fill

    /**
     * Creates {@code name} with {@code sizeBytes} of content written as one sequential stream, in
     * bulk: blocks and nodes are laid out in their logs and marked programmed on the device, without
     * timing, energy or counters (the measured run starts afterwards). Content ids are 0 (the file's
     * base content). Returns the file id, or throws if the data does not fit the user capacity.
     */
    public int prefill(String name, long sizeBytes) {
        if (hook != PersistHook.NONE) {
            throw new IllegalStateException("prefill of " + name + " after a flash image was attached: pre-fill first");
        }
        int f = openOrCreate(name);
        long blocks = (sizeBytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
        if (blocks == 0) {
            return f;
        }
        if (NodeTree.dnodeOffset(blocks - 1) < 0) {
            throw new IllegalArgumentException("prefill of " + name + ": " + sizeBytes + " bytes exceeds the largest file");
        }
        long nodeBlocks = blocks / NodeTree.ADDRS_PER_BLOCK + 4;
        if (sit.validTotal + blocks + nodeBlocks > userCapacityBlocks) {
            throw new IllegalArgumentException("prefill of " + name + ": " + blocks + " blocks do not fit the "
                    + (userCapacityBlocks - sit.validTotal) + " free user blocks");
        }
        new Prefill(this, sit, logs, ft, nodes, dev).layOut(f, blocks);
        ft.sizeBytes[f] = Math.max(ft.sizeBytes[f], sizeBytes);
        return f;
    }

    // ---------------------------------------------------------------- crash simulation support
    // Hooks for FlashImage and Recovery (package-private): the persistent image is recorded through
    // PersistHook, checkpoints and fsync marks capture state here, and a recovered state mounts here.

    void attachHook(PersistHook h) {
        if (hook != PersistHook.NONE) {
            throw new IllegalStateException("a flash image is already attached");
        }
        hook = h;
    }

    long mainStartPage() {
        return mainStartPage;
    }

    /** The file table, NAT and SIT now, deep-copied: what a checkpoint pack written now stands for. */
    FsState captureState() {
        FsState s = new FsState();
        s.cpVersion = cpw.cpVersion;
        ft.capture(s);
        nodes.capture(s, ft.files);
        s.valid = sit.valid.clone();
        s.chains = deltas == null ? null : deltas.allChains();
        return s;
    }

    /** What the page of node {@code nid} written now holds, for roll-forward. */
    NodePayload nodePayload(int nid) {
        return NodePayload.of(nid, ft, nodes, deltas);
    }

    /**
     * A file system on {@code dev} in state {@code s} (after roll-back and roll-forward), with SIT,
     * summaries and section states rebuilt from the file table and NAT and six fresh logs; time
     * resumes at {@code nowPs}. Blocks claimed twice keep their first owner and are listed in
     * {@code problems}. With discard, free sections holding programmed pages are erased.
     */
    static LogFs mount(FlashDevice dev, FsConfig config, FsState s, long nowPs, List<String> problems) {
        LogFs fs = new LogFs(dev, config, false);
        fs.restore(s, nowPs, problems);
        return fs;
    }

    private void restore(FsState s, long nowPs, List<String> problems) {
        ft.restore(s);
        nodes.restore(s, ft.names.length);
        cpw.cpVersion = s.cpVersion;
        Fsck.claimAll(sit, ft, nodes, deltas, s, problems);
        System.arraycopy(sit.valid, 0, sit.ckptValid, 0, sit.valid.length);
        logs.rebuildSections(ft.dataLog, nowPs);
        opReadyPs = nowPs;
        barrierPs = nowPs;
        lastArrivalPs = nowPs;
        cpw.lastCheckpointPs = nowPs;
        logs.reopenLogs();
    }

    // ---------------------------------------------------------------- checks and statistics

    /**
     * Checks that NAT, SIT and segment summaries agree: every file block and node is valid in the
     * SIT, owned by it in the summary, reached exactly once; valid counts per segment and section
     * equal their bitmaps. Returns the problems found (empty if consistent), at most 20.
     */
    public List<String> checkConsistency() {
        return Fsck.check(sit, ft, nodes, deltas, sb.segmentsPerSection());
    }

    /** Bytes held by the model's arrays (SIT, SSA, block maps, NAT), for memory budgeting. */
    public long stateBytes() {
        long b = sit.stateBytes() + logs.stateBytes() + nodes.stateBytes(ft.files) + ft.stateBytes();
        return deltas == null ? b : b + deltas.stateBytes();
    }

    /** A snapshot of the counters. */
    public Stats stats() {
        return new Stats(hostBytesWritten, hostBytesRead, hostDataPrograms, cleaner.gcDataMoved, cleaner.gcNodeMoved,
                nodePrograms, cpw.metaPrograms, cleaner.fgGcRuns, cleaner.bgGcRuns, cleaner.sectionsCleaned,
                cpw.checkpoints, logs.ssrWrites, inlineWrites, fsyncs, cleaner.gcStuck, resultCounts.clone());
    }

    /** DeltaFS counters (all zero when deltas are off). */
    public DeltaStats deltaStats() {
        return deltas == null ? new DeltaStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) : deltas.stats();
    }

    /**
     * The bytes a read of {@code file} block {@code block} returns: with deltas, its base content
     * with every delta decoded on top; otherwise its content id rendered ({@link ContentModel}).
     */
    public void readContent(int file, long block, byte[] out) {
        if (deltas != null) {
            deltas.reconstruct(file, block, out);
        } else {
            ContentModel.render(contentId(file, block), out);
        }
    }

    /** Deltas on top of the block's base page (0 without deltas). */
    public int deltaChainLength(int file, long block) {
        return deltas == null ? 0 : deltas.chainLength(file, block);
    }

    /** True if deltas are on and the open delta page holds deltas not programmed yet. */
    boolean deltaPageOpen() {
        return deltas != null && deltas.openPageHoldsDeltas();
    }

    /** Bytes of {@code file}'s inode inline area holding deltas, entry headers included. */
    public int inlineDeltaBytes(int file) {
        return deltas == null ? 0 : deltas.inlineBytes(file);
    }

    /** Counts a request the caller rejected before it reached the file system (e.g. {@code ERANGE}). */
    public void recordRejected(IoResult r) {
        resultCounts[r.ordinal()]++;
    }

    /** Number of requests that ended with {@code r}. */
    public long resultCount(IoResult r) {
        return resultCounts[r.ordinal()];
    }

    /**
     * File-system counters. {@code hostDataPrograms} counts data blocks programmed for host writes
     * (delta pages included) and dentries; {@code gcDataMoved}/{@code gcNodeMoved} blocks moved by cleaning;
     * {@code nodePrograms} every node block programmed (cleaning included); {@code metaPrograms}
     * NAT/SIT/SSA blocks and checkpoint packs.
     */
    public record Stats(long hostBytesWritten, long hostBytesRead, long hostDataPrograms, long gcDataMoved,
                        long gcNodeMoved, long nodePrograms, long metaPrograms, long foregroundGcRuns,
                        long backgroundGcRuns, long sectionsCleaned, long checkpoints, long ssrWrites,
                        long inlineWrites, long fsyncs, long gcStuck, long[] resultCounts) {
        /** Copies the array. */
        public Stats {
            resultCounts = resultCounts.clone();
        }

        /** Blocks programmed in the main and meta areas. */
        public long blocksProgrammed() {
            return hostDataPrograms + gcDataMoved + nodePrograms + metaPrograms;
        }

        /** Counters accumulated since {@code earlier}. */
        public Stats minus(Stats earlier) {
            long[] r = resultCounts.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] -= earlier.resultCounts[i];
            }
            return new Stats(hostBytesWritten - earlier.hostBytesWritten, hostBytesRead - earlier.hostBytesRead,
                    hostDataPrograms - earlier.hostDataPrograms, gcDataMoved - earlier.gcDataMoved,
                    gcNodeMoved - earlier.gcNodeMoved, nodePrograms - earlier.nodePrograms,
                    metaPrograms - earlier.metaPrograms, foregroundGcRuns - earlier.foregroundGcRuns,
                    backgroundGcRuns - earlier.backgroundGcRuns, sectionsCleaned - earlier.sectionsCleaned,
                    checkpoints - earlier.checkpoints, ssrWrites - earlier.ssrWrites,
                    inlineWrites - earlier.inlineWrites, fsyncs - earlier.fsyncs, gcStuck - earlier.gcStuck, r);
        }

        /** As an ordered map for a report section. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostBytesWritten", hostBytesWritten);
            m.put("hostBytesRead", hostBytesRead);
            m.put("hostDataBlocksProgrammed", hostDataPrograms);
            m.put("gcDataBlocksMoved", gcDataMoved);
            m.put("gcNodeBlocksMoved", gcNodeMoved);
            m.put("nodeBlocksProgrammed", nodePrograms);
            m.put("metaBlocksProgrammed", metaPrograms);
            m.put("foregroundGcRuns", foregroundGcRuns);
            m.put("backgroundGcRuns", backgroundGcRuns);
            m.put("sectionsCleaned", sectionsCleaned);
            m.put("checkpoints", checkpoints);
            m.put("threadedLoggingWrites", ssrWrites);
            m.put("inlineWrites", inlineWrites);
            m.put("fsyncs", fsyncs);
            m.put("gcNoVictim", gcStuck);
            Map<String, Long> results = new LinkedHashMap<>();
            for (IoResult r : IoResult.values()) {
                results.put(r.id(), resultCounts[r.ordinal()]);
            }
            m.put("results", results);
            return m;
        }
    }
}
