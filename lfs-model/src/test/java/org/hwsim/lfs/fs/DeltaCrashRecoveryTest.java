package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency with DeltaFS on, at chosen instants: each scenario runs once without a crash
 * to find the instant of interest (the file system is deterministic), then again with a {@link
 * FlashImage} cut there. Expected behaviour: F2FS's roll back and roll forward (Lee et al., FAST
 * 2015, section 2.7) with DeltaFS's structures (arXiv 2210.04623): inline deltas persist with the
 * inode, delta-area deltas with the delta page and the node indexing them; a block reads back as
 * base page plus deltas.
 */
class DeltaCrashRecoveryTest {
    static final long MS = 1_000_000_000L;
    static final int B = LogFs.BLOCK_BYTES;

    /** 128 MiB, deltas with the defaults (xor-rle, 3,488-byte inline area). */
    static LogFs small() {
        return LogFs.format(FlashDevice.create(new FlashGeometry(1, 1, 1, 2, 64, 256, 4096), FlashTiming.mlc()),
                FsConfig.defaults().withDelta(DeltaConfig.defaults()));
    }

    record Outcome(LogFs before, FlashImage image, Recovery.Result recovery, List<String> problems) {
    }

    /** Runs {@code script} with an image cut at {@code crashPs} (requests after it are not issued by the script). */
    static Outcome crashAt(long crashPs, Consumer<LogFs> script) {
        LogFs fs = small();
        FlashImage image = FlashImage.attach(fs, crashPs);
        script.accept(fs);
        Recovery.Result r = Recovery.mount(image);
        return new Outcome(fs, image, r, CrashChecker.check(image, r));
    }

    static long edit(long base, int version) {
        return ContentModel.id(base, version);
    }

    static void assertReadsBack(LogFs fs, int f, long b, long contentId) {
        byte[] got = new byte[B];
        byte[] want = new byte[B];
        fs.readContent(f, b, got);
        ContentModel.render(contentId, want);
        assertArrayEquals(want, got, "block " + b + " reads back as content " + contentId);
    }

    @Test
    void fsyncedInlineDeltaIsRolledForwardAndReadsBackEdited() {
        long[] fsyncDone = new long[1];
        Consumer<LogFs> s = fs -> {
            int f = fs.openOrCreate("/data/a.db");
            fs.write(f, 0, 4L * B, edit(7, 0), 1 * MS); // base pages
            fs.checkpoint(2 * MS);
            fs.write(f, 2L * B, B, edit(7, 1), 3 * MS); // a small edit: a delta, inline in the inode
            assertTrue(fs.deltaChainLength(f, 2) == 1 && fs.inlineDeltaBytes(f) > 0, "the edit is an inline delta");
            fs.fsync(f, 4 * MS);
            fsyncDone[0] = 4 * MS + fs.lastLatencyPs();
        };
        crashAt(Long.MAX_VALUE, s);
        Outcome o = crashAt(fsyncDone[0], s);
        assertEquals(List.of(), o.problems());
        Recovery.Result r = o.recovery();
        assertEquals(1, r.checkpointVersion(), "rolled back to the explicit checkpoint");
        assertEquals(1, r.inlineChainsRolledForward(), "the inode's inline delta is re-applied");
        assertEquals(0, r.deltaChainsDropped());
        LogFs fs = r.fs();
        int f = fs.fileId("/data/a.db");
        assertEquals(edit(7, 1), fs.contentId(f, 2));
        assertEquals(1, fs.deltaChainLength(f, 2), "still a delta on the old base page, not a rewritten page");
        assertTrue(fs.inlineDeltaBytes(f) > 0 && fs.inlineDeltaBytes(f) <= LogFs.MAX_INLINE_BYTES);
        assertReadsBack(fs, f, 2, edit(7, 1));
        assertReadsBack(fs, f, 1, edit(7, 0));
        // One picosecond earlier the fsync is not acknowledged: the delta may be lost, nothing else.
        Outcome early = crashAt(fsyncDone[0] - 1, s);
        assertEquals(List.of(), early.problems());
        int g = early.recovery().fs().fileId("/data/a.db");
        assertEquals(edit(7, 0), early.recovery().fs().contentId(g, 2), "the torn inode carried the delta");
        // Without roll-forward (norecovery), the acknowledged edit is lost and the checker says so.
        Outcome norec = crashAt(fsyncDone[0], s);
        Recovery.Result back = Recovery.mount(norec.image(), false);
        assertTrue(CrashChecker.check(norec.image(), back).stream().anyMatch(p -> p.contains("block 2")),
                "the checker must see the lost delta");
    }

    /** Fills the inline area of {@code f} and more, so chains go to the delta area. */
    static void manyEdits(LogFs fs, int f, long firstBlock, int blocks, int version, long atPs) {
        for (int b = 0; b < blocks; b++) {
            fs.write(f, (firstBlock + b) * B, B, edit(100 + firstBlock + b, version), atPs + b);
        }
    }

    @Test
    void tornDeltaPageLeavesTheAcknowledgedStateAndTheStructuresConsistent() {
        // Enough edited blocks that chains spill from the inline area into delta pages; the fsync
        // seals the open delta page before the nodes, so cutting power during that program tears it.
        long[] fsyncDone = new long[1];
        long progPs = FlashTiming.mlc().programPs();
        Consumer<LogFs> s = fs -> {
            int f = fs.openOrCreate("/data/a.db");
            manyEdits(fs, f, 0, 200, 0, 1000 * MS);
            fs.fsync(f, 2000 * MS);
            fs.checkpoint(3000 * MS);
            manyEdits(fs, f, 0, 200, 1, 4000 * MS);
            fs.fsync(f, 5000 * MS); // acknowledged: version 1 of every block
            manyEdits(fs, f, 0, 200, 2, 6000 * MS);
            fs.fsync(f, 7000 * MS); // version 2: cut inside it
            fsyncDone[0] = 7000 * MS + fs.lastLatencyPs();
        };
        Outcome full = crashAt(Long.MAX_VALUE, s);
        int fa = full.before().fileId("/data/a.db");
        assertTrue(full.before().deltaStats().deltasInArea() > 0, "some deltas went to delta pages");
        assertTrue(full.before().deltaStats().deltasInline() > 0, "some stayed inline");
        boolean torn = false;
        // Every instant of the fsync's programs, a tenth of tPROG apart.
        for (long t = 7000 * MS; t <= fsyncDone[0]; t += progPs / 10) {
            Outcome o = crashAt(t, s);
            assertEquals(List.of(), o.problems(), "crash at " + t);
            torn |= o.image().deltaPagesTorn() > 0;
            LogFs fs = o.recovery().fs();
            int f = fs.fileId("/data/a.db");
            for (int b = 0; b < 200; b += 7) {
                long c = fs.contentId(f, b);
                assertTrue(c == edit(100 + b, 1) || c == edit(100 + b, 2), "block " + b + ": " + c);
                assertReadsBack(fs, f, b, c);
            }
            assertEquals(List.of(), fs.checkConsistency());
        }
        assertTrue(torn, "some instant tears a delta page");
        assertEquals(edit(100 + 5, 2), full.recovery().fs().contentId(fa, 5));
    }

    @Test
    void chainEvictedFromTheInlineAreaSurvivesACrashAtEveryInstantOfItsFsync() {
        // Block 2000 lives in the second direct node, not the inode. Its chain is inline at the
        // checkpoint; edits of blocks 1001-1199 (first direct node) then evict it to the delta area,
        // so the fsync writes the inode and both direct nodes, more nodes than there are planes.
        long[] fsyncDone = new long[1];
        long progPs = FlashTiming.mlc().programPs();
        Consumer<LogFs> s = fs -> {
            int f = fs.openOrCreate("/data/a.db");
            fs.write(f, 1000L * B, 200L * B, edit(5, 0), 1000 * MS);
            fs.write(f, 2000L * B, B, edit(6, 0), 1000 * MS);
            fs.write(f, 2000L * B, B, edit(6, 1), 2000 * MS);
            fs.checkpoint(3000 * MS); // block 2000 at version 1, inline
            for (int b = 1001; b < 1200; b++) {
                fs.write(f, (long) b * B, B, edit(5, 3), 4000 * MS + b);
            }
            fs.fsync(f, 5000 * MS);
            fsyncDone[0] = 5000 * MS + fs.lastLatencyPs();
        };
        Outcome full = crashAt(Long.MAX_VALUE, s);
        int fa = full.before().fileId("/data/a.db");
        assertTrue(full.before().deltaStats().evictions() > 0, "the inline area overflowed");
        assertFalse(full.before().deltaChainLength(fa, 2000) == 0, "block 2000 keeps its delta");
        for (long t = 5000 * MS; t <= fsyncDone[0]; t += progPs / 10) {
            Outcome o = crashAt(t, s);
            assertEquals(List.of(), o.problems(), "crash at " + t);
            LogFs fs = o.recovery().fs();
            assertEquals(edit(6, 1), fs.contentId(fs.fileId("/data/a.db"), 2000), "crash at " + t);
            assertReadsBack(fs, fs.fileId("/data/a.db"), 2000, edit(6, 1));
        }
    }

    @Test
    void anImageIsNotAttachedOverDeltasThatAreOnlyInMemory() {
        LogFs fs = small();
        int f = fs.openOrCreate("/data/a.db");
        manyEdits(fs, f, 0, 200, 0, 1000 * MS);
        manyEdits(fs, f, 0, 200, 1, 2000 * MS); // deltas, some in the open delta page
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlashImage.attach(fs, 5000 * MS));
        assertTrue(e.getMessage().contains("open delta page"), e.getMessage());
        fs.checkpoint(3000 * MS); // seals the page and records every chain
        FlashImage image = FlashImage.attach(fs, 5000 * MS);
        Recovery.Result r = Recovery.mount(image);
        assertEquals(List.of(), CrashChecker.check(image, r));
        assertEquals(0, r.deltaChainsDropped(), "the pack's chains sit on intact base pages");
        int g = r.fs().fileId("/data/a.db");
        assertEquals(edit(100 + 9, 1), r.fs().contentId(g, 9));
        assertEquals(1, r.fs().deltaChainLength(g, 9), "block 9 is still base page plus delta");
        assertReadsBack(r.fs(), g, 9, edit(100 + 9, 1));
    }

    @Test
    void aRecoveredFileSystemWithChainsCrashesAndRecoversAgain() {
        long[] fsyncDone = new long[1];
        Consumer<LogFs> s = fs -> {
            int f = fs.openOrCreate("/data/a.db");
            manyEdits(fs, f, 0, 200, 0, 1000 * MS);
            fs.checkpoint(2000 * MS);
            manyEdits(fs, f, 0, 200, 1, 3000 * MS);
            fs.fsync(f, 4000 * MS);
            fsyncDone[0] = 4000 * MS + fs.lastLatencyPs();
        };
        crashAt(Long.MAX_VALUE, s);
        Outcome first = crashAt(fsyncDone[0], s);
        assertEquals(List.of(), first.problems());
        LogFs fs = first.recovery().fs();
        assertTrue(first.recovery().deltaChains() > 0);
        long t0 = fsyncDone[0] + first.recovery().recoveryPs() + 1000 * MS;
        // Second life: more edits on top of the recovered chains, an fsync, and power cut after it.
        FlashImage image = FlashImage.attach(fs, t0 + 2000 * MS);
        int f = fs.fileId("/data/a.db");
        manyEdits(fs, f, 0, 200, 2, t0);
        fs.fsync(f, t0 + 1000 * MS);
        Recovery.Result r = Recovery.mount(image);
        assertEquals(List.of(), CrashChecker.check(image, r));
        assertEquals(0, r.deltaChainsDropped());
        int g = r.fs().fileId("/data/a.db");
        for (int b = 0; b < 200; b += 11) {
            assertEquals(edit(100 + b, 2), r.fs().contentId(g, b));
            assertReadsBack(r.fs(), g, b, edit(100 + b, 2));
        }
        assertEquals(List.of(), r.fs().checkConsistency());
    }
}
