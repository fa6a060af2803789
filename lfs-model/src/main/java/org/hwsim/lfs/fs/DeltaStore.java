package org.hwsim.lfs.fs;

import java.util.Arrays;
import org.hwsim.lfs.delta.DeltaCodec;

/**
 * DeltaFS delta compression of overwrites (Wu et al., arXiv 2210.04623), with MedFS's point that
 * deltas kept in the inode ride with a node block that fsync and checkpoints write anyway (FAST'25).
 *
 * <p>On an overwrite of a block on flash, the old and the new content are rendered from their
 * content ids ({@link ContentModel}) and the new one is encoded against the old one with the
 * configured {@link DeltaCodec}. The delta is stored instead of a page when it is at most
 * {@link DeltaConfig#maxDeltaBytes()} and the block's chain stays within
 * {@link DeltaConfig#maxChainLength()} deltas and {@link DeltaConfig#maxChainBytes()} bytes;
 * otherwise the caller writes the full page, which frees the chain ({@link #drop}). A block's chain
 * is its base page (the address in its node) plus deltas, each from the previous version to the
 * next; reads rebuild the block by decoding them in order.
 *
 * <p>Where a delta goes: a chain lives either wholly in its inode's inline area
 * ({@link InlineDeltaArea}: most recently updated chains first, merge, then eviction of the least
 * recently updated) or wholly in the delta area: delta pages in the main area that pack several
 * deltas each ({@value #AREA_HEADER_BYTES}-byte header per delta: owner inode, block, length),
 * filled in memory and programmed through the hot data log when full, at fsync and at checkpoints.
 * A delta page is a main-area block with its own owner in the segment summary
 * ({@link #isDeltaOwner}); it is valid in the SIT while it holds a live delta, is invalidated when
 * its last delta dies, and cleaning moves it like a data block ({@link #moved}).
 *
 * <p>Timing: writing a delta programs nothing at the time of the write (the write is complete once
 * the delta is in the inode or the open delta page, like a page-cache write; durability comes with
 * the next fsync or checkpoint, which write the inode and the open delta page). The old version is
 * taken from the page cache (not read from flash). A read of a block with deltas in the delta area
 * also reads each delta page holding one of them; inline deltas come with the inode, which the
 * model (like the baseline) takes from the node page cache.
 *
 * <p>Delta bytes are not kept: like page contents, a delta is named by (codec, from id, to id) and
 * its bytes are re-encoded on demand ({@link #reconstruct}); its length is fixed when it is written.
 *
 * <p>Crash simulation: each sealed delta page gets a write stamp; {@link #nodeChains} and
 * {@link #allChains} give the chains' persisted form ({@link DeltaChain}) for fsync-marked nodes
 * and checkpoint packs, and {@link #restore} rebuilds a store from them after recovery. Not
 * thread-safe.
 */
final class DeltaStore {
    /** Header of a delta in a delta page: owner inode (4), block index (4), length (2), flags (2). */
    static final int AREA_HEADER_BYTES = 12;
    private static final long OWNER_TAG = Long.MIN_VALUE | (1L << 62);
    private static final int NONE = -1;
    /** {@code dPage} of a delta in the inline area. */
    private static final int INLINE = -1;
    /** {@code dPage} of a delta not placed yet. */
    private static final int UNPLACED = -2;
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int BLOCK = LogFs.BLOCK_BYTES;

    /** The file system's services a delta store needs. */
    interface Space {
        /** The next block of the delta log (may clean first). */
        int allocDeltaPage();

        /**
         * Programs delta page {@code addr} (a data block written for the host) carrying write stamp
         * {@code stamp}; returns the completion.
         */
        long program(int addr, long stamp, long readyPs);

        /** Reads main-area block {@code addr}; returns the completion. */
        long read(int addr, long readyPs);

        /** Marks {@code addr} valid in the SIT with owner {@code owner} in the summary. */
        void validate(int addr, long owner);

        /** Marks {@code addr} invalid. */
        void invalidate(int addr);

        /** The file's inode changed (its inline area). */
        void markInodeDirty(int file);

        /** The node holding block {@code block}'s pointer changed (where its deltas are). */
        void markBlockNodeDirty(int file, long block);

        /** The block's latest content id. */
        long contentId(int file, long block);

        /** The block's base page address, -1 for none. */
        int blockAddress(int file, long block);
    }

    private final DeltaConfig config;
    private final DeltaCodec codec;
    private final Space space;
    private final InlineDeltaArea inline;
    private final byte[] oldBytes = new byte[BLOCK];
    private final byte[] newBytes = new byte[BLOCK];
    private final byte[] tmpBytes = new byte[BLOCK];
    private final byte[] deltaOut = new byte[BLOCK];
    /** Window rendering for xor-rle, null for other codecs. */
    private final EditWindows windows;

    /** Per file, chunked: chain id + 1 of each block (0: no deltas). */
    private int[][][] chainOf = new int[16][][];

    // Chains (free ones have cFile == NONE; free list through cHead).
    private int[] cFile = new int[0];
    private int[] cBlock = new int[0];
    private long[] cBase = new long[0];
    private long[] cLast = new long[0];
    private int[] cHead = new int[0];
    private int[] cTail = new int[0];
    private int[] cCount = new int[0];
    /** Versions since the base (deltas before any merge). */
    private int[] cVersions = new int[0];
    private int[] cBytes = new int[0];
    private boolean[] cInline = new boolean[0];
    private int chainTop;
    private int chainFree = NONE;

    // Deltas (free list through dNext).
    private long[] dTo = new long[0];
    private int[] dLen = new int[0];
    private int[] dPage = new int[0];
    private int[] dNext = new int[0];
    private int deltaTop;
    private int deltaFree = NONE;

    // Delta pages: address (-1 while open or free) and live deltas; free ids on a stack.
    private int[] pAddr = new int[0];
    private int[] pLive = new int[0];
    /** Write stamp of each sealed page (unique per program of a delta page). */
    private long[] pStamp = new long[0];
    private long nextStamp = 1;
    private int pageTop;
    private int[] pageFree = new int[16];
    private int pageFreeLen;
    private int openPage = NONE;
    private int openUsed;

    /** Files with a chain evicted from the inline area since the last checkpoint or ordered fsync (bits). */
    private long[] evicted = new long[1];
    private long overwritesEncoded;
    private long deltasInline;
    private long deltasInArea;
    private long deltaBytes;
    private long bytesSaved;
    private long tooLarge;
    private long chainRewrites;
    private long merges;
    private long areaMerges;
    private long evictions;
    private long pagesWritten;
    private long pagesMoved;
    private long reconstructReads;
    private long reconstructedBlocks;
    private long liveChains;
    private long liveInline;
    private long liveArea;
    private long livePages;

    DeltaStore(DeltaConfig config, Space space) {
        this.config = config;
        this.codec = DeltaCodec.byId(config.codec());
        this.space = space;
        this.inline = new InlineDeltaArea(config.inlineBudgetBytes());
        this.windows = "xor-rle".equals(codec.id()) ? new EditWindows(BLOCK) : null;
    }

    /** True if a segment-summary owner names a delta page. */
    static boolean isDeltaOwner(long owner) {
        return (owner & OWNER_TAG) == OWNER_TAG;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Offers the overwrite of {@code file} block {@code block} (on flash, content {@code oldId}) with
     * {@code newId}. Returns true if a delta was stored (the caller programs nothing and records the
     * new content id); false if the caller must write the full page and then {@link #drop} the chain.
     * Content id 0 (the bulk pre-fill) is taken as version 0 of the base the new id edits; a new id
     * of version 0 over it is new content, written as a full page.
     */
    boolean overwrite(int file, long block, long oldId, long newId, long readyPs) {
        int c = chain(file, block);
        if (newId == 0 || (c == NONE && oldId == 0 && ContentModel.version(newId) == 0)) {
            return false; // no content model, or new content (version 0) over pre-filled content
        }
        if (c != NONE && cVersions[c] + 1 > config.maxChainLength()) {
            chainRewrites++;
            return false;
        }
        overwritesEncoded++;
        if (c != NONE && !cInline[c] && config.mergeAreaChains()) {
            // One delta from the base to the new version replaces the chain: reads need one delta page.
            int m = encodeIds(cBase[c], newId, Math.min(config.maxChainBytes(), BLOCK - AREA_HEADER_BYTES));
            if (m < 0) {
                // Counted as a chain rewrite when the chain outgrew its bytes, else as new content.
                if (ContentModel.base(newId) == ContentModel.base(cBase[c])) {
                    chainRewrites++;
                } else {
                    tooLarge++;
                }
                return false;
            }
            freeDeltas(c);
            int d = newDelta(newId, m);
            cHead[c] = d;
            cTail[c] = d;
            cCount[c] = 1;
            cBytes[c] = m;
            cVersions[c]++;
            cLast[c] = newId;
            deltaBytes += m;
            bytesSaved += BLOCK - m;
            areaMerges++;
            place(c, d, false, readyPs);
            return true;
        }
        long from = c != NONE ? cLast[c] : oldId == 0 ? ContentModel.id(ContentModel.base(newId), 0) : oldId;
        int n = encodeIds(from, newId, config.maxDeltaBytes());
        if (n < 0) {
            tooLarge++;
            return false;
        }
        if (c != NONE && cBytes[c] + n > config.maxChainBytes()) {
            chainRewrites++;
            return false;
        }
        boolean fresh = c == NONE;
        if (fresh) {
            c = newChain(file, (int) block, from);
        }
        int d = newDelta(newId, n);
        if (cTail[c] == NONE) {
            cHead[c] = d;
        } else {
            dNext[cTail[c]] = d;
        }
        cTail[c] = d;
        cCount[c]++;
        cVersions[c]++;
        cBytes[c] += n;
        cLast[c] = newId;
        deltaBytes += n;
        bytesSaved += BLOCK - n;
        place(c, d, fresh, readyPs);
        return true;
    }

    /**
     * The delta of {@code toId}'s content against {@code fromId}'s, into {@code deltaOut}: both
     * rendered and encoded, or for xor-rle between nearby versions of one base only the bytes the
     * edits touch ({@link EditWindows}, the same result).
     */
    private int encodeIds(long fromId, long toId, int limitBytes) {
        if (windows != null && EditWindows.applies(fromId, toId)) {
            return windows.encode(codec, fromId, toId, deltaOut, limitBytes);
        }
        ContentModel.render(fromId, oldBytes);
        ContentModel.renderFrom(fromId, oldBytes, toId, newBytes);
        return codec.encode(oldBytes, newBytes, deltaOut, limitBytes);
    }

    private void freeDeltas(int c) {
        for (int x = cHead[c]; x != NONE; ) {
            int nx = dNext[x];
            freeDelta(cFile[c], x);
            x = nx;
        }
    }

    /** Places the chain's new last delta {@code d}: inline if the chain is (or, {@code fresh}, starts) inline. */
    private void place(int c, int d, boolean fresh, long readyPs) {
        int f = cFile[c];
        if (cInline[c] || fresh) {
            int need = dLen[d] + InlineDeltaArea.ENTRY_HEADER_BYTES;
            if (!inline.fits(f, need) && cInline[c]) {
                d = mergeInline(c, d);
                need = dLen[d] + InlineDeltaArea.ENTRY_HEADER_BYTES;
            }
            while (!inline.fits(f, need)) {
                int v = inline.coldest(f);
                if (v == NONE || v == c) {
                    break;
                }
                evict(v, readyPs);
            }
            if (inline.fits(f, need)) {
                inline.charge(f, need);
                dPage[d] = INLINE;
                cInline[c] = true;
                inline.touch(f, c);
                deltasInline++;
                liveInline++;
                space.markInodeDirty(f);
                return;
            }
            if (cInline[c]) {
                evict(c, readyPs);
            }
        }
        appendArea(d, readyPs);
        deltasInArea++;
        space.markBlockNodeDirty(f, cBlock[c]);
    }

    /**
     * Replaces the inline chain {@code c} (whose last delta {@code d} is not placed yet) by one delta
     * from its base to its latest version when that takes less inline space. Returns the delta to
     * place ({@code d} or the merged one).
     */
    private int mergeInline(int c, int d) {
        int m = encodeIds(cBase[c], dTo[d], Math.min(config.maxChainBytes(), BLOCK - AREA_HEADER_BYTES));
        int placed = cCount[c] - 1;
        int current = cBytes[c] + cCount[c] * InlineDeltaArea.ENTRY_HEADER_BYTES;
        if (m < 0 || m + InlineDeltaArea.ENTRY_HEADER_BYTES >= current || placed == 0) {
            return d;
        }
        freeDeltas(c);
        int merged = newDelta(cLast[c], m);
        cHead[c] = merged;
        cTail[c] = merged;
        cCount[c] = 1;
        cBytes[c] = m;
        merges++;
        return merged;
    }

    /** Moves the inline chain {@code c} to the delta area. */
    private void evict(int c, long readyPs) {
        int f = cFile[c];
        for (int x = cHead[c]; x != NONE; x = dNext[x]) {
            if (dPage[x] == INLINE) {
                inline.release(f, dLen[x] + InlineDeltaArea.ENTRY_HEADER_BYTES);
                liveInline--;
                appendArea(x, readyPs);
            }
        }
        inline.unlink(f, c);
        cInline[c] = false;
        evictions++;
        if (f >>> 6 >= evicted.length) {
            evicted = Arrays.copyOf(evicted, Math.max((f >>> 6) + 1, evicted.length * 2));
        }
        evicted[f >>> 6] |= 1L << f;
        space.markInodeDirty(f);
        space.markBlockNodeDirty(f, cBlock[c]);
    }

    private void appendArea(int d, long readyPs) {
        int need = dLen[d] + AREA_HEADER_BYTES;
        if (openPage != NONE && openUsed + need > BLOCK) {
            seal(readyPs);
        }
        if (openPage == NONE) {
            openPage = newPage();
            openUsed = 0;
        }
        dPage[d] = openPage;
        pLive[openPage]++;
        openUsed += need;
        liveArea++;
    }

    /** Programs the open delta page (if it holds live deltas); returns the completion. */
    private long seal(long readyPs) {
        int p = openPage;
        openPage = NONE;
        openUsed = 0;
        if (pLive[p] == 0) {
            freePage(p);
            return readyPs;
        }
        int a = space.allocDeltaPage();
        pStamp[p] = nextStamp++;
        long t = space.program(a, pStamp[p], readyPs);
        space.validate(a, OWNER_TAG | p);
        pAddr[p] = a;
        pagesWritten++;
        return t;
    }

    /** Programs the open delta page if it holds live deltas (fsync, checkpoint); returns the completion. */
    long flush(long readyPs) {
        if (openPage != NONE && pLive[openPage] > 0) {
            return seal(readyPs);
        }
        return readyPs;
    }

    /**
     * True if a chain of {@code file} moved from its inline area to the delta area since the last
     * checkpoint or the last call that returned true: the inode (chain gone) and the chain's new
     * index in another node must then reach flash in that order. Clears the mark.
     */
    boolean takeEvicted(int file) {
        int w = file >>> 6;
        if (w >= evicted.length || (evicted[w] & (1L << file)) == 0) {
            return false;
        }
        evicted[w] &= ~(1L << file);
        return true;
    }

    /** A checkpoint wrote every dirty node: no eviction is pending. */
    void clearEvicted() {
        Arrays.fill(evicted, 0);
    }

    /** True if the open delta page holds live deltas (not on flash until it is sealed). */
    boolean openPageHoldsDeltas() {
        return openPage != NONE && pLive[openPage] > 0;
    }

    /** Frees the deltas of {@code file} block {@code block}, if any (after a full write or a trim). */
    void drop(int file, long block) {
        int c = chain(file, block);
        if (c == NONE) {
            return;
        }
        freeDeltas(c);
        if (cInline[c]) {
            inline.unlink(file, c);
            space.markInodeDirty(file);
        }
        chainOf[file][(int) (block >>> CHUNK_BITS)][(int) (block & (CHUNK - 1))] = 0;
        cFile[c] = NONE;
        cHead[c] = chainFree;
        chainFree = c;
        liveChains--;
    }

    /** A delta page was moved by cleaning to {@code newAddr}. */
    void moved(long owner, int newAddr) {
        pAddr[(int) (owner & 0x7fffffffL)] = newAddr;
        pagesMoved++;
    }

    // ---------------------------------------------------------------- reads

    /**
     * Issues the extra reads a read of {@code file} block {@code block} needs beyond its base page
     * (one per delta page holding one of its deltas) at {@code readyPs}; returns their completion
     * ({@code readyPs} if none).
     */
    long readExtra(int file, long block, long readyPs) {
        int c = chain(file, block);
        if (c == NONE) {
            return readyPs;
        }
        reconstructedBlocks++;
        long t = readyPs;
        if (cInline[c]) {
            return t;
        }
        for (int x = cHead[c]; x != NONE; x = dNext[x]) {
            int p = dPage[x];
            if (pAddr[p] < 0 || seenBefore(c, x, p)) {
                continue; // the open page is in memory; a page is read once
            }
            t = Math.max(t, space.read(pAddr[p], readyPs));
            reconstructReads++;
        }
        return t;
    }

    private boolean seenBefore(int c, int upTo, int p) {
        for (int x = cHead[c]; x != upTo; x = dNext[x]) {
            if (dPage[x] == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rebuilds the content of {@code file} block {@code block} into {@code out}: its base content,
     * then each delta decoded in order (each delta re-encoded from its from and to ids, and checked
     * against the length it was stored with). Without deltas, the block's content id rendered.
     */
    void reconstruct(int file, long block, byte[] out) {
        int c = chain(file, block);
        if (c == NONE) {
            ContentModel.render(space.contentId(file, block), out);
            return;
        }
        ContentModel.render(cBase[c], out);
        long from = cBase[c];
        for (int x = cHead[c]; x != NONE; x = dNext[x]) {
            ContentModel.render(from, oldBytes);
            ContentModel.renderFrom(from, oldBytes, dTo[x], newBytes);
            int n = codec.encode(oldBytes, newBytes, deltaOut, BLOCK);
            if (n != dLen[x]) {
                throw new IllegalStateException("delta " + from + " -> " + dTo[x] + " of file " + file + " block "
                        + block + " re-encodes to " + n + " bytes, stored as " + dLen[x]);
            }
            codec.decode(out, deltaOut, n, tmpBytes);
            System.arraycopy(tmpBytes, 0, out, 0, BLOCK);
            from = dTo[x];
        }
    }

    /** Versions on top of the block's base page, the chain length the policy bounds (0 if none). */
    int chainLength(int file, long block) {
        int c = chain(file, block);
        return c == NONE ? 0 : cVersions[c];
    }

    /** True if the block's deltas are in its inode's inline area. */
    boolean chainInline(int file, long block) {
        int c = chain(file, block);
        return c != NONE && cInline[c];
    }

    /** Inline bytes {@code file}'s deltas use, headers included. */
    int inlineBytes(int file) {
        return inline.used(file);
    }

    // ---------------------------------------------------------------- persistence (crash simulation)

    /** The persisted form of chain {@code c}; its area deltas must sit in sealed pages. */
    private DeltaChain record(int c) {
        int n = cCount[c];
        long[] to = new long[n];
        int[] len = new int[n];
        int[] at = new int[n];
        long[] stamp = new long[n];
        int i = 0;
        for (int x = cHead[c]; x != NONE; x = dNext[x], i++) {
            to[i] = dTo[x];
            len[i] = dLen[x];
            int p = dPage[x];
            at[i] = p >= 0 ? pAddr[p] : -1;
            stamp[i] = p >= 0 && pAddr[p] >= 0 ? pStamp[p] : 0;
        }
        return new DeltaChain(cBlock[c], cInline[c], cBase[c], cVersions[c], to, len, at, stamp);
    }

    /**
     * The chains a node page of {@code file} written now carries: the area chains of blocks
     * {@code first} to {@code first + n - 1} (the node's pointer range) and, for the inode
     * ({@code inode}), every inline chain of the file. Null if there are none.
     */
    DeltaChain[] nodeChains(int file, long first, int n, boolean inode) {
        java.util.List<DeltaChain> out = null;
        for (int i = 0; i < n; i++) {
            int c = chain(file, first + i);
            if (c != NONE && !cInline[c]) {
                out = out == null ? new java.util.ArrayList<>() : out;
                out.add(record(c));
            }
        }
        if (inode) {
            for (int c = 0; c < chainTop; c++) {
                if (cFile[c] == file && cInline[c]) {
                    out = out == null ? new java.util.ArrayList<>() : out;
                    out.add(record(c));
                }
            }
        }
        return out == null ? null : out.toArray(new DeltaChain[0]);
    }

    /** Every live chain, keyed by {@code file << 32 | block}: what a checkpoint pack records. */
    java.util.Map<Long, DeltaChain> allChains() {
        java.util.Map<Long, DeltaChain> m = new java.util.HashMap<>();
        for (int c = 0; c < chainTop; c++) {
            if (cFile[c] != NONE) {
                m.put(((long) cFile[c] << 32) | cBlock[c], record(c));
            }
        }
        return m;
    }

    /** Receives the address of every delta page a restore rebuilt, with its summary owner. */
    interface PageClaim {
        void claim(int addr, long owner);
    }

    /**
     * Rebuilds an empty store from persisted chains (mount after recovery): chains, inline areas
     * (charged in block order, within the budget), delta pages (one per distinct address, live
     * count = deltas in it, write stamp kept) handed to {@code pages} for the SIT and summaries.
     * Chains whose inline deltas do not fit the budget are a defect of the caller (throws).
     */
    void restore(java.util.Map<Long, DeltaChain> chains, PageClaim pages) {
        java.util.List<Long> keys = new java.util.ArrayList<>(chains.keySet());
        java.util.Collections.sort(keys);
        java.util.Map<Integer, Integer> pageAt = new java.util.HashMap<>();
        for (long key : keys) {
            DeltaChain r = chains.get(key);
            int f = (int) (key >>> 32);
            int c = newChain(f, (int) r.block(), r.baseId());
            for (int i = 0; i < r.toIds().length; i++) {
                int d = newDelta(r.toIds()[i], r.lens()[i]);
                if (cTail[c] == NONE) {
                    cHead[c] = d;
                } else {
                    dNext[cTail[c]] = d;
                }
                cTail[c] = d;
                cCount[c]++;
                cBytes[c] += r.lens()[i];
                if (r.inline()) {
                    inline.charge(f, r.lens()[i] + InlineDeltaArea.ENTRY_HEADER_BYTES);
                    dPage[d] = INLINE;
                    liveInline++;
                } else {
                    int a = r.pageAddrs()[i];
                    Integer p = pageAt.get(a);
                    if (p == null) {
                        p = newPage();
                        pAddr[p] = a;
                        pStamp[p] = r.pageStamps()[i];
                        nextStamp = Math.max(nextStamp, pStamp[p] + 1);
                        pageAt.put(a, p);
                        pages.claim(a, OWNER_TAG | p);
                    }
                    dPage[d] = p;
                    pLive[p]++;
                    liveArea++;
                }
            }
            cVersions[c] = r.versions();
            cLast[c] = r.lastId();
            cInline[c] = r.inline();
            if (r.inline()) {
                inline.touch(f, c);
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /** Reports a delta page to the file system's reachability check. */
    interface PageVisitor {
        void visit(int addr, long owner, String what);
    }

    /**
     * Checks the delta structures: each inode's inline bytes equal its inline chains' and stay within
     * the budget; each chain's counts match its deltas, ends at the block's content id and sits on a
     * base page; each delta page's live count matches the deltas in it. Hands every sealed page with
     * live deltas to {@code pages} (which checks it is valid and reached once) and returns how many.
     */
    long check(int files, java.util.function.Consumer<String> problems, PageVisitor pages) {
        long[] inlineSum = new long[files];
        int[] live = new int[pageTop];
        long chains = 0;
        for (int c = 0; c < chainTop; c++) {
            int f = cFile[c];
            if (f == NONE) {
                continue;
            }
            chains++;
            String what = "delta chain of file " + f + " block " + cBlock[c];
            if (chain(f, cBlock[c]) != c) {
                problems.accept(what + ": not mapped from its block");
            }
            int count = 0;
            long bytes = 0;
            for (int x = cHead[c]; x != NONE; x = dNext[x]) {
                count++;
                bytes += dLen[x];
                if (cInline[c] != (dPage[x] == INLINE)) {
                    problems.accept(what + ": delta " + x + " placed " + dPage[x] + ", chain inline " + cInline[c]);
                }
                if (dPage[x] >= 0) {
                    live[dPage[x]]++;
                } else if (dPage[x] == INLINE) {
                    inlineSum[f] += dLen[x] + InlineDeltaArea.ENTRY_HEADER_BYTES;
                } else {
                    problems.accept(what + ": delta " + x + " not placed");
                }
            }
            if (count != cCount[c] || bytes != cBytes[c] || count == 0 || count > cVersions[c]) {
                problems.accept(what + ": " + count + " deltas of " + bytes + " bytes, counters say " + cCount[c]
                        + " / " + cBytes[c]);
            }
            if (cVersions[c] > config.maxChainLength() || bytes > config.maxChainBytes()) {
                problems.accept(what + ": " + cVersions[c] + " versions in " + bytes
                        + " bytes exceed the chain bounds");
            }
            if (cLast[c] != space.contentId(f, cBlock[c])) {
                problems.accept(what + ": ends at content " + cLast[c] + ", block holds "
                        + space.contentId(f, cBlock[c]));
            }
            if (space.blockAddress(f, cBlock[c]) < 0) {
                problems.accept(what + ": no base page");
            }
        }
        if (chains != liveChains) {
            problems.accept("delta chains " + chains + " != counter " + liveChains);
        }
        for (int f = 0; f < files; f++) {
            if (inlineSum[f] != inline.used(f)) {
                problems.accept("inline delta area of file " + f + ": chains hold " + inlineSum[f] + " bytes, area says "
                        + inline.used(f));
            }
            if (inline.used(f) > inline.budgetBytes()) {
                problems.accept("inline delta area of file " + f + " holds " + inline.used(f) + " bytes, budget "
                        + inline.budgetBytes());
            }
        }
        long reached = 0;
        for (int p = 0; p < pageTop; p++) {
            if (live[p] != pLive[p]) {
                problems.accept("delta page " + p + ": " + live[p] + " live deltas, counter " + pLive[p]);
            }
            if (p == openPage) {
                continue;
            }
            if (pLive[p] > 0) {
                if (pAddr[p] < 0) {
                    problems.accept("delta page " + p + " holds live deltas but was never written");
                } else {
                    pages.visit(pAddr[p], OWNER_TAG | p, "delta page " + p);
                    reached++;
                }
            } else if (pAddr[p] >= 0) {
                problems.accept("delta page " + p + " holds no live delta but keeps block " + pAddr[p]);
            }
        }
        return reached;
    }

    DeltaStats stats() {
        return new DeltaStats(overwritesEncoded, deltasInline, deltasInArea, deltaBytes, bytesSaved, tooLarge,
                chainRewrites, merges + areaMerges, evictions, pagesWritten, pagesMoved, reconstructReads, reconstructedBlocks,
                liveChains, liveInline, liveArea, livePages);
    }

    long stateBytes() {
        long b = inline.stateBytes() + 8L * chainOf.length;
        for (int[][] a : chainOf) {
            if (a != null) {
                b += 8L * a.length;
                for (int[] k : a) {
                    b += k == null ? 0 : 4L * k.length;
                }
            }
        }
        b += (4L * 8 + 8L * 2 + 1) * cFile.length + (8L + 4 * 3) * dTo.length + 8L * pAddr.length
                + 4L * pageFree.length;
        return b;
    }

    // ---------------------------------------------------------------- pools

    private int chain(int file, long block) {
        if (file >= chainOf.length) {
            return NONE;
        }
        int[][] a = chainOf[file];
        long ci = block >>> CHUNK_BITS;
        if (a == null || ci >= a.length) {
            return NONE;
        }
        int[] k = a[(int) ci];
        return k == null ? NONE : k[(int) (block & (CHUNK - 1))] - 1;
    }

    private int newChain(int file, int block, long baseId) {
        int c;
        if (chainFree != NONE) {
            c = chainFree;
            chainFree = cHead[c];
        } else {
            c = chainTop++;
            if (c == cFile.length) {
                int cap = Math.max(256, c * 2);
                cFile = Arrays.copyOf(cFile, cap);
                cBlock = Arrays.copyOf(cBlock, cap);
                cBase = Arrays.copyOf(cBase, cap);
                cLast = Arrays.copyOf(cLast, cap);
                cHead = Arrays.copyOf(cHead, cap);
                cTail = Arrays.copyOf(cTail, cap);
                cCount = Arrays.copyOf(cCount, cap);
                cVersions = Arrays.copyOf(cVersions, cap);
                cBytes = Arrays.copyOf(cBytes, cap);
                cInline = Arrays.copyOf(cInline, cap);
                inline.ensureChains(cap);
            }
        }
        cFile[c] = file;
        cBlock[c] = block;
        cBase[c] = baseId;
        cLast[c] = baseId;
        cHead[c] = NONE;
        cTail[c] = NONE;
        cCount[c] = 0;
        cVersions[c] = 0;
        cBytes[c] = 0;
        cInline[c] = false;
        if (file >= chainOf.length) {
            chainOf = Arrays.copyOf(chainOf, Math.max(file + 1, chainOf.length * 2));
        }
        int[][] a = chainOf[file];
        int ci = block >>> CHUNK_BITS;
        if (a == null || ci >= a.length) {
            a = a == null ? new int[ci + 1][] : Arrays.copyOf(a, Math.max(ci + 1, a.length * 2));
            chainOf[file] = a;
        }
        if (a[ci] == null) {
            a[ci] = new int[CHUNK];
        }
        a[ci][block & (CHUNK - 1)] = c + 1;
        liveChains++;
        return c;
    }

    private int newDelta(long toId, int len) {
        int d;
        if (deltaFree != NONE) {
            d = deltaFree;
            deltaFree = dNext[d];
        } else {
            d = deltaTop++;
            if (d == dTo.length) {
                int cap = Math.max(256, d * 2);
                dTo = Arrays.copyOf(dTo, cap);
                dLen = Arrays.copyOf(dLen, cap);
                dPage = Arrays.copyOf(dPage, cap);
                dNext = Arrays.copyOf(dNext, cap);
            }
        }
        dTo[d] = toId;
        dLen[d] = len;
        dPage[d] = UNPLACED;
        dNext[d] = NONE;
        return d;
    }

    private void freeDelta(int file, int d) {
        int p = dPage[d];
        if (p == INLINE) {
            inline.release(file, dLen[d] + InlineDeltaArea.ENTRY_HEADER_BYTES);
            liveInline--;
        } else if (p >= 0) {
            liveArea--;
            if (--pLive[p] == 0 && p != openPage) {
                if (pAddr[p] >= 0) {
                    space.invalidate(pAddr[p]);
                }
                freePage(p);
            }
        }
        dNext[d] = deltaFree;
        deltaFree = d;
    }

    private int newPage() {
        int p;
        if (pageFreeLen > 0) {
            p = pageFree[--pageFreeLen];
        } else {
            p = pageTop++;
            if (p == pAddr.length) {
                int cap = Math.max(64, p * 2);
                pAddr = Arrays.copyOf(pAddr, cap);
                pLive = Arrays.copyOf(pLive, cap);
                pStamp = Arrays.copyOf(pStamp, cap);
            }
        }
        pAddr[p] = NONE;
        pLive[p] = 0;
        livePages++;
        return p;
    }

    private void freePage(int p) {
        pAddr[p] = NONE;
        if (pageFreeLen == pageFree.length) {
            pageFree = Arrays.copyOf(pageFree, pageFreeLen * 2);
        }
        pageFree[pageFreeLen++] = p;
        livePages--;
    }
}
