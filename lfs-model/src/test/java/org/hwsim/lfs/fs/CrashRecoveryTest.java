package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.junit.jupiter.api.Test;

/**
 * Crash consistency at chosen instants: each scenario runs once without a crash to find the instant
 * of interest (the file system is deterministic), then again with a {@link FlashImage} cut there,
 * recovers and checks. Expected behaviour: F2FS's (Lee et al., FAST 2015, section 2.7): roll back to
 * the newest complete checkpoint pack, roll forward fsynced nodes.
 */
class CrashRecoveryTest {
    static final long MS = 1_000_000_000L;

    /** 128 MiB: 2 planes x 64 blocks x 256 pages, 2 MiB sections, 61 main sections. */
    static LogFs small(boolean threadedLogging) {
        return LogFs.format(FlashDevice.create(new FlashGeometry(1, 1, 1, 2, 64, 256, 4096), FlashTiming.mlc()),
                FsConfig.defaults().withThreadedLogging(threadedLogging));
    }

    /** Runs {@code script} on a small file system with an image cut at {@code crashPs}; recovers; returns both. */
    static Outcome crashAt(long crashPs, boolean prefill, Consumer<Script> script) {
        LogFs fs = small(false);
        if (prefill) {
            fs.prefill("/data/filler.bin", (long) (0.85 * fs.userCapacityBlocks()) * LogFs.BLOCK_BYTES);
        }
        FlashImage image = FlashImage.attach(fs, crashPs);
        script.accept(new Script(fs, crashPs));
        Recovery.Result r = Recovery.mount(image);
        return new Outcome(image, r, CrashChecker.check(image, r));
    }

    record Outcome(FlashImage image, Recovery.Result recovery, List<String> problems) {
    }

    /** Issues requests while their arrival is not after the crash (the host stops at power loss). */
    static final class Script {
        final LogFs fs;
        final long crashPs;
        long lastCompletionPs;

        Script(LogFs fs, long crashPs) {
            this.fs = fs;
            this.crashPs = crashPs;
        }

        boolean write(String name, long block, int blocks, long content, long atPs) {
            if (atPs > crashPs) {
                return false;
            }
            fs.write(fs.openOrCreate(name), block * 4096, blocks * 4096L, content, atPs);
            lastCompletionPs = atPs + fs.lastLatencyPs();
            return true;
        }

        boolean fsync(String name, long atPs) {
            if (atPs > crashPs) {
                return false;
            }
            fs.fsync(fs.openOrCreate(name), atPs);
            lastCompletionPs = atPs + fs.lastLatencyPs();
            return true;
        }

        long checkpoint(long atPs) {
            return atPs > crashPs ? -1 : fs.checkpoint(atPs);
        }
    }

    @Test
    void crashBeforeAnyCheckpointKeepsFsyncedFilesAndLosesTheRest() {
        Consumer<Script> s = x -> {
            x.write("/a.db", 0, 4, 11, 1 * MS);
            x.fsync("/a.db", 2 * MS);
            x.write("/b.db", 0, 2, 22, 5 * MS);
        };
        Outcome o = crashAt(50 * MS, false, s);
        assertEquals(List.of(), o.problems());
        Recovery.Result r = o.recovery();
        assertEquals(0, r.checkpointVersion(), "only the format checkpoint exists");
        assertEquals(0, o.image().checkpointsComplete());
        assertTrue(r.nodesRolledForward() >= 1);
        LogFs fs = r.fs();
        int a = fs.fileId("/a.db");
        assertTrue(a > 0, "the fsynced file is re-created from its inode");
        for (int b = 0; b < 4; b++) {
            assertEquals(11, fs.contentId(a, b));
        }
        assertEquals(4 * 4096, fs.sizeBytes(a));
        assertEquals(-1, fs.fileId("/b.db"), "never fsynced nor checkpointed: gone");
        assertEquals(1, r.filesRecreated());
        // recover_dentry: the recovery checkpoint writes the root's dentry block and inode.
        assertTrue(fs.blockAddress(0, 0) >= 0, "the root directory's dentry block is on flash");
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void crashDuringACheckpointPackFallsBackToTheOlderPack() {
        long[] cp2 = new long[1];
        Consumer<Script> s = x -> {
            x.write("/a.db", 0, 8, 1, 1 * MS);
            x.checkpoint(3 * MS); // version 1, slot 1
            x.write("/a.db", 0, 8, 2, 10 * MS);
            x.fsync("/a.db", 11 * MS);
            x.write("/a.db", 8, 8, 3, 12 * MS); // not fsynced
            cp2[0] = x.checkpoint(20 * MS); // version 2, slot 0
        };
        crashAt(Long.MAX_VALUE, false, s);
        // The footer is the checkpoint's last program: cut power while it is being programmed.
        Outcome o = crashAt(cp2[0] - 1, false, s);
        assertEquals(List.of(), o.problems());
        assertEquals(1, o.image().checkpointsLost());
        Recovery.Result r = o.recovery();
        assertEquals(1, r.checkpointVersion(), "pack 2 is torn: header and footer versions differ");
        assertEquals(1, r.checkpointSlot());
        int a = r.fs().fileId("/a.db");
        for (int b = 0; b < 8; b++) {
            assertEquals(2, r.fs().contentId(a, b), "fsynced after pack 1: rolled forward");
        }
        assertTrue(r.nodesRolledForward() >= 1);
        // With the whole pack on flash, pack 2 is used and covers the unsynced write too.
        Outcome after = crashAt(cp2[0], false, s);
        assertEquals(List.of(), after.problems());
        assertEquals(2, after.recovery().checkpointVersion());
        assertEquals(3, after.recovery().fs().contentId(after.recovery().fs().fileId("/a.db"), 8));
    }

    @Test
    void crashRightAfterFsyncRecoversTheDataByRollForward() {
        long[] fsyncDone = new long[1];
        Consumer<Script> s = x -> {
            x.write("/a.db", 0, 2, 5, 1 * MS);
            x.checkpoint(2 * MS);
            x.write("/a.db", 0, 3, 6, 10 * MS);
            x.write("/a.db", 900, 1, 7, 11 * MS); // a direct node beyond the inode's 873 pointers
            x.fsync("/a.db", 12 * MS);
            fsyncDone[0] = x.lastCompletionPs;
        };
        crashAt(Long.MAX_VALUE, false, s);
        Outcome o = crashAt(fsyncDone[0], false, s);
        assertEquals(List.of(), o.problems());
        assertEquals(1, o.recovery().checkpointVersion());
        assertTrue(o.recovery().nodesRolledForward() >= 2, "the inode and the direct node");
        assertTrue(o.recovery().blocksRecovered() >= 4);
        LogFs fs = o.recovery().fs();
        int a = fs.fileId("/a.db");
        assertEquals(6, fs.contentId(a, 0));
        assertEquals(6, fs.contentId(a, 2));
        assertEquals(7, fs.contentId(a, 900));
        // One picosecond earlier the fsync is not acknowledged; whatever is recovered is consistent.
        assertEquals(List.of(), crashAt(fsyncDone[0] - 1, false, s).problems());
        // Without roll-forward (F2FS's norecovery), the checker sees the acknowledged writes lost.
        Recovery.Result noRf = Recovery.mount(o.image(), false);
        List<String> lost = CrashChecker.check(o.image(), noRf);
        assertFalse(lost.isEmpty());
        assertTrue(lost.get(0).contains("acknowledged content 6"), lost.get(0));
    }

    @Test
    void crashAfterANonFsyncedWriteMayLoseItButStaysConsistent() {
        long[] writeDone = new long[1];
        Consumer<Script> s = x -> {
            x.write("/a.db", 0, 4, 1, 1 * MS);
            x.fsync("/a.db", 2 * MS);
            x.write("/a.db", 1, 2, 2, 10 * MS);
            writeDone[0] = x.lastCompletionPs;
        };
        crashAt(Long.MAX_VALUE, false, s);
        Outcome o = crashAt(writeDone[0] + MS, false, s);
        assertEquals(List.of(), o.problems());
        LogFs fs = o.recovery().fs();
        int a = fs.fileId("/a.db");
        assertEquals(1, fs.contentId(a, 1), "the write reached flash but no node points to it: lost");
        assertEquals(1, fs.contentId(a, 3));
        // The page of the lost write is on flash, intact, and garbage to the recovered file system.
        LogFs before = o.image().fileSystem();
        int lostPage = before.blockAddress(before.fileId("/a.db"), 1);
        assertEquals(((long) before.fileId("/a.db") << 32) | 1, o.image().owner(lostPage));
        assertEquals(2, o.image().content(lostPage));
        for (int b = 0; b < 4; b++) {
            assertTrue(fs.blockAddress(a, b) != lostPage);
        }
        // a.db's 4 blocks and its fsynced inode, plus what the recovery checkpoint writes for the
        // re-created file: the root's dentry block and the root's inode.
        assertEquals(4 + 1 + 2, fs.validBlocks(), "a.db's 4 blocks and inode, the root's dentry block and inode");
        assertEquals(List.of(), fs.checkConsistency());
    }

    /**
     * The power-cut rule against the MLC preset's timing (tPROG 750 us, a 4 KiB transfer at 333 MT/s
     * 12.3 us; MQSim's default ssdconfig.xml): a write to an idle device completes at transfer +
     * tPROG; cut before the plane program starts, the page stays erased; cut during it, the page is
     * torn; cut at completion, it persists.
     */
    @Test
    void aProgramPersistsIsTornOrNeverHappenedByTheCrashInstant() {
        FlashTiming mlc = FlashTiming.mlc();
        long done = mlc.transferPs(4096) + mlc.programPs();
        long[][] cases = {{done, 0}, {done - 1, 1}, {done - mlc.programPs() + 1, 1}, {done - mlc.programPs(), 2}};
        for (long[] c : cases) {
            LogFs fs = small(false);
            int f = fs.openOrCreate("/a.bin");
            fs.prefill("/b.bin", 4096); // not inline: a data block
            FlashImage image = FlashImage.attach(fs, c[0]);
            int b = fs.fileId("/b.bin");
            assertEquals(IoResult.OK, fs.write(b, 0, 4096, 77, 0));
            assertEquals(done, fs.lastLatencyPs(), "transfer + tPROG on an idle plane");
            int page = fs.blockAddress(b, 0);
            long want = c[1] == 0 ? ((long) b << 32) : c[1] == 1 ? FlashImage.TORN : FlashImage.ERASED;
            assertEquals(want, image.owner(page), "crash at " + c[0]);
            assertEquals(c[1] == 1 ? 1 : 0, image.pagesLostInFlight());
            assertEquals(c[1] == 2 ? 1 : 0, image.programsNotStarted());
            assertTrue(f >= 0);
        }
    }

    @Test
    void crashDuringForegroundCleaningRecoversConsistently() {
        // Dry run: find a request that ran foreground cleaning and cut power in the middle of it.
        long[] window = new long[2];
        Consumer<Script> s = x -> {
            SplittableRandom rng = new SplittableRandom(5);
            long t = 0;
            boolean dry = window[1] == 0;
            for (int i = 0; i < 40_000 && (!dry || window[1] == 0); i++) {
                t += 1 + rng.nextLong(400_000_000L);
                long gcBefore = x.fs.stats().foregroundGcRuns();
                if (!x.write("/data/filler.bin", rng.nextLong(20_000), 1, i + 1, t)) {
                    break;
                }
                if (i % 50 == 0) {
                    x.fsync("/data/filler.bin", t + 1);
                    t += 1;
                }
                if (dry && x.fs.stats().foregroundGcRuns() > gcBefore && x.fs.stats().foregroundGcRuns() >= 3) {
                    window[0] = t;
                    window[1] = x.lastCompletionPs;
                }
            }
        };
        crashAt(Long.MAX_VALUE, true, s);
        assertTrue(window[1] > window[0], "cleaning ran");
        long mid = window[0] + (window[1] - window[0]) / 2;
        Outcome o = crashAt(mid, true, s);
        assertEquals(List.of(), o.problems());
        assertTrue(o.image().pagesLostInFlight() > 0, "cleaning had programs in flight");
        // The recovered file system serves requests and cleans again.
        LogFs fs = o.recovery().fs();
        int f = fs.fileId("/data/filler.bin");
        long t = o.image().crashAtPs() + o.recovery().recoveryPs();
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 8000; i++) {
            t += 1_000_000_000L;
            assertEquals(IoResult.OK, fs.write(f, rng.nextLong(20_000) * 4096, 4096, 1_000_000 + i, t));
        }
        assertTrue(fs.stats().sectionsCleaned() > 0);
        assertEquals(List.of(), fs.checkConsistency());
    }

    @Test
    void aRecoveredFileSystemSurvivesASecondCrash() {
        long[] fsyncDone = new long[1];
        Consumer<Script> s = x -> {
            x.write("/a.db", 0, 4, 1, 1 * MS);
            x.fsync("/a.db", 2 * MS);
            fsyncDone[0] = x.lastCompletionPs;
        };
        crashAt(Long.MAX_VALUE, false, s);
        Outcome first = crashAt(fsyncDone[0], false, s);
        assertEquals(List.of(), first.problems());
        LogFs fs = first.recovery().fs();
        long t = first.image().crashAtPs() + first.recovery().recoveryPs();
        // Dry run of the second life to find its fsync, then the same with power cut right after it.
        long[] second = new long[1];
        for (int pass = 0; pass < 2; pass++) {
            LogFs g = pass == 0 ? fs : crashAt(fsyncDone[0], false, s).recovery().fs();
            FlashImage image = FlashImage.attach(g, pass == 0 ? Long.MAX_VALUE : second[0]);
            int a = g.fileId("/a.db");
            g.write(a, 2 * 4096, 4096, 2, t + MS);
            g.write(g.openOrCreate("/b.db"), 0, 8192, 3, t + 2 * MS);
            g.fsync(a, t + 3 * MS);
            second[0] = t + 3 * MS + g.lastLatencyPs();
            if (pass == 1) {
                Recovery.Result r = Recovery.mount(image);
                assertEquals(List.of(), CrashChecker.check(image, r));
                assertEquals(2, r.fs().contentId(r.fs().fileId("/a.db"), 2), "fsynced in the second life");
                assertEquals(1, r.fs().contentId(r.fs().fileId("/a.db"), 3), "from the first life");
                assertEquals(-1, r.fs().fileId("/b.db"), "never fsynced");
            }
        }
    }

    /** An attached image observes and never perturbs: same latencies, counters and device state as without it. */
    @Test
    void attachingAnImageChangesNothingInTheSimulation() {
        long[] sums = new long[2];
        String[] stats = new String[2];
        for (int pass = 0; pass < 2; pass++) {
            LogFs fs = small(true);
            int filler = fs.prefill("/data/filler.bin", (long) (0.85 * fs.userCapacityBlocks()) * 4096);
            if (pass == 1) {
                FlashImage.attach(fs, Long.MAX_VALUE);
            }
            SplittableRandom rng = new SplittableRandom(12);
            long t = 0;
            long sum = 0;
            for (int i = 0; i < 20_000; i++) {
                t += 1 + rng.nextLong(800_000_000L);
                int f = rng.nextInt(4) == 0 ? filler : fs.openOrCreate("/data/f" + rng.nextInt(3));
                int k = rng.nextInt(10);
                if (k < 7) {
                    fs.write(f, rng.nextLong(15_000) * 4096, 4096L * (1 + rng.nextInt(4)), i + 1, t);
                } else if (k < 9) {
                    fs.fsync(f, t);
                } else {
                    fs.read(f, rng.nextLong(15_000) * 4096, 4096, t);
                }
                sum = sum * 31 + fs.lastLatencyPs();
            }
            sums[pass] = sum ^ fs.device().lastCompletionPs() ^ fs.device().programs();
            stats[pass] = fs.stats().toMap().toString();
            assertTrue(fs.stats().sectionsCleaned() > 0);
        }
        assertEquals(stats[0], stats[1]);
        assertEquals(sums[0], sums[1]);
    }

    @Test
    void nodeTreeFirstBlockInvertsDnodeOffset() {
        SplittableRandom rng = new SplittableRandom(1);
        long[] probes = {0, 872, 873, 873 + 1017, 873 + 1018, 873 + 2036, 873 + 2036 + 1018L * 1018 - 1,
            873 + 2036 + 2L * 1018 * 1018, NodeTree.MAX_BLOCKS - 1};
        for (int i = 0; i < 20_000 + probes.length; i++) {
            long b = i < probes.length ? probes[i] : rng.nextLong(NodeTree.MAX_BLOCKS);
            int off = NodeTree.dnodeOffset(b);
            long first = NodeTree.firstBlock(off);
            int span = off == 0 ? NodeTree.ADDRS_PER_INODE : NodeTree.ADDRS_PER_BLOCK;
            assertTrue(first <= b && b < first + span, "block " + b + " node " + off + " first " + first);
            assertEquals(off, NodeTree.dnodeOffset(first));
        }
    }
}
