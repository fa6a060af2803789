package org.hwsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hwsim.lfs.delta.DeltaCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a 4 KiB block against its previous version with each delta codec, on the edits DeltaFS
 * targets: a small in-place record update (40 bytes), scattered byte updates (8 x 4 bytes), and
 * an insertion that shifts the rest of the block by 16 bytes. The baseline {@code copyPage} is
 * what writing the full page costs the CPU (a 4 KiB copy). The delta sizes these edits give are
 * checked in {@code DeltaCodecContractTest}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class DeltaCodecBench {
    static final int PAGE = 4096;

    @Param({"xor-rle", "copy-add"})
    String codec;

    @Param({"record", "scattered", "shift"})
    String edit;

    private DeltaCodec deltaCodec;
    private byte[] base;
    private byte[] target;
    private byte[] out;
    private byte[] copy;

    @Setup(Level.Trial)
    public void setUp() {
        deltaCodec = DeltaCodec.byId(codec);
        SplittableRandom r = new SplittableRandom(42);
        base = new byte[PAGE];
        for (int i = 0; i < PAGE; i++) {
            base[i] = (byte) ('a' + r.nextInt(26));
        }
        target = base.clone();
        switch (edit) {
            case "record" -> {
                for (int k = 0; k < 40; k++) {
                    target[2000 + k] = (byte) r.nextInt(256);
                }
            }
            case "scattered" -> {
                for (int k = 0; k < 8; k++) {
                    int at = r.nextInt(PAGE - 4);
                    for (int j = 0; j < 4; j++) {
                        target[at + j] = (byte) r.nextInt(256);
                    }
                }
            }
            case "shift" -> {
                System.arraycopy(base, 1000, target, 1016, PAGE - 1016);
                for (int k = 0; k < 16; k++) {
                    target[1000 + k] = (byte) r.nextInt(256);
                }
            }
            default -> throw new IllegalArgumentException("unknown edit " + edit);
        }
        out = new byte[PAGE];
        copy = new byte[PAGE];
    }

    @Benchmark
    public int encode() {
        return deltaCodec.encode(base, target, out, PAGE);
    }

    @Benchmark
    public byte[] copyPage() {
        System.arraycopy(target, 0, copy, 0, PAGE);
        return copy;
    }
}
