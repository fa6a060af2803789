package org.hwsim.bench;

import java.util.concurrent.TimeUnit;
import org.hwsim.lfs.fs.FlashImage;
import org.hwsim.lfs.replay.LfsRun;
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
 * What crash simulation costs: the replay of {@link LfsReplayBench} (uniform 4 KiB overwrites, 16
 * GiB MLC, 80% utilization, greedy cleaning, {@value #WARMUP_REQUESTS} warm-up requests) with
 * {@code image = off} (the baseline: no image attached, the file system's persistence hooks are
 * no-ops) and {@code image = on} (a {@link FlashImage} attached after the pre-fill, recording every
 * program, erase and checkpoint pack with the power cut never reached). Scores are simulated
 * requests per second; the setup prints the image's size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LfsCrashImageBench {
    static final int REQUESTS = 100_000;
    static final long WARMUP_REQUESTS = 2_000_000;

    /** The model, pre-filled and warmed up, with or without an image. */
    @State(Scope.Thread)
    public static class Replay {
        @Param({"off", "on"})
        public String image;

        LfsRun run;

        @Setup(Level.Trial)
        public void setUp() {
            run = LfsRun.prepare(new LfsRun.Config("uniform", "disksim", 16, "mlc", 0.8, "greedy", false,
                    Long.MAX_VALUE, 0, 1, 1000, 0, false));
            if ("on".equals(image)) {
                FlashImage img = FlashImage.attach(run.fs(), Long.MAX_VALUE);
                run.replay(WARMUP_REQUESTS);
                System.out.printf("%nflash image: %.1f MiB for 16 GiB%n", img.stateBytes() / 1048576.0);
            } else {
                run.replay(WARMUP_REQUESTS);
            }
        }
    }

    /** Replays {@value #REQUESTS} requests. */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long replayUniform(Replay s) {
        return s.run.replay(REQUESTS) + s.run.fs().validBlocks();
    }
}
