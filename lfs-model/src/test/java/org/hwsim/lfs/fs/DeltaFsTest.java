package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.junit.jupiter.api.Test;

/**
 * DeltaFS (arXiv 2210.04623) in the file system: reads rebuild exactly the latest content, the
 * inline area never exceeds its 3,488-byte budget (F2FS's {@code MAX_INLINE_DATA}), the chain policy
 * bounds chains, delta pages survive cleaning with NAT/SIT/summaries consistent.
 */
class DeltaFsTest {
    static final int B = LogFs.BLOCK_BYTES;

    static LogFs fresh(DeltaConfig delta, boolean threadedLogging) {
        return LogFs.format(FlashDevice.create(FlashGeometry.forCapacityGib(1), FlashTiming.mlc()),
                FsConfig.defaults().withThreadedLogging(threadedLogging).withDelta(delta));
    }

    /** The next version of a block's content: one more small edit of its base (as the workloads write). */
    static long nextVersion(LogFs fs, int f, long b) {
        long cur = fs.contentId(f, b);
        return ContentModel.id(cur == 0 ? ((long) f << 24) + b + 1 : ContentModel.base(cur),
                ContentModel.version(cur) + 1);
    }

    /**
     * Random overwrites (mostly small edits, some unrelated contents that do not pay as deltas),
     * trims, reads and fsyncs with deltas on, over a nearly full file system so cleaning moves data
     * and delta pages: afterwards NAT, SIT, summaries and the delta structures agree (every delta
     * page reachable exactly once), every inline area stayed within its budget after every request,
     * no chain exceeds its bounds, and every block reads back exactly as its latest content renders.
     * Odd seeds run with threaded logging; the codec alternates.
     */
    @Property(tries = 6)
    void readsReturnTheLatestContentAndTheStructuresStayConsistent(@ForAll @LongRange(min = 1) long seed) {
        // Codec and area merging alternate over the seeds.
        DeltaConfig dc = new DeltaConfig(true, seed % 4 < 2 ? "xor-rle" : "copy-add", 512, 4, 600,
                LogFs.MAX_INLINE_BYTES, seed % 3 != 0);
        LogFs fs = fresh(dc, seed % 2 == 1);
        int filler = fs.prefill("/data/filler.bin", (long) (0.93 * fs.mainBlocks()) * B);
        long fillerBlocks = fs.sizeBytes(filler) / B;
        int[] files = new int[3];
        for (int i = 0; i < files.length; i++) {
            files[i] = fs.openOrCreate("/data/f" + i + ".db");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long t = 0;
        long unrelated = 1L << 40;
        for (int i = 0; i < 6000; i++) {
            t += 1 + rng.nextLong(1_000_000_000L);
            int k = rng.nextInt(20);
            boolean onFiller = rng.nextInt(3) == 0;
            int f = onFiller ? filler : files[rng.nextInt(files.length)];
            long b = onFiller ? rng.nextLong(fillerBlocks) : rng.nextLong(400);
            if (k < 14) {
                int n = 1 + rng.nextInt(16);
                for (long x = b; x < Math.min(b + n, onFiller ? fillerBlocks : 400); x++) {
                    long id = rng.nextBoolean() ? ContentModel.id(unrelated++, 0) : nextVersion(fs, f, x);
                    IoResult r = fs.write(f, x * B, B, id, t);
                    assertTrue(r == IoResult.OK || r == IoResult.ENOSPC, r.id());
                }
            } else if (k < 15 && !onFiller) {
                fs.trim(f, b * B, 4L * B, t);
            } else if (k < 18) {
                assertEquals(IoResult.OK, fs.read(f, b * B, 2L * B, t));
            } else {
                assertEquals(IoResult.OK, fs.fsync(f, t));
            }
            for (int x : files) {
                assertTrue(fs.inlineDeltaBytes(x) <= LogFs.MAX_INLINE_BYTES, "inline area of " + x);
            }
            assertTrue(fs.inlineDeltaBytes(filler) <= LogFs.MAX_INLINE_BYTES);
        }
        DeltaStats d = fs.deltaStats();
        assertTrue(fs.stats().sectionsCleaned() > 0, "cleaning must have run");
        assertTrue(d.deltasInline() > 0 && d.deltasInArea() > 0, d.toString());
        assertTrue(d.chainRewrites() > 0 && d.fullWritesDeltaTooLarge() > 0, d.toString());
        assertEquals(List.of(), fs.checkConsistency());
        byte[] got = new byte[B];
        byte[] want = new byte[B];
        for (int f : files) {
            for (long b = 0; b < 400; b++) {
                if (fs.blockAddress(f, b) < 0) {
                    assertEquals(0, fs.deltaChainLength(f, b));
                    continue;
                }
                assertTrue(fs.deltaChainLength(f, b) <= 4);
                fs.readContent(f, b, got);
                ContentModel.render(fs.contentId(f, b), want);
                assertArrayEquals(want, got, "file " + f + " block " + b);
            }
        }
    }

    /**
     * Cleaning over sections holding delta pages: chains of one delta on a hot region (so each
     * block alternates delta and full page, and delta pages die at different times), an fsync every
     * 25 writes (each programs the open delta page). Cleaning moves live delta pages; afterwards
     * everything is consistent and every hot block reads back exactly.
     */
    @Test
    void cleaningMovesDeltaPagesAndKeepsThemReachable() {
        LogFs fs = fresh(DeltaConfig.defaults().withChain(1, 2048), false);
        int f = fs.prefill("/data/u.dat", (long) (0.85 * fs.mainBlocks()) * B);
        int hot = 20_000;
        SplittableRandom rng = new SplittableRandom(4);
        long t = 0;
        for (int i = 0; i < 150_000; i++) {
            long b = rng.nextInt(hot);
            assertEquals(IoResult.OK, fs.write(f, b * B, B, nextVersion(fs, f, b), t += 1_000_000));
            if (i % 25 == 0) {
                fs.fsync(f, t += 1);
            }
        }
        DeltaStats d = fs.deltaStats();
        assertTrue(fs.stats().sectionsCleaned() > 0, "cleaning ran");
        assertTrue(d.deltaPagesMoved() > 0, "cleaning moved delta pages: " + d);
        assertEquals(List.of(), fs.checkConsistency());
        byte[] got = new byte[B];
        byte[] want = new byte[B];
        for (long b = 0; b < hot; b++) {
            if (fs.contentId(f, b) != 0) {
                fs.readContent(f, b, got);
                ContentModel.render(fs.contentId(f, b), want);
                assertArrayEquals(want, got, "block " + b);
            }
        }
    }

    /**
     * Chain policy, against a count done by hand: 60 small edits of one block with chains of at most
     * 8 deltas (and bytes far below 2,048) go delta, delta, ... (8), full page, delta, ...: every
     * 9th overwrite is a chain rewrite, so 60 overwrites give floor(60 / 9) = 6 rewrites and a
     * chain of 60 - 6 * 9 = 6 deltas at the end.
     */
    @Test
    void chainPolicyRewritesAFullPageEveryMaxChainPlusOneOverwrites() {
        LogFs fs = fresh(DeltaConfig.defaults(), false);
        int f = fs.openOrCreate("/data/a.db");
        for (long b = 0; b < 2; b++) {
            assertEquals(IoResult.OK, fs.write(f, b * B, B, ContentModel.id(b + 1, 0), 0));
        }
        long programs = fs.stats().hostDataPrograms();
        int maxSeen = 0;
        for (int i = 1; i <= 60; i++) {
            assertEquals(IoResult.OK, fs.write(f, 0, B, ContentModel.id(1, i), i));
            maxSeen = Math.max(maxSeen, fs.deltaChainLength(f, 0));
        }
        DeltaStats d = fs.deltaStats();
        assertEquals(8, maxSeen);
        assertEquals(6, d.chainRewrites());
        assertEquals(6, fs.deltaChainLength(f, 0));
        assertEquals(programs + 6, fs.stats().hostDataPrograms(), "only the rewrites program a page");
        assertEquals(54, d.deltasInline(), "one small chain fits the inline area");
        assertEquals(List.of(), fs.checkConsistency());
        // The byte bound: 100-byte chains allow one or two deltas of 8-64 edited bytes.
        LogFs g = fresh(DeltaConfig.defaults().withChain(200, 1024), false);
        int h = g.openOrCreate("/data/b.db");
        g.write(h, 0, B, ContentModel.id(9, 0), 0);
        for (int i = 1; i <= 200; i++) {
            g.write(h, 0, B, ContentModel.id(9, i), i);
            assertTrue(g.deltaChainLength(h, 0) < 200);
        }
        assertTrue(g.deltaStats().chainRewrites() > 0, "the 1,024-byte bound cut the chains");
        assertEquals(List.of(), g.checkConsistency());
    }

    /** A read of a block whose deltas are in the delta area reads the delta page too. */
    @Test
    void readsOfDeltaAreaChainsPayTheDeltaPageRead() {
        LogFs fs = fresh(DeltaConfig.defaults(), false);
        int f = fs.openOrCreate("/data/a.db");
        int n = 300;
        assertEquals(IoResult.OK, fs.write(f, 0, (long) n * B, ContentModel.id(77, 0), 0));
        for (long b = 0; b < n; b++) {
            assertEquals(IoResult.OK, fs.write(f, b * B, B, nextVersion(fs, f, b), 1 + b));
        }
        assertEquals(IoResult.OK, fs.fsync(f, 1_000));
        DeltaStats d = fs.deltaStats();
        assertEquals(n, d.deltasInline() + d.deltasInArea() - d.evictions() * 0, d.toString());
        assertTrue(d.evictions() > 0, "300 deltas do not fit 3,488 bytes: " + d);
        assertTrue(fs.inlineDeltaBytes(f) <= LogFs.MAX_INLINE_BYTES);
        long before = fs.deltaStats().reconstructReads();
        long t = 1_000_000_000_000L;
        assertEquals(IoResult.OK, fs.read(f, 0, B, t)); // block 0 was evicted first (least recently updated)
        assertEquals(before + 1, fs.deltaStats().reconstructReads());
        before = fs.deltaStats().reconstructReads();
        assertEquals(IoResult.OK, fs.read(f, (n - 1L) * B, B, 2 * t)); // the most recent chain is inline
        assertEquals(before, fs.deltaStats().reconstructReads(), "inline deltas come with the inode");
        assertEquals(List.of(), fs.checkConsistency());
    }

    /** Deltas off: no delta structure, no counter, the baseline's programs. */
    @Test
    void deltasOffStoreNoDelta() {
        LogFs fs = fresh(DeltaConfig.off(), false);
        int f = fs.openOrCreate("/data/a.db");
        fs.write(f, 0, B, ContentModel.id(1, 0), 0);
        long programs = fs.stats().hostDataPrograms();
        for (int i = 1; i <= 10; i++) {
            fs.write(f, 0, B, ContentModel.id(1, i), i);
        }
        assertEquals(programs + 10, fs.stats().hostDataPrograms());
        assertEquals(new DeltaStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), fs.deltaStats());
        assertEquals(0, fs.deltaChainLength(f, 0));
    }

    /** The inline area's accounting never exceeds the budget under random charges, releases and moves. */
    @Property(tries = 50)
    void inlineAreaNeverExceedsItsBudget(@ForAll @LongRange(min = 1) long seed,
                                         @ForAll @IntRange(min = 0, max = 3488) int budget) {
        InlineDeltaArea a = new InlineDeltaArea(budget);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] charged = new int[64];
        int[] chainFile = new int[64];
        boolean[] listed = new boolean[64];
        a.ensureChains(64);
        for (int i = 0; i < 2000; i++) {
            int c = rng.nextInt(64);
            int f = chainFile[c] = charged[c] > 0 || listed[c] ? chainFile[c] : rng.nextInt(3);
            int bytes = 1 + rng.nextInt(300);
            if (rng.nextBoolean()) {
                if (a.fits(f, bytes)) {
                    a.charge(f, bytes);
                    charged[c] += bytes;
                    a.touch(f, c);
                    listed[c] = true;
                } else {
                    int used = a.used(f);
                    assertThrows(IllegalStateException.class, () -> a.charge(f, bytes));
                    assertEquals(used, a.used(f), "a refused charge changes nothing");
                }
            } else if (listed[c]) {
                a.release(f, charged[c]);
                charged[c] = 0;
                a.unlink(f, c);
                listed[c] = false;
            }
            for (int x = 0; x < 3; x++) {
                assertTrue(a.used(x) <= budget);
            }
            int coldest = a.coldest(f);
            assertTrue(coldest == -1 ? noneListed(listed, chainFile, f) : listed[coldest] && chainFile[coldest] == f);
        }
    }

    private static boolean noneListed(boolean[] listed, int[] chainFile, int f) {
        for (int c = 0; c < listed.length; c++) {
            if (listed[c] && chainFile[c] == f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void badDeltaOptionsNameTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeltaConfig.defaults().withChain(0, 2048));
        assertTrue(e.getMessage().contains("maxChainLength") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DeltaConfig.defaults().withCodec("lz4"));
        assertTrue(e.getMessage().contains("lz4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new DeltaConfig(true, "xor-rle", 1024, 8, 2048, 4000, true));
        assertTrue(e.getMessage().contains("inlineBudgetBytes") && e.getMessage().contains("4000"), e.getMessage());
        assertFalse(DeltaConfig.off().enabled());
    }
}
