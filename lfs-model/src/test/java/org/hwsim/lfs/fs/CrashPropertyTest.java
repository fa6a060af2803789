package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

/**
 * The crash-recovery property of issue 4: over random workloads (writes and overwrites of 1-8
 * blocks, partial-block writes, small inline files, trims, fsyncs, explicit checkpoints, cleaning
 * pressure on a 128 MiB device filled to 80-88%) cut at random instants, recovery loses no write
 * acknowledged by a completed fsync or checkpoint and leaves NAT, SIT and summaries consistent
 * with each other and with what is on flash ({@link CrashChecker}); the recovered file system then
 * serves more writes and stays consistent. Crash instants fall near request arrivals, so they land
 * inside fsyncs, checkpoints and cleaning as often as between them. Odd seeds use threaded logging.
 */
class CrashPropertyTest {
    private static final String[] FILES = {"/data/a.db", "/data/a.db-wal", "/data/b.log", "/data/c.jpg",
        "/data/tiny.txt", "/data/filler.bin"};

    @Property(tries = 80)
    void noFsyncedWriteIsLostAndTheCheckerIsClean(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int ops = 1500 + rng.nextInt(2500);
        long crashAfterOp = rng.nextInt(ops);
        long crashOffsetPs = rng.nextLong(20_000_000_000L); // up to 20 ms after that request's arrival
        double fill = 0.80 + 0.08 * rng.nextDouble();
        boolean ssr = seed % 2 == 1;
        // Dry run to learn the arrival of the crash request (arrivals do not depend on the crash).
        long crashPs = run(seed, ops, fill, ssr, Long.MAX_VALUE, crashAfterOp, null) + crashOffsetPs;
        LogFs[] holder = new LogFs[1];
        FlashImage[] image = new FlashImage[1];
        run(seed, ops, fill, ssr, crashPs, -1, fs -> {
            holder[0] = fs;
            image[0] = FlashImage.attach(fs, crashPs);
        });
        Recovery.Result r = Recovery.mount(image[0]);
        List<String> problems = CrashChecker.check(image[0], r);
        assertEquals(List.of(), problems, "seed " + seed + " crash at " + crashPs);
        // The property must exercise the interesting cases, not only quiet instants.
        Statistics.label("fallback to the older pack").collect(image[0].checkpointsLost() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 1));
        Statistics.label("rolled forward").collect(r.nodesRolledForward() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 10));
        Statistics.label("pages torn").collect(image[0].pagesLostInFlight() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 5));
        Statistics.label("threaded logging wrote").collect(holder[0].stats().ssrWrites() > 0)
                .coverage(c -> c.check(true).count(n -> n >= 1));
        // The recovered file system keeps working.
        LogFs fs = r.fs();
        long t = crashPs + r.recoveryPs();
        for (int i = 0; i < 1500; i++) {
            t += 1 + rng.nextLong(1_000_000_000L);
            String name = FILES[rng.nextInt(FILES.length - 1)];
            IoResult w = fs.write(fs.openOrCreate(name), rng.nextLong(3000) * 4096, 4096, 9_000_000 + i, t);
            assertTrue(w == IoResult.OK || w == IoResult.ENOSPC, w.id());
        }
        assertEquals(List.of(), fs.checkConsistency());
    }

    /**
     * Replays the seeded workload; {@code onPrefilled} runs after the pre-fill (to attach an image).
     * Stops before the first request arriving after {@code crashPs}. Returns the arrival of request
     * {@code reportOp} (or of the last request).
     */
    private static long run(long seed, int ops, double fill, boolean ssr, long crashPs, long reportOp,
                            java.util.function.Consumer<LogFs> onPrefilled) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        LogFs fs = CrashRecoveryTest.small(ssr);
        int filler = fs.prefill(FILES[5], (long) (fill * fs.userCapacityBlocks()) * 4096);
        long fillerBlocks = fs.sizeBytes(filler) / 4096;
        if (onPrefilled != null) {
            onPrefilled.accept(fs);
        }
        long t = 0;
        long reported = 0;
        long content = 1;
        for (int i = 0; i < ops; i++) {
            t = nextArrivalPs(rng, t);
            if (t > crashPs) {
                break;
            }
            if (i == reportOp) {
                reported = t;
            }
            int k = rng.nextInt(100);
            int fi = rng.nextInt(FILES.length);
            int f = fs.openOrCreate(FILES[fi]);
            long blocks = fi == 5 ? fillerBlocks : 2000;
            if (k < 55) {
                int n = 1 + rng.nextInt(8);
                long b = rng.nextLong(Math.max(1, blocks - n));
                if (fi == 4) {
                    fs.write(f, rng.nextInt(3000), 1 + rng.nextInt(400), content++, t); // inline while small
                } else if (rng.nextInt(5) == 0) {
                    fs.write(f, b * 4096 + rng.nextInt(4096), 1 + rng.nextInt(n * 4096), content++, t);
                } else {
                    fs.write(f, b * 4096, n * 4096L, content++, t);
                }
            } else if (k < 80) {
                fs.fsync(f, t);
            } else if (k < 85 && fi != 5) {
                fs.trim(f, rng.nextLong(blocks) * 4096, (1 + rng.nextInt(8)) * 4096L, t);
            } else if (k < 88) {
                fs.checkpoint(t);
            } else {
                fs.read(f, rng.nextLong(blocks) * 4096, 4096, t);
            }
        }
        return reportOp >= 0 ? reported : t;
    }

    /**
     * The next arrival after {@code t}: bursts of back-to-back requests (many in flight), now and
     * then an idle gap of 2 s (background cleaning runs).
     */
    static long nextArrivalPs(SplittableRandom rng, long t) {
        t += rng.nextInt(4) == 0 ? 1 + rng.nextLong(50_000_000L) : 1 + rng.nextLong(3_000_000_000L);
        if (rng.nextInt(400) == 0) {
            t += 2_000_000_000_000L;
        }
        return t;
    }
}
