package org.hwsim.lfs.fs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hwsim.lfs.flash.FlashDevice;

/**
 * F2FS's mount after a power cut, on a {@link FlashImage} (Lee et al., FAST 2015, section 2.7;
 * {@code fs/f2fs/checkpoint.c} {@code f2fs_get_valid_checkpoint} and {@code fs/f2fs/recovery.c}
 * {@code f2fs_recover_fsync_data}):
 * <ol>
 *   <li>read both checkpoint packs and take the newest whose header and footer versions match;</li>
 *   <li>roll back to it: file table, NAT and SIT as the pack recorded them;</li>
 *   <li>roll forward: scan the node pages written after that checkpoint (node footer version equal
 *       to the pack's, F2FS's {@code find_fsync_dnodes}), and for the ones carrying an fsync mark,
 *       oldest first, re-apply their block pointers, size, inline data and delta chains ({@code do_recover_data});
 *       a file the checkpoint does not know is re-created from its fsynced inode
 *       ({@code recover_dentry});</li>
 *   <li>rebuild SIT and segment summaries from the result, erase (discard) free sections that hold
 *       garbage, and write a checkpoint, as F2FS does at the end of recovery.</li>
 * </ol>
 * The recovered file system runs on a new device object of the same geometry whose programmed
 * pages are those of the image (torn pages count as programmed); erase counts start from zero.
 * Recovery time is estimated by issuing its reads (both packs, the SIT, every node page scanned,
 * the checkpointed copy of each rolled-forward node), the erases and the checkpoint on that device
 * from the crash instant.
 *
 * <p>With DeltaFS on, the pack's file table and the fsync-marked node pages carry the blocks' delta
 * chains ({@link DeltaChain}): an inode its file's inline chains (inline deltas live in the inode),
 * every node the area chains of its pointer range (their index, pointing into delta pages). Roll
 * forward re-applies them with the node, as its block pointers: a node's range takes the node's area
 * chains, an inode's inline area replaces the file's inline chains. Then each chain is kept only if
 * its base page holds its base content and every delta page it points into persisted with the write
 * stamp it was written with (a torn, never-programmed or reused delta page breaks it, and the block
 * reads back as its base page); mount rebuilds the delta store from the result (chains, inline areas,
 * delta pages' live counts and their SIT and summary ownership).
 */
public final class Recovery {
    private Recovery() {
    }

    /**
     * The file table after roll-back and roll-forward, before mount writes anything: what the
     * checker compares with the image (blocks written by the recovery checkpoint are not in it).
     */
    public static final class Recovered {
        final FsState state;

        Recovered(FsState state) {
            this.state = state;
        }
    }

    /**
     * The outcome of a recovery.
     *
     * @param fs the recovered file system, ready to serve requests (time continues after {@code recoveryPs})
     * @param checkpointVersion version of the pack rolled back to (the attach checkpoint's version if none later completed)
     * @param checkpointSlot its slot, 0 or 1
     * @param nodePagesScanned node pages written after that checkpoint that the roll-forward scan read
     * @param nodesRolledForward fsync-marked node pages whose pointers were re-applied
     * @param blocksRecovered file blocks whose address changed by roll-forward
     * @param filesRecreated files the checkpoint did not know, re-created from fsynced inodes
     * @param reads page reads recovery issued
     * @param erases section erases recovery issued
     * @param recoveryPs crash instant to the end of the recovery checkpoint, in ps
     * @param mountProblems blocks claimed twice or out of range while rebuilding the SIT (empty if none)
     * @param recovered the file table before mount wrote anything (for {@link CrashChecker})
     * @param deltaChains DeltaFS chains in the recovered file system (-1 when deltas are off)
     * @param deltaChainsRolledForward chains re-applied from fsync-marked node pages
     * @param inlineChainsRolledForward of these, chains in an inode's inline area
     * @param deltaChainsDropped chains whose base page or delta pages did not persist intact (the
     *     block reads back as its base page)
     */
    public record Result(LogFs fs, long checkpointVersion, int checkpointSlot, long nodePagesScanned,
                         long nodesRolledForward, long blocksRecovered, int filesRecreated, long reads, long erases,
                         long recoveryPs, List<String> mountProblems, Recovered recovered, long deltaChains,
                         long deltaChainsRolledForward, long inlineChainsRolledForward, long deltaChainsDropped) {
        /** Copies the list. */
        public Result {
            mountProblems = List.copyOf(mountProblems);
        }

        /** As an ordered map for a report section. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checkpointVersion", checkpointVersion);
            m.put("checkpointSlot", checkpointSlot);
            m.put("nodePagesScanned", nodePagesScanned);
            m.put("nodesRolledForward", nodesRolledForward);
            m.put("blocksRecovered", blocksRecovered);
            m.put("filesRecreated", filesRecreated);
            m.put("recoveryReads", reads);
            m.put("recoveryErases", erases);
            m.put("recoveryTimeUs", recoveryPs / 1e6);
            if (deltaChains >= 0) {
                m.put("deltaChains", deltaChains);
                m.put("deltaChainsRolledForward", deltaChainsRolledForward);
                m.put("inlineChainsRolledForward", inlineChainsRolledForward);
                m.put("deltaChainsDropped", deltaChainsDropped);
            }
            return m;
        }
    }

    /** Recovers with roll-forward (F2FS's default mount). */
    public static Result mount(FlashImage image) {
        return mount(image, true);
    }

    /**
     * Recovers from {@code image}; {@code rollForward = false} is F2FS's {@code norecovery} mount
     * option (roll back only: fsynced writes after the checkpoint are lost).
     *
     * @throws IllegalStateException if neither pack is valid (cannot happen with an attached image,
     *     whose attach checkpoint stays valid until a later pack completes in its slot)
     */
    public static Result mount(FlashImage image, boolean rollForward) {
        int slot = -1;
        for (int s = 0; s < 2; s++) {
            if (image.packValid(s) && (slot < 0 || image.packVersion(s) > image.packVersion(slot))) {
                slot = s;
            }
        }
        if (slot < 0) {
            throw new IllegalStateException("no valid checkpoint pack in the image");
        }
        long version = image.packVersion(slot);
        FsState state = image.packState(slot).copy();
        LogFs old = image.fileSystem();
        FlashDevice dev = FlashDevice.create(old.device().geometry(), old.device().timing());
        long mainStart = old.mainStartPage();
        int n = image.mainBlocks();
        for (int a = 0; a < n; a++) {
            if (image.owner(a) != FlashImage.ERASED) {
                dev.preconditionProgrammed(mainStart + a, 1);
            }
        }
        long t0 = image.crashAtPs();
        long end = t0;
        long reads = 0;
        Superblock sb = old.superblock();
        // Both packs (F2FS reads header and footer of each), then the SIT.
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < LogFs.CP_PACK_BLOCKS; i++) {
                end = Math.max(end, dev.read((long) s * LogFs.BLOCKS_PER_SEGMENT + i, t0));
                reads++;
            }
        }
        long sitStart = sb.checkpointBlocks();
        for (int i = 0; i < sb.sitBlocks(); i++) {
            end = Math.max(end, dev.read(sitStart + i, t0));
            reads++;
        }
        long scanned = 0;
        long rolled = 0;
        long recovered = 0;
        int created = 0;
        long chainsRolled = 0;
        long[] inlineRolled = new long[1];
        Set<Long> touched = new HashSet<>();
        if (rollForward) {
            List<Integer> marked = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                long o = image.owner(a);
                if (FlashImage.isNode(o) && image.content(a) == version) {
                    end = Math.max(end, dev.read(mainStart + a, t0));
                    reads++;
                    scanned++;
                    if (image.fsyncMarked(a) && image.payload(a) != null) {
                        marked.add(a);
                    }
                }
            }
            marked.sort((x, y) -> Long.compare(image.seq(x), image.seq(y)));
            for (int a : marked) {
                NodePayload p = image.payload(a);
                int f = state.fileId(p.fileName());
                if (f < 0) {
                    f = state.addFile(p.fileName(), p.isDir(), p.dataLog());
                    created++;
                }
                if (p.nid() < state.nat.length && state.nat[p.nid()] >= 0) {
                    end = Math.max(end, dev.read(mainStart + state.nat[p.nid()], t0));
                    reads++;
                }
                if (p.offset() == 0) {
                    state.sizeBytes[f] = p.sizeBytes();
                    state.inline[f] = p.inline();
                    state.inlineContent[f] = p.inlineContent();
                    int[] ids = p.nodeNids();
                    for (int off = 0; off < ids.length; off++) {
                        if (ids[off] != 0 && (off >= state.nodeNid[f].length || state.nodeNid[f][off] != ids[off])) {
                            state.setNode(f, off, ids[off], Integer.MIN_VALUE);
                        }
                    }
                }
                state.setNode(f, p.offset(), p.nid(), a);
                int[] addrs = p.addrs();
                for (int i = 0; i < addrs.length; i++) {
                    long b = p.firstBlock() + i;
                    if (state.getAddr(f, b) != addrs[i]) {
                        state.set(f, b, addrs[i], addrs[i] >= 0 ? image.content(addrs[i]) : 0L);
                        recovered++;
                    }
                }
                if (state.chains != null) {
                    chainsRolled += applyChains(state, f, p, touched, inlineRolled);
                }
                rolled++;
            }
        }
        long dropped = state.chains == null ? 0 : reconcile(image, state, touched);
        List<String> problems = new ArrayList<>();
        Recovered before = new Recovered(state.copy());
        long erasesBefore = dev.erases();
        LogFs fs = LogFs.mount(dev, old.effectiveConfig(), state, end, problems);
        long done = fs.checkpoint(Math.max(end, dev.lastCompletionPs()));
        long erases = (dev.erases() - erasesBefore) / dev.geometry().planes();
        return new Result(fs, version, slot, scanned, rolled, recovered, created, reads, erases, done - t0,
                Collections.unmodifiableList(problems), before, state.chains == null ? -1 : state.chains.size(),
                chainsRolled, inlineRolled[0], dropped);
    }

    private static long key(int f, long b) {
        return ((long) f << 32) | b;
    }

    /**
     * Re-applies the delta chains node page {@code p} of file {@code f} carries, as its block
     * pointers are: the node's pointer range takes the node's area chains (a block whose area chain
     * the node no longer lists loses it); an inode's inline area replaces the file's inline chains.
     * Returns the chains applied; adds every block whose chain changed to {@code touched}.
     */
    private static long applyChains(FsState state, int f, NodePayload p, Set<Long> touched, long[] inlineRolled) {
        for (int i = 0; i < p.addrs().length; i++) {
            long k = key(f, p.firstBlock() + i);
            DeltaChain old = state.chains.get(k);
            if (old != null && !old.inline()) {
                state.chains.remove(k);
                touched.add(k);
            }
        }
        if (p.offset() == 0) {
            state.chains.entrySet().removeIf(e -> {
                boolean mine = (e.getKey() >>> 32) == f && e.getValue().inline();
                if (mine) {
                    touched.add(e.getKey());
                }
                return mine;
            });
        }
        long n = 0;
        for (DeltaChain c : p.deltaChains() == null ? new DeltaChain[0] : p.deltaChains()) {
            state.chains.put(key(f, c.block()), c);
            touched.add(key(f, c.block()));
            n++;
            if (c.inline()) {
                inlineRolled[0]++;
            }
        }
        return n;
    }

    /**
     * Keeps a chain only if its base page holds the chain's base content and every delta page it
     * points into persisted with the stamp it was written with; the block's content becomes what the
     * chain reconstructs to, or the base page's content when the chain is dropped (also for blocks
     * whose chain roll-forward removed). Returns the chains dropped.
     */
    private static long reconcile(FlashImage image, FsState state, Set<Long> touched) {
        Set<Long> keys = new HashSet<>(touched);
        keys.addAll(state.chains.keySet());
        List<Long> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        long dropped = 0;
        for (long k : sorted) {
            int f = (int) (k >>> 32);
            long b = k & 0xffffffffL;
            int a = state.getAddr(f, b);
            DeltaChain c = state.chains.get(k);
            if (c != null && intact(image, a, c)) {
                state.set(f, b, a, c.lastId());
                continue;
            }
            if (c != null) {
                state.chains.remove(k);
                dropped++;
            }
            if (a >= 0) {
                state.set(f, b, a, image.content(a));
            }
        }
        return dropped;
    }

    /** True if a page holding {@code pageContent} is the base {@code baseId} (0: the pre-fill, version 0 of any base). */
    static boolean baseMatches(long pageContent, long baseId) {
        return pageContent == baseId || (pageContent == 0 && ContentModel.version(baseId) == 0);
    }

    private static boolean intact(FlashImage image, int a, DeltaChain c) {
        if (a < 0 || image.owner(a) < 0 || !baseMatches(image.content(a), c.baseId())) {
            return false;
        }
        for (int i = 0; !c.inline() && i < c.pageAddrs().length; i++) {
            if (!image.holdsDeltaPage(c.pageAddrs()[i], c.pageStamps()[i])) {
                return false;
            }
        }
        return true;
    }
}
