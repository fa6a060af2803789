package org.hwsim.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.hwsim.lfs.fs.FsConfig;
import org.hwsim.lfs.fs.LogFs;
import org.hwsim.lfs.replay.LfsRun;
import org.hwsim.lfs.workload.Request;
import org.hwsim.lfs.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace replay speed of the lfs model: uniform random 4 KiB overwrites on a 16 GiB MLC device at
 * 80% utilization with greedy foreground cleaning, checkpoints and node writes active. One
 * invocation replays {@value #REQUESTS} requests, so the score is simulated requests per second.
 *
 * <p>The setup pre-fills the device in bulk and replays {@value #WARMUP_REQUESTS} requests first so
 * that cleaning is in its steady state (every section has been cleaned about twice), then reports
 * the heap the model holds per simulated GiB on standard output.
 *
 * <ul>
 *   <li>{@code replayUniform}: the full model (workload, file system, cleaning, flash timing,
 *       latency histograms). {@code delta = on} adds DeltaFS delta compression with its defaults
 *       (xor-rle, deltas up to 1,024 bytes, chains of 8 versions or 2,048 bytes, delta-area
 *       chains merged): every overwrite encodes a delta of the new version against the block's
 *       chain and files it in the inline area or a delta page, so it costs more per request.</li>
 *   <li>{@code generatorOnly}: the baseline, the same request generator without the file system
 *       (what replay costs beyond producing requests).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LfsReplayBench {
    static final int REQUESTS = 100_000;
    static final long WARMUP_REQUESTS = 8_000_000;

    /** The model, pre-filled and warmed up. */
    @State(Scope.Thread)
    public static class Replay {
        @Param({"off", "on"})
        public String delta;

        LfsRun run;

        @Setup(Level.Trial)
        public void setUp() {
            long before = usedHeap();
            run = LfsRun.prepare(new LfsRun.Config("uniform", "disksim", 16, "mlc", 0.8, "greedy",
                    "on".equals(delta), Long.MAX_VALUE, 0, 1, 1000, 0, false));
            run.replay(WARMUP_REQUESTS);
            long after = usedHeap();
            System.out.printf("%nlfs model heap: %.1f MiB for 16 GiB, %.2f MiB per simulated GiB%n",
                    (after - before) / 1048576.0, (after - before) / 1048576.0 / 16);
        }
    }

    /** The request generator alone, over a small file system it only reads sizes from. */
    @State(Scope.Thread)
    public static class Generator {
        Workload workload;
        final Request request = new Request();

        @Setup(Level.Trial)
        public void setUp() {
            LogFs fs = LogFs.format(FlashDevice.create(FlashGeometry.forCapacityGib(16), FlashTiming.mlc()),
                    FsConfig.defaults());
            workload = Workload.synthetic("uniform", new RandomStreams(1), 1000, 0);
            workload.prepare(fs, 0.8);
        }
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Replays {@value #REQUESTS} uniform 4 KiB overwrites through the whole model. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long replayUniform(Replay s) {
        return s.run.replay(REQUESTS) + s.run.fs().validBlocks();
    }

    /** Baseline: produces {@value #REQUESTS} requests without replaying them. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long generatorOnly(Generator g) {
        long sum = 0;
        for (int i = 0; i < REQUESTS; i++) {
            g.workload.next(g.request);
            sum += g.request.offsetBytes;
        }
        return sum;
    }
}
