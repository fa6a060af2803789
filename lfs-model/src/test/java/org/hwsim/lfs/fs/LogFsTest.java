package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.junit.jupiter.api.Test;

/** The file system's invariants and F2FS behaviours, against a shadow model and F2FS's constants. */
class LogFsTest {
    static LogFs fresh() {
        return fresh(false);
    }

    static LogFs fresh(boolean threadedLogging) {
        return LogFs.format(FlashDevice.create(FlashGeometry.forCapacityGib(1), FlashTiming.mlc()),
                FsConfig.defaults().withThreadedLogging(threadedLogging));
    }

    /**
     * Random writes, overwrites, trims, reads and fsyncs over a nearly full file system (so cleaning
     * and checkpoints run): afterwards every live block is reachable exactly once (NAT, SIT and
     * segment summaries agree) and every block holds the content last written to it. Odd seeds
     * run with threaded logging.
     */
    @Property(tries = 12)
    void everyLiveBlockIsReachableExactlyOnceAndHoldsItsLastContent(@ForAll @LongRange(min = 1) long seed) {
        LogFs fs = fresh(seed % 2 == 1);
        int filler = fs.prefill("/data/filler.bin", (long) (0.93 * fs.mainBlocks()) * LogFs.BLOCK_BYTES);
        long fillerBlocks = fs.sizeBytes(filler) / LogFs.BLOCK_BYTES;
        int[] files = new int[4];
        for (int i = 0; i < files.length; i++) {
            files[i] = fs.openOrCreate("/data/f" + i + (i == 3 ? ".jpg" : ".db"));
        }
        Map<Long, Long> shadow = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(seed);
        long t = 0;
        long id = 1;
        for (int i = 0; i < 6000; i++) {
            t += 1 + rng.nextLong(2_000_000_000L);
            int k = rng.nextInt(10);
            boolean onFiller = rng.nextInt(3) == 0;
            int f = onFiller ? filler : files[rng.nextInt(files.length)];
            long blocks = onFiller ? fillerBlocks : 3000;
            long b = rng.nextLong(blocks);
            int n = 1 + rng.nextInt(16);
            if (onFiller) {
                n = (int) Math.min(n, fillerBlocks - b);
            }
            if (k < 6) {
                IoResult r = fs.write(f, b * LogFs.BLOCK_BYTES, (long) n * LogFs.BLOCK_BYTES, ++id, t);
                for (long x = b; x < b + n; x++) {
                    // A write cut short by ENOSPC keeps the blocks written before it (a short write).
                    if (r == IoResult.OK || fs.contentId(f, x) == id) {
                        shadow.put(((long) f << 32) | x, id);
                    }
                }
                assertTrue(r == IoResult.OK || r == IoResult.ENOSPC, r.id());
            } else if (k < 7 && !onFiller) {
                fs.trim(f, b * LogFs.BLOCK_BYTES, (long) n * LogFs.BLOCK_BYTES, t);
                for (long x = b; x < b + n; x++) {
                    shadow.remove(((long) f << 32) | x);
                }
            } else if (k < 9) {
                assertEquals(IoResult.OK, fs.read(f, b * LogFs.BLOCK_BYTES, (long) n * LogFs.BLOCK_BYTES, t));
            } else {
                assertEquals(IoResult.OK, fs.fsync(f, t));
            }
        }
        assertTrue(fs.stats().sectionsCleaned() > 0, "cleaning must have run");
        assertEquals(List.of(), fs.checkConsistency());
        for (int f : files) {
            for (long b = 0; b < 3000 + 16; b++) {
                Long want = shadow.get(((long) f << 32) | b);
                if (want == null) {
                    assertEquals(-1, fs.blockAddress(f, b), "hole at " + b);
                } else {
                    assertEquals((long) want, fs.contentId(f, b), "content of block " + b);
                }
            }
        }
        for (Map.Entry<Long, Long> e : shadow.entrySet()) {
            int f = (int) (e.getKey() >>> 32);
            long b = e.getKey() & 0xffffffffL;
            assertEquals((long) e.getValue(), fs.contentId(f, b));
        }
    }

    @Test
    void smallFilesLiveInlineUpTo3488Bytes() {
        LogFs fs = fresh();
        int f = fs.openOrCreate("/data/small.txt");
        long nodesBefore = fs.stats().nodePrograms();
        assertEquals(IoResult.OK, fs.write(f, 0, 100, 7, 0));
        assertTrue(fs.isInline(f));
        assertEquals(-1, fs.blockAddress(f, 0));
        assertEquals(nodesBefore + 1, fs.stats().nodePrograms(), "the inode carries the data");
        assertEquals(IoResult.OK, fs.write(f, 3000, 488, 8, 1)); // ends exactly at MAX_INLINE_DATA
        assertTrue(fs.isInline(f));
        assertEquals(3488, fs.sizeBytes(f));
        assertEquals(IoResult.OK, fs.write(f, 4096, 1, 9, 2));
        assertFalse(fs.isInline(f));
        assertTrue(fs.blockAddress(f, 0) >= 0);
        assertEquals(8, fs.contentId(f, 0), "inline content moved to block 0");
        assertEquals(9, fs.contentId(f, 1));
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void writesPastTheLargestFileAreEfbig() {
        LogFs fs = fresh();
        int f = fs.openOrCreate("/data/big.bin");
        fs.write(f, 0, 4096, 1, 0);
        // 873 + 2*1018 + 2*1018^2 + 1018^3 blocks (F2FS with inline xattrs).
        long max = NodeTree.MAX_BLOCKS;
        assertEquals(873L + 2 * 1018 + 2 * 1018L * 1018 + 1018L * 1018 * 1018, max);
        assertEquals(IoResult.EFBIG, fs.write(f, max * 4096, 4096, 2, 1));
        assertEquals(1, fs.resultCount(IoResult.EFBIG));
        assertEquals(IoResult.OK, fs.write(f, (max - 1) * 4096, 4096, 3, 2), "the last block is addressable");
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void aFullFileSystemReturnsEnospcAndKeepsWorking() {
        LogFs fs = fresh();
        int f = fs.openOrCreate("/data/fill.bin");
        long t = 0;
        IoResult r = IoResult.OK;
        long off = 0;
        while (r == IoResult.OK) {
            r = fs.write(f, off, 1 << 20, 1, t += 1_000_000_000L);
            off += 1 << 20;
        }
        assertEquals(IoResult.ENOSPC, r);
        assertTrue(fs.validBlocks() <= fs.userCapacityBlocks());
        assertEquals(IoResult.ENOSPC, fs.write(fs.openOrCreate("/data/more.bin"), 0, 8192, 2, t += 1));
        // Overwrites of live data still work (cleaning finds the space they free).
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            long b = rng.nextLong(fs.sizeBytes(f) / 4096 - 1);
            assertEquals(IoResult.OK, fs.write(f, b * 4096, 4096, 3, t += 1_000_000));
        }
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void checkpointsAlternateBetweenTheTwoPacksAndFsyncWritesDirtyNodes() {
        LogFs fs = fresh();
        int f = fs.openOrCreate("/data/a.db");
        fs.write(f, 0, 16384, 1, 0);
        long nodes = fs.stats().nodePrograms();
        fs.fsync(f, 1);
        assertTrue(fs.stats().nodePrograms() > nodes, "fsync writes the inode and its dirty nodes");
        long after = fs.stats().nodePrograms();
        assertEquals(after - nodes, fs.fsyncMarkedNodes().length, "each node fsync wrote carries a mark");
        fs.fsync(f, 2);
        assertEquals(after, fs.stats().nodePrograms(), "nothing dirty, nothing written");
        fs.checkpoint(3);
        assertEquals(0, fs.fsyncMarkedNodes().length, "a checkpoint supersedes the marks");
        CheckpointPack p1 = fs.checkpointPack(1);
        assertNotNull(p1);
        assertEquals(1, p1.version());
        fs.checkpoint(4);
        assertEquals(2, fs.checkpointPack(0).version());
        assertEquals(1, fs.checkpointPack(1).version(), "the older pack stays intact");
        assertEquals(fs.validBlocks(), fs.checkpointPack(0).validBlocks());
    }

    /**
     * With an idle second between writes, background cleaning (cost-benefit) keeps enough sections
     * free that foreground cleaning never runs (F2FS's division of labour, f2fs.rst "GC").
     */
    @Test
    void idleTimeLetsBackgroundCleaningAvoidForegroundCleaning() {
        LogFs fs = fresh();
        int f = fs.prefill("/data/u.dat", (long) (0.85 * fs.mainBlocks()) * LogFs.BLOCK_BYTES);
        long blocks = fs.sizeBytes(f) / LogFs.BLOCK_BYTES;
        SplittableRandom rng = new SplittableRandom(8);
        long t = 0;
        for (int i = 0; i < 60_000; i++) {
            t += 2_000_000_000_000L; // 2 s apart
            assertEquals(IoResult.OK, fs.write(f, rng.nextLong(blocks) * 4096, 4096, i + 1, t));
        }
        LogFs.Stats s = fs.stats();
        assertTrue(s.backgroundGcRuns() > 0, "background cleaning ran");
        assertEquals(0, s.foregroundGcRuns(), "no foreground cleaning was needed");
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void nodeTreeOffsetsFollowF2fs() {
        assertEquals(0, NodeTree.dnodeOffset(872));
        assertEquals(1, NodeTree.dnodeOffset(873));
        assertEquals(2, NodeTree.dnodeOffset(873 + 1018));
        assertEquals(4, NodeTree.dnodeOffset(873 + 2036)); // first direct node under indirect node 3
        assertEquals(3, NodeTree.parentOffset(4));
        assertTrue(NodeTree.isIndirect(3));
        assertEquals(0, NodeTree.parentOffset(3));
        long firstDouble = 873 + 2036 + 2L * 1018 * 1018;
        int dn = NodeTree.dnodeOffset(firstDouble);
        int ind = NodeTree.parentOffset(dn);
        assertTrue(NodeTree.isIndirect(ind));
        assertEquals(NodeTree.DIND, NodeTree.parentOffset(ind));
        assertEquals(-1, NodeTree.dnodeOffset(NodeTree.MAX_BLOCKS));
    }

    @Test
    void mediaFilesGoToTheColdLogAndContentModelMakesSmallEdits() {
        assertTrue(LogFs.COLD_EXTENSIONS.contains("mp4"));
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        ContentModel.render(ContentModel.id(42, 3), a);
        ContentModel.render(ContentModel.id(42, 4), b);
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += a[i] != b[i] ? 1 : 0;
        }
        assertTrue(diff > 0 && diff <= 64, "one edit changes 8-64 bytes: " + diff);
    }
}
