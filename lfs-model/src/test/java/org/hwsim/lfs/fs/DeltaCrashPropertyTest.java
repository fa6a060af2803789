package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;

/**
 * The crash-recovery property of issue 4 with DeltaFS on (arXiv 2210.04623): random workloads of
 * small in-place edits (so overwrites become deltas, inline in the inode and, once an inode's
 * 3,488-byte area fills or a delta is large, in delta pages), unrelated rewrites, trims, fsyncs,
 * explicit checkpoints and cleaning pressure on a 128 MiB device filled to 80-88%, cut at random
 * instants. After recovery no write acknowledged by a completed fsync or checkpoint is lost (the
 * recovered block, base page plus deltas decoded, renders as the acknowledged content or as that of
 * a later write issued before the crash), every delta page is reachable exactly once, the inline
 * areas stay within budget and NAT/SIT/summaries agree ({@link CrashChecker}); the recovered file
 * system keeps taking deltas and stays consistent. Crash instants fall near request arrivals, so
 * they land inside fsyncs (delta page sealed, nodes in flight), checkpoints and cleaning. The codec
 * and area-chain merging alternate over the seeds; odd seeds use threaded logging.
 */
class DeltaCrashPropertyTest {
    private static final String[] FILES = {"/data/a.db", "/data/a.db-wal", "/data/b.db", "/data/c.log",
        "/data/filler.bin"};

    static LogFs small(long seed) {
        DeltaConfig dc = new DeltaConfig(true, seed % 4 < 2 ? "xor-rle" : "copy-add", 768, 6, 1536,
                LogFs.MAX_INLINE_BYTES, seed % 3 != 0);
        return LogFs.format(FlashDevice.create(new FlashGeometry(1, 1, 1, 2, 64, 256, 4096), FlashTiming.mlc()),
                FsConfig.defaults().withThreadedLogging(seed % 2 == 1).withDelta(dc));
    }

    @Property(tries = 80)
    void noAcknowledgedWriteIsLostWithDeltasAndTheCheckerIsClean(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int ops = 1500 + rng.nextInt(2500);
        long crashAfterOp = rng.nextInt(ops);
        long crashOffsetPs = rng.nextLong(20_000_000_000L); // up to 20 ms after that request's arrival
        double fill = 0.80 + 0.08 * rng.nextDouble();
        long crashPs = run(seed, ops, fill, Long.MAX_VALUE, crashAfterOp, null) + crashOffsetPs;
        LogFs[] holder = new LogFs[1];
        FlashImage[] image = new FlashImage[1];
        run(seed, ops, fill, crashPs, -1, fs -> {
            holder[0] = fs;
            image[0] = FlashImage.attach(fs, crashPs);
        });
        Recovery.Result r = Recovery.mount(image[0]);
        List<String> problems = CrashChecker.check(image[0], r);
        assertEquals(List.of(), problems, "seed " + seed + " crash at " + crashPs);
        DeltaStats ds = holder[0].deltaStats();
        Statistics.label("deltas inline and in the area").collect(ds.deltasInline() > 0 && ds.deltasInArea() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 20));
        Statistics.label("inline deltas rolled forward").collect(r.inlineChainsRolledForward() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 10));
        Statistics.label("area chains rolled forward")
                .collect(r.deltaChainsRolledForward() > r.inlineChainsRolledForward())
                .coverage(c -> c.check(true).count(n -> n >= 10));
        Statistics.label("delta page torn").collect(image[0].deltaPagesTorn() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 1));
        Statistics.label("pages torn").collect(image[0].pagesLostInFlight() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 5));
        Statistics.label("cleaning moved pages").collect(holder[0].stats().gcDataMoved() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 10));
        // The recovered file system keeps working, with deltas.
        LogFs fs = r.fs();
        long t = crashPs + r.recoveryPs();
        for (int i = 0; i < 1000; i++) {
            t += 1 + rng.nextLong(1_000_000_000L);
            int f = fs.openOrCreate(FILES[rng.nextInt(FILES.length - 1)]);
            long b = rng.nextLong(300);
            IoResult w = fs.write(f, b * 4096, 4096, DeltaFsTest.nextVersion(fs, f, b), t);
            assertTrue(w == IoResult.OK || w == IoResult.ENOSPC, w.id());
            if (rng.nextInt(20) == 0) {
                fs.fsync(f, t);
            }
        }
        assertEquals(List.of(), fs.checkConsistency());
    }

    /**
     * Replays the seeded workload; {@code onPrefilled} runs after the pre-fill (to attach an image).
     * Stops before the first request arriving after {@code crashPs}. Returns the arrival of request
     * {@code reportOp} (or of the last request).
     */
    static long run(long seed, int ops, double fill, long crashPs, long reportOp,
                    java.util.function.Consumer<LogFs> onPrefilled) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LogFs fs = small(seed);
        int filler = fs.prefill(FILES[4], (long) (fill * fs.userCapacityBlocks()) * 4096);
        long fillerBlocks = fs.sizeBytes(filler) / 4096;
        if (onPrefilled != null) {
            onPrefilled.accept(fs);
        }
        long t = 0;
        long reported = 0;
        long unrelated = 1L << 40;
        for (int i = 0; i < ops; i++) {
            t = CrashPropertyTest.nextArrivalPs(rng, t);
            if (t > crashPs) {
                break;
            }
            if (i == reportOp) {
                reported = t;
            }
            int k = rng.nextInt(100);
            int fi = rng.nextInt(FILES.length);
            int f = fs.openOrCreate(FILES[fi]);
            long blocks = fi == 4 ? fillerBlocks : fi == 2 ? 2500 : 300; // b.db spans direct nodes
            if (k < 60) {
                int n = 1 + rng.nextInt(4);
                long b = rng.nextLong(Math.max(1, blocks - n));
                for (long x = b; x < b + n; x++) {
                    // Mostly small edits of the block's content (deltas); some several edits at once
                    // (larger deltas, delta area); some unrelated content (full pages).
                    int r = rng.nextInt(10);
                    long cur = fs.contentId(f, x);
                    long id = r == 0 ? ContentModel.id(unrelated++, 0)
                            : ContentModel.id(cur == 0 ? ((long) f << 24) + x + 1 : ContentModel.base(cur),
                            ContentModel.version(cur) + (r < 7 ? 1 : 6 + rng.nextInt(20)));
                    fs.write(f, x * 4096, 4096, id, t);
                }
            } else if (k < 85) {
                fs.fsync(f, t);
            } else if (k < 88 && fi != 4) {
                fs.trim(f, rng.nextLong(blocks) * 4096, (1 + rng.nextInt(4)) * 4096L, t);
            } else if (k < 91) {
                fs.checkpoint(t);
            } else {
                fs.read(f, rng.nextLong(blocks) * 4096, 4096, t);
            }
        }
        return reportOp >= 0 ? reported : t;
    }
}
