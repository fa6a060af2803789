package org.hwsim.core.random;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named, independent random streams derived from one master seed.
 *
 * <p>A component asks for {@code stream("jetson/gpu/jitter")} and gets a generator whose seed is a
 * hash of the master seed and the name alone, so the sequence does not depend on which other
 * streams exist or in which order components were built. The generator is XoRoShiRo128++
 * (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021) from
 * Commons RNG, seeded with 128 bits expanded by SplitMix64 from the 64-bit hash of
 * (master seed, UTF-8 bytes of the name).
 *
 * <p>Asking twice for the same name returns the same generator object (it continues the sequence,
 * it does not restart it). Use {@link #fresh(String)} for a new generator at the start of a
 * stream. Not thread-safe, like the {@link org.hwsim.core.event.Simulator} that owns it.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final Map<String, UniformRandomProvider> streams = new HashMap<>();

    /** Streams derived from {@code masterSeed}. */
    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** The master seed. */
    public long masterSeed() {
        return masterSeed;
    }

    /** The stream with this name, created on first use. */
    public UniformRandomProvider stream(String name) {
        UniformRandomProvider rng = streams.get(name);
        if (rng == null) {
            rng = fresh(name);
            streams.put(name, rng);
        }
        return rng;
    }

    /** A new generator at the start of the stream with this name (not shared with {@link #stream}). */
    public UniformRandomProvider fresh(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("random stream name must be non-empty: " + name);
        }
        long h = seedOf(masterSeed, name);
        long s0 = splitMix(h);
        long s1 = splitMix(h + 0x9e3779b97f4a7c15L);
        if (s0 == 0 && s1 == 0) {
            s1 = 1; // the all-zero state is invalid for xoshiro generators
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /** The 64-bit seed of stream {@code name} under {@code masterSeed}; stable across releases. */
    public static long seedOf(long masterSeed, String name) {
        // FNV-1a over the name's UTF-8 bytes, then mixed with the master seed.
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return splitMix(h ^ splitMix(masterSeed));
    }

    private static long splitMix(long x) {
        long z = x + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
