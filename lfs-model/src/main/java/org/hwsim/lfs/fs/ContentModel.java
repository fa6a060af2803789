package org.hwsim.lfs.fs;

/**
 * Block contents without storing bytes: a 64-bit content id names a base content and a number of
 * small edits applied to it, so consecutive versions of a block differ the way in-place updates of
 * a database page do (a few dozen bytes), which is what delta compression exploits.
 *
 * <p>An id is {@code base << 20 | version} with a 44-bit base and a 20-bit version. {@link
 * #render} fills a block with SplitMix64 output seeded by the mixed base (so different bases are
 * unrelated contents, not shifted copies of each other), then applies edits 1 to
 * {@code version}: edit {@code i} overwrites 8 to 64 bytes at a position drawn from (base, i).
 * Id 0 is the bulk pre-fill content of a block, rendered from the file and block index by the
 * caller's choice of base. Stateless.
 */
public final class ContentModel {
    /** Bits of the version field. */
    public static final int VERSION_BITS = 20;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private ContentModel() {
    }

    /** The id of {@code base} after {@code version} edits. */
    public static long id(long base, int version) {
        if (version < 0 || version >= (1 << VERSION_BITS)) {
            throw new IllegalArgumentException("version must be in [0, 2^20): " + version);
        }
        return (base << VERSION_BITS) | version;
    }

    /** The base of an id. */
    public static long base(long id) {
        return id >>> VERSION_BITS;
    }

    /** The version of an id. */
    public static int version(long id) {
        return (int) (id & ((1 << VERSION_BITS) - 1));
    }

    /** Fills {@code block} (any length) with the content named by {@code id}. */
    public static void render(long id, byte[] block) {
        long base = base(id);
        // Seeded through the mixer: with base * golden as the seed, the streams of bases b and b + 1
        // were the same bytes shifted by 8, which a copy/add encoder turns into a tiny delta.
        long x = mix(base + 0x2545f4914f6cdd1dL);
        int whole = block.length & ~7;
        for (int i = 0; i < whole; i += 8) {
            LONGS.set(block, i, mix(x += 0x9e3779b97f4a7c15L)); // the 8 bytes little-endian, as below
        }
        if (whole < block.length) {
            long z = mix(x += 0x9e3779b97f4a7c15L);
            for (int k = 0; whole + k < block.length; k++) {
                block[whole + k] = (byte) (z >>> (8 * k));
            }
        }
        applyEdits(base, 1, version(id), block);
    }

    /**
     * Fills {@code out} with the content of {@code toId}, starting from {@code from} (the content of
     * {@code fromId}) when {@code toId} is a later version of the same base, so only the edits in
     * between are applied; otherwise renders {@code toId} from scratch. {@code from} and {@code out}
     * may not be the same array.
     */
    public static void renderFrom(long fromId, byte[] from, long toId, byte[] out) {
        if (base(fromId) == base(toId) && version(toId) >= version(fromId) && from.length == out.length) {
            System.arraycopy(from, 0, out, 0, out.length);
            applyEdits(base(toId), version(fromId) + 1, version(toId), out);
        } else {
            render(toId, out);
        }
    }

    /**
     * Where edit {@code e} of {@code base} writes in a block of {@code blockLength} bytes: its first
     * byte in the high 32 bits, its length (8 to 64) in the low 32 bits.
     */
    static long editRange(long base, int e, int blockLength) {
        long h = mix(base ^ (0x632be59bd9b4e019L * e));
        int len = 8 + (int) ((h >>> 8) & 63) % 57;
        long pos = Long.remainderUnsigned(h >>> 16, Math.max(1, blockLength - len));
        return (pos << 32) | len;
    }

    /**
     * Renders only the bytes in the windows {@code [lo[w], hi[w])}, {@code w < windows}, of the
     * content {@code id} into {@code block} (whose length is the block's); other bytes are left
     * as they are. Each window gets exactly the bytes {@link #render} would put there.
     */
    static void renderWindows(long id, byte[] block, int[] lo, int[] hi, int windows) {
        long base = base(id);
        long x0 = mix(base + 0x2545f4914f6cdd1dL);
        for (int w = 0; w < windows; w++) {
            long z = 0;
            for (int p = lo[w]; p < hi[w]; p++) {
                if (p == lo[w] || (p & 7) == 0) {
                    z = mix(x0 + ((p >>> 3) + 1L) * 0x9e3779b97f4a7c15L); // the word holding byte p
                }
                block[p] = (byte) (z >>> (8 * (p & 7)));
            }
        }
        int v = version(id);
        for (int e = 1; e <= v; e++) {
            long h = mix(base ^ (0x632be59bd9b4e019L * e));
            int len = 8 + (int) ((h >>> 8) & 63) % 57;
            int pos = (int) Long.remainderUnsigned(h >>> 16, Math.max(1, block.length - len));
            int end = Math.min(pos + len, block.length);
            for (int w = 0; w < windows; w++) {
                int a = Math.max(pos, lo[w]);
                int b = Math.min(end, hi[w]);
                if (a >= b) {
                    continue;
                }
                long y = mix(h);
                for (int k = 0; pos + k < b; k++) {
                    if ((k & 7) == 0) {
                        y = mix(y);
                    }
                    if (pos + k >= a) {
                        block[pos + k] = (byte) (y >>> (8 * (k & 7)));
                    }
                }
            }
        }
    }

    private static void applyEdits(long base, int firstEdit, int lastEdit, byte[] block) {
        for (int e = firstEdit; e <= lastEdit; e++) {
            long h = mix(base ^ (0x632be59bd9b4e019L * e));
            int len = 8 + (int) ((h >>> 8) & 63) % 57;
            int pos = (int) Long.remainderUnsigned(h >>> 16, Math.max(1, block.length - len));
            long y = mix(h);
            for (int k = 0; k < len && pos + k < block.length; k++) {
                if ((k & 7) == 0) {
                    y = mix(y);
                }
                block[pos + k] = (byte) (y >>> (8 * (k & 7)));
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
