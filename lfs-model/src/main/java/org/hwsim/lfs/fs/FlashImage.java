package org.hwsim.lfs.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is on flash when power is cut at {@link #crashAtPs()}: the persistent image of a {@link
 * LogFs}, kept apart from its in-memory state. Attach it after the bulk pre-fill; from then on the
 * file system reports every program, erase, checkpoint and fsync, and the image applies each one
 * as it stands at the crash instant:
 * <ul>
 *   <li>a program that completed by the crash persists (the page holds its owner and content);</li>
 *   <li>a program whose plane operation was under way at the crash (completion minus tPROG before
 *       the crash, completion after it) leaves the page torn: unreadable;</li>
 *   <li>a program that had not started leaves the page as it was (the same for erases, with
 *       tBERS).</li>
 * </ul>
 * Per main-area page the image holds its owner (a file block, a node id, a DeltaFS delta page,
 * erased, torn or stale garbage), the content id of a data page, the write stamp of a delta page or
 * the checkpoint version of a node page (F2FS's {@code cp_ver} in the node footer), a program
 * sequence number and the fsync mark; node pages with an fsync mark also keep their block pointers
 * and, with deltas, the delta chains they index ({@link NodePayload}, {@link DeltaChain}), dropped
 * once a newer checkpoint is complete. Delta pages are programmed, torn and moved like data pages;
 * a delta written without a page program (inline, or into the open delta page) counts as a write of
 * its block for the durability log. Each of the two checkpoint-pack slots holds the versions its header and
 * footer carry and, when both match, the file table (with its delta chains), NAT and SIT the pack stands for (F2FS's
 * validity test of a pack). The state at {@link #attach} counts as the checkpoint mkfs and the
 * pre-fill wrote.
 *
 * <p>The image also keeps the host's view needed by {@link CrashChecker}: for every file block the
 * content made durable by a completed fsync of the file or a completed checkpoint, and the writes
 * issued after that. Memory ({@link #stateBytes()}): 25 bytes per main-area block, the newest
 * complete pack's state (about 12 bytes per live file block) and the durability log (8 per file
 * block); nothing is allocated when no image is attached.
 *
 * <p>Not thread-safe; one image per file system.
 */
public final class FlashImage implements PersistHook {
    static final long ERASED = -1L;
    static final long TORN = -2L;
    static final long STALE = -3L;
    static final long NODE = Long.MIN_VALUE;
    /** Owner of a DeltaFS delta page (its content is the page's write stamp). */
    static final long DELTA = Long.MIN_VALUE | (1L << 62);
    private static final byte MARK = 1;

    private final LogFs fs;
    private final long crashAtPs;
    private final long programPs;
    private final long erasePs;
    private final int blocksPerSection;
    private final long[] owner;
    private final long[] content;
    private final long[] seq;
    private final byte[] flags;
    private final Map<Integer, NodePayload> payloads = new HashMap<>();
    private final long[] headerVersion = {-1, -1};
    private final long[] footerVersion = {-1, -1};
    private final FsState[] packState = new FsState[2];
    private final List<String> names = new ArrayList<>();
    private final AckLog acks = new AckLog();
    private long epoch;
    private long nextSeq = 1;
    private long programsPersisted;
    private long programsTorn;
    private long programsNotStarted;
    private long erasesTorn;
    private long checkpointsComplete;
    private long checkpointsLost;
    private long fsyncsComplete;
    private long deltaPagesTorn;

    private FlashImage(LogFs fs, long crashAtPs) {
        this.fs = fs;
        this.crashAtPs = crashAtPs;
        this.programPs = fs.device().timing().programPs();
        this.erasePs = fs.device().timing().erasePs();
        this.blocksPerSection = fs.blocksPerSection();
        int n = (int) fs.mainBlocks();
        this.owner = new long[n];
        this.content = new long[n];
        this.seq = new long[n];
        this.flags = new byte[n];
    }

    /**
     * Attaches an image to {@code fs} that records what flash holds when power is cut at
     * {@code crashAtPs}. The file system's state now (after format and pre-fill) is taken as on
     * flash and checkpointed. Requests arriving after the crash instant must not be replayed.
     *
     * @throws IllegalArgumentException if {@code crashAtPs} is negative
     * @throws IllegalStateException if an image is already attached, or if deltas written since the
     *     last checkpoint or fsync wait in the open delta page (attach after the pre-fill or a checkpoint)
     */
    public static FlashImage attach(LogFs fs, long crashAtPs) {
        if (crashAtPs < 0) {
            throw new IllegalArgumentException("crashAtPs must be >= 0: " + crashAtPs);
        }
        if (fs.deltaPageOpen()) {
            throw new IllegalStateException("cannot attach a flash image while the open delta page holds deltas "
                    + "not on flash: attach after the pre-fill or a checkpoint");
        }
        FlashImage image = new FlashImage(fs, crashAtPs);
        image.scan();
        fs.attachHook(image);
        return image;
    }

    private void scan() {
        Arrays.fill(owner, ERASED);
        long start = fs.mainStartPage();
        for (int a = 0; a < owner.length; a++) {
            if (fs.device().isProgrammed(start + a)) {
                owner[a] = STALE;
            }
        }
        FsState s = fs.captureState();
        epoch = s.cpVersion;
        for (int f = 0; f < s.files; f++) {
            names.add(s.names[f]);
            acks.durableNow(f, -1, 0);
            for (int c = 0; c < s.addr[f].length; c++) {
                int[] k = s.addr[f][c];
                for (int i = 0; k != null && i < FsState.CHUNK; i++) {
                    if (k[i] >= 0) {
                        long b = ((long) c << FsState.CHUNK_BITS) | i;
                        owner[k[i]] = ((long) f << 32) | b;
                        DeltaChain ch = s.chain(f, b);
                        content[k[i]] = ch != null ? ch.baseId() : s.getContent(f, b); // the page holds the base
                        acks.durableNow(f, b, s.getContent(f, b));
                    }
                }
            }
            if (s.inline[f] && s.sizeBytes[f] > 0) {
                acks.durableNow(f, 0, s.inlineContent[f]);
            }
            for (int nid : s.nodeNid[f]) {
                if (nid != 0 && s.nat[nid] >= 0) {
                    owner[s.nat[nid]] = NODE | nid;
                    content[s.nat[nid]] = epoch;
                }
            }
        }
        if (s.chains != null) {
            for (DeltaChain c : s.chains.values()) {
                for (int i = 0; !c.inline() && i < c.pageAddrs().length; i++) {
                    owner[c.pageAddrs()[i]] = DELTA;
                    content[c.pageAddrs()[i]] = c.pageStamps()[i];
                }
            }
        }
        int slot = (int) (epoch & 1);
        headerVersion[slot] = epoch;
        footerVersion[slot] = epoch;
        packState[slot] = s;
    }

    // ---------------------------------------------------------------- hook

    /** PERSISTED, TORN or NOT_STARTED for an operation of {@code busyPs} completing at {@code completionPs}. */
    private int outcome(long completionPs, long busyPs) {
        if (completionPs <= crashAtPs) {
            return 0;
        }
        return completionPs - busyPs < crashAtPs ? 1 : 2;
    }

    private boolean program(int a, long completionPs) {
        switch (outcome(completionPs, programPs)) {
            case 0:
                programsPersisted++;
                if (flags[a] != 0) {
                    payloads.remove(a);
                    flags[a] = 0;
                }
                return true;
            case 1:
                programsTorn++;
                tear(a);
                return false;
            default:
                programsNotStarted++;
                return false;
        }
    }

    private void tear(int a) {
        owner[a] = TORN;
        if (flags[a] != 0) {
            payloads.remove(a);
            flags[a] = 0;
        }
    }

    @Override
    public void fileCreated(int file, String name) {
        while (names.size() <= file) {
            names.add(null);
        }
        names.set(file, name);
        acks.created(file);
    }

    @Override
    public void dataProgrammed(int addr, int file, long block, long contentId, long completionPs) {
        long s = nextSeq++;
        acks.written(file, block, contentId);
        if (program(addr, completionPs)) {
            owner[addr] = ((long) file << 32) | block;
            content[addr] = contentId;
            seq[addr] = s;
        }
    }

    @Override
    public void blockMoved(int from, int to, long completionPs) {
        long o = owner[from];
        long c = content[from];
        long s = seq[from];
        byte fl = flags[from];
        NodePayload p = fl != 0 ? payloads.get(from) : null;
        if (!program(to, completionPs)) {
            if (o == DELTA && owner[to] == TORN) {
                deltaPagesTorn++;
            }
        } else {
            owner[to] = o;
            boolean node = isNode(o);
            content[to] = node ? epoch : c;
            seq[to] = node ? nextSeq++ : s;
            if (p != null) {
                flags[to] = fl;
                payloads.put(to, p);
            }
        }
    }

    @Override
    public void deltaPageProgrammed(int addr, long stamp, long completionPs) {
        long s = nextSeq++;
        if (program(addr, completionPs)) {
            owner[addr] = DELTA;
            content[addr] = stamp;
            seq[addr] = s;
        } else if (owner[addr] == TORN) {
            deltaPagesTorn++;
        }
    }

    @Override
    public void deltaWritten(int file, long block, long contentId) {
        acks.written(file, block, contentId);
    }

    /** True if {@code owner} names a node page. */
    static boolean isNode(long owner) {
        return owner < 0 && owner != ERASED && owner != TORN && owner != STALE && owner != DELTA;
    }

    /** True if page {@code addr} holds the delta page with write stamp {@code stamp}, intact. */
    boolean holdsDeltaPage(int addr, long stamp) {
        return addr >= 0 && addr < owner.length && owner[addr] == DELTA && content[addr] == stamp;
    }

    @Override
    public void nodeProgrammed(int addr, int nid, boolean fsyncMark, long completionPs) {
        if (program(addr, completionPs)) {
            owner[addr] = NODE | nid;
            content[addr] = epoch;
            seq[addr] = nextSeq++;
            if (fsyncMark) {
                flags[addr] = MARK;
                payloads.put(addr, fs.nodePayload(nid));
            }
        }
    }

    @Override
    public void sectionErased(int section, long completionPs) {
        int base = section * blocksPerSection;
        switch (outcome(completionPs, erasePs)) {
            case 0:
                for (int a = base; a < base + blocksPerSection; a++) {
                    owner[a] = ERASED;
                    if (flags[a] != 0) {
                        payloads.remove(a);
                        flags[a] = 0;
                    }
                }
                break;
            case 1:
                erasesTorn++;
                for (int a = base; a < base + blocksPerSection; a++) {
                    tear(a);
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void checkpointWritten(long version, long headerPs, long footerPs) {
        int slot = (int) (version & 1);
        int h = outcome(headerPs, programPs);
        int f = outcome(footerPs, programPs);
        epoch = version;
        if (h == 0 && f == 0) {
            headerVersion[slot] = version;
            footerVersion[slot] = version;
            packState[slot] = fs.captureState();
            // The older slot's state is never needed again: a later pack can only be torn if it
            // started before the crash, i.e. after this one completed (checkpoints run one at a
            // time), and then the one after it has not started, so this pack stays the newest valid.
            packState[1 - slot] = null;
            checkpointsComplete++;
            acks.allDurable();
            // Roll-forward never reaches behind the newest complete pack.
            payloads.entrySet().removeIf(e -> content[e.getKey()] < version);
            return;
        }
        checkpointsLost++;
        if (h != 2) {
            headerVersion[slot] = h == 0 ? version : -1;
            packState[slot] = null;
        }
        if (f != 2) {
            footerVersion[slot] = f == 0 ? version : -1;
            packState[slot] = null;
        }
    }

    @Override
    public void fsynced(int file, long completionPs) {
        if (completionPs <= crashAtPs) {
            fsyncsComplete++;
            acks.durable(file);
        }
    }

    @Override
    public void trimmed(int file, long block) {
        acks.written(file, block, AckLog.HOLE);
    }

    @Override
    public void inlineWritten(int file, long contentId) {
        acks.written(file, 0, contentId);
    }

    // ---------------------------------------------------------------- reads for recovery and checks

    /** The crash instant in ps. */
    public long crashAtPs() {
        return crashAtPs;
    }

    /** The file system the image is attached to. */
    public LogFs fileSystem() {
        return fs;
    }

    /** Programs that completed by the crash. */
    public long programsPersisted() {
        return programsPersisted;
    }

    /** Programs under way at the crash: their pages are torn. */
    public long pagesLostInFlight() {
        return programsTorn;
    }

    /** Programs issued before the crash that had not started (their pages keep what they held). */
    public long programsNotStarted() {
        return programsNotStarted;
    }

    /** Erases under way at the crash (their sections' pages are torn). */
    public long erasesTorn() {
        return erasesTorn;
    }

    /** Checkpoints whose pack was completely written by the crash (the attach checkpoint not counted). */
    public long checkpointsComplete() {
        return checkpointsComplete;
    }

    /** Checkpoints issued before the crash whose pack did not complete. */
    public long checkpointsLost() {
        return checkpointsLost;
    }

    /** Delta-page programs (writes and cleaning moves) under way at the crash: those pages are torn. */
    public long deltaPagesTorn() {
        return deltaPagesTorn;
    }

    /** Fsyncs that completed by the crash (acknowledged). */
    public long fsyncsComplete() {
        return fsyncsComplete;
    }

    /**
     * Bytes the image holds: 25 per main-area block, the node payloads kept for roll-forward, the
     * two pack states (file table, NAT, SIT) and the durability log.
     */
    public long stateBytes() {
        long b = 25L * owner.length;
        for (NodePayload p : payloads.values()) {
            b += 64 + 4L * p.addrs().length + (p.nodeNids() == null ? 0 : 4L * p.nodeNids().length);
            for (DeltaChain c : p.deltaChains() == null ? new DeltaChain[0] : p.deltaChains()) {
                b += 96 + 28L * c.toIds().length;
            }
        }
        for (FsState s : packState) {
            b += s == null ? 0 : s.bytes();
        }
        return b + acks.bytes();
    }

    int mainBlocks() {
        return owner.length;
    }

    long owner(int a) {
        return owner[a];
    }

    long content(int a) {
        return content[a];
    }

    long seq(int a) {
        return seq[a];
    }

    boolean fsyncMarked(int a) {
        return flags[a] != 0;
    }

    NodePayload payload(int a) {
        return payloads.get(a);
    }

    /** True if the slot holds a complete pack (header and footer of the same version). */
    boolean packValid(int slot) {
        return headerVersion[slot] >= 0 && headerVersion[slot] == footerVersion[slot] && packState[slot] != null;
    }

    long packVersion(int slot) {
        return headerVersion[slot];
    }

    FsState packState(int slot) {
        return packState[slot];
    }

    /** Original file id of {@code name}, or -1. */
    int fileIdOf(String name) {
        return names.indexOf(name);
    }

    String fileName(int file) {
        return file < names.size() ? names.get(file) : null;
    }

    int filesSeen() {
        return names.size();
    }

    AckLog acks() {
        return acks;
    }
}
