package org.hwsim.lfs.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the file table and the NAT against the SIT and the segment summaries, in the manner of
 * {@code fsck.f2fs}: at mount, every block a file, node or delta chain points to is claimed in the
 * SIT ({@link #claimAll}, what rebuilds the SIT of a recovered state); as a check, every such block
 * must be valid, owned by its pointer in the summary and reached exactly once, and the counters
 * must equal their bitmaps ({@link #check}). Problems are listed, at most 20.
 */
final class Fsck {
    private Fsck() {
    }

    /** Validates every block the file table, the NAT and {@code s}'s delta chains point to. */
    static void claimAll(SegmentTable sit, FileTable ft, NodeTable nodes, DeltaStore deltas, FsState s,
                         List<String> problems) {
        for (int f = 0; f < ft.files; f++) {
            for (int c = 0; c < ft.addr[f].length; c++) {
                int[] k = ft.addr[f][c];
                for (int i = 0; k != null && i < FileTable.CHUNK; i++) {
                    if (k[i] != FileTable.HOLE) {
                        sit.claim(k[i], ((long) f << 32) | (((long) c << FileTable.CHUNK_BITS) | i), problems);
                    }
                }
            }
            for (int nid : nodes.nodeNid[f]) {
                if (nid != 0 && nodes.nat[nid] >= 0) {
                    sit.claim(nodes.nat[nid], SegmentTable.NODE_OWNER | nid, problems);
                }
            }
        }
        if (deltas != null && s.chains != null) {
            deltas.restore(s.chains, (a, owner) -> sit.claim(a, owner, problems));
        }
    }

    /** The problems found (empty if NAT, SIT and summaries agree), at most 20. */
    static List<String> check(SegmentTable sit, FileTable ft, NodeTable nodes, DeltaStore deltas,
                              int segmentsPerSection) {
        List<String> problems = new ArrayList<>();
        long[] seen = new long[sit.valid.length];
        long reached = 0;
        for (int f = 0; f < ft.files; f++) {
            int[][] a = ft.addr[f];
            for (int c = 0; c < a.length; c++) {
                if (a[c] == null) {
                    continue;
                }
                for (int i = 0; i < FileTable.CHUNK; i++) {
                    int x = a[c][i];
                    long b = ((long) c << FileTable.CHUNK_BITS) | i;
                    if (x == FileTable.HOLE) {
                        continue;
                    }
                    reached++;
                    long owner = ((long) f << 32) | b;
                    sit.reach(problems, seen, x, owner, "file " + ft.names[f] + " block " + b);
                }
            }
            for (int nid : nodes.nodeNid[f]) {
                if (nid != 0 && nodes.nat[nid] >= 0) {
                    reached++;
                    sit.reach(problems, seen, nodes.nat[nid], SegmentTable.NODE_OWNER | nid,
                            "node " + nid + " of " + ft.names[f]);
                }
            }
        }
        if (deltas != null) {
            reached += deltas.check(ft.files, p -> SegmentTable.addProblem(problems, p),
                    (x, owner, what) -> sit.reach(problems, seen, x, owner, what));
        }
        if (reached != sit.validTotal) {
            SegmentTable.addProblem(problems, "reachable blocks " + reached + " != valid blocks " + sit.validTotal);
        }
        sit.checkCounts(problems, segmentsPerSection);
        return problems;
    }
}
