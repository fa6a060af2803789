package org.hwsim.lfs.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a file system recovered after a power cut against what was on flash and what the host was
 * promised (the fsck of the crash tests):
 * <ul>
 *   <li>NAT, SIT and segment summaries agree with each other and with the file table, and no
 *       block is owned twice ({@link LogFs#checkConsistency()}, plus the claims recovery rejected);</li>
 *   <li>every block the recovered file table points to (after roll-forward, before the recovery
 *       checkpoint writes anything) is intact on flash and holds what the table says: a data page
 *       owned by that file block with that content id, a node page with that node id; with
 *       DeltaFS, a block with a delta chain has its base content on its page, every delta page of
 *       the chain intact with the stamp it was written with, and the chain ends at the table's
 *       content id;</li>
 *   <li>every write made durable by a completed fsync of its file or a completed checkpoint is
 *       readable with its content: the recovered content id equals the acknowledged one, or is
 *       that of a later write (or trim) of the same block issued before the crash. Inline data is
 *       block 0. A block with deltas is read back (base page plus every delta decoded) and must
 *       render as that content.</li>
 * </ul>
 * With DeltaFS, {@link LogFs#checkConsistency()} also covers the delta structures: inline areas
 * within their budget, every delta page reachable exactly once, live counts right. Stateless.
 */
public final class CrashChecker {
    /** At most this many problems are listed. */
    public static final int MAX_PROBLEMS = 20;

    private CrashChecker() {
    }

    /** The problems found after {@code recovery} of {@code image} (empty if consistent), at most {@link #MAX_PROBLEMS}. */
    public static List<String> check(FlashImage image, Recovery.Result recovery) {
        List<String> problems = new ArrayList<>(recovery.mountProblems());
        for (String p : recovery.fs().checkConsistency()) {
            add(problems, p);
        }
        // Against the image: the table recovery rebuilt, before its own checkpoint wrote anything.
        FsState rs = recovery.recovered().state;
        for (int f = 0; f < rs.files; f++) {
            int orig = image.fileIdOf(rs.names[f]);
            if (orig < 0) {
                add(problems, "recovered file " + rs.names[f] + " was never created");
                continue;
            }
            for (int c = 0; c < rs.addr[f].length; c++) {
                int[] k = rs.addr[f][c];
                for (int i = 0; k != null && i < FsState.CHUNK; i++) {
                    int a = k[i];
                    if (a < 0) {
                        continue;
                    }
                    long b = ((long) c << FsState.CHUNK_BITS) | i;
                    long want = ((long) orig << 32) | b;
                    if (image.owner(a) != want) {
                        add(problems, rs.names[f] + " block " + b + ": page " + a + " on flash holds "
                                + describe(image.owner(a)) + ", not this block");
                    } else {
                        DeltaChain ch = rs.chain(f, b);
                        if (ch == null && image.content(a) != rs.getContent(f, b)) {
                            add(problems, rs.names[f] + " block " + b + ": content " + rs.getContent(f, b)
                                    + " in the table, " + image.content(a) + " on flash");
                        } else if (ch != null) {
                            checkChain(problems, image, rs.names[f], b, a, ch, rs.getContent(f, b));
                        }
                    }
                }
            }
            for (int nid : rs.nodeNid[f]) {
                if (nid != 0 && nid < rs.nat.length && rs.nat[nid] >= 0
                        && image.owner(rs.nat[nid]) != (FlashImage.NODE | nid)) {
                    add(problems, "node " + nid + " of " + rs.names[f] + ": page " + rs.nat[nid] + " holds "
                            + describe(image.owner(rs.nat[nid])));
                }
            }
        }
        // Against the host's acknowledgements: the file system as recovered and mounted.
        rs = recovery.fs().captureState();
        AckLog acks = image.acks();
        byte[] read = new byte[LogFs.BLOCK_BYTES];
        byte[] expected = new byte[LogFs.BLOCK_BYTES];
        for (int f = 0; f < acks.files(); f++) {
            if (!acks.fileDurable(f)) {
                continue;
            }
            String name = image.fileName(f);
            int rf = rs.fileId(name);
            if (rf < 0) {
                add(problems, "file " + name + " was durable and is lost");
                continue;
            }
            long limit = acks.blockLimit(f);
            for (long b = 0; b < limit; b++) {
                long want = acks.durableContent(f, b);
                if (want == AckLog.ABSENT) {
                    continue;
                }
                long got = recoveredContent(rs, rf, b);
                if (got != want && !acks.pendingWrite(f, b, got)) {
                    add(problems, name + " block " + b + ": recovered " + show(got) + ", acknowledged " + show(want));
                } else if (got != AckLog.HOLE && recovery.fs().deltaChainLength(rf, b) > 0) {
                    // With deltas, read the block back: base page plus every delta decoded.
                    recovery.fs().readContent(rf, b, read);
                    ContentModel.render(got, expected);
                    if (!java.util.Arrays.equals(read, expected)) {
                        add(problems, name + " block " + b + ": base plus deltas does not rebuild content " + got);
                    }
                }
            }
        }
        return problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
    }

    /**
     * A chain in the recovered table: its base page holds its base content, its delta pages are on
     * flash with the stamps they were written with, and it ends at the table's content id.
     */
    private static void checkChain(List<String> problems, FlashImage image, String name, long b, int a,
                                   DeltaChain ch, long tableContent) {
        if (!Recovery.baseMatches(image.content(a), ch.baseId())) {
            add(problems, name + " block " + b + ": delta chain on base " + ch.baseId() + ", page holds "
                    + image.content(a));
        }
        if (ch.lastId() != tableContent) {
            add(problems, name + " block " + b + ": delta chain ends at " + ch.lastId() + ", table says " + tableContent);
        }
        for (int i = 0; !ch.inline() && i < ch.pageAddrs().length; i++) {
            if (!image.holdsDeltaPage(ch.pageAddrs()[i], ch.pageStamps()[i])) {
                add(problems, name + " block " + b + ": delta " + i + " in page " + ch.pageAddrs()[i] + " which holds "
                        + describe(image.owner(ch.pageAddrs()[i])));
            }
        }
    }

    private static long recoveredContent(FsState s, int f, long b) {
        int a = s.getAddr(f, b);
        if (a >= 0) {
            return s.getContent(f, b);
        }
        if (b == 0 && s.inline[f] && s.sizeBytes[f] > 0) {
            return s.inlineContent[f];
        }
        return AckLog.HOLE;
    }

    private static String show(long content) {
        return content == AckLog.HOLE ? "a hole" : "content " + content;
    }

    private static String describe(long owner) {
        if (owner == FlashImage.ERASED) {
            return "nothing (erased)";
        }
        if (owner == FlashImage.TORN) {
            return "a torn page";
        }
        if (owner == FlashImage.STALE) {
            return "stale data";
        }
        if (owner == FlashImage.DELTA) {
            return "a delta page";
        }
        if (owner < 0) {
            return "node " + (owner & 0x7fffffffL);
        }
        return "file " + (owner >>> 32) + " block " + (owner & 0xffffffffL);
    }

    private static void add(List<String> problems, String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }
}
