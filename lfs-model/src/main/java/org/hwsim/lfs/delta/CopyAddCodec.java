package org.hwsim.lfs.delta;

/**
 * Copy/add delta encoding in the style of VCDIFF (Korn et al., RFC 3284): the new block is written
 * as instructions {@code COPY(offset, length)} from the old block and {@code ADD(bytes)}. Matches
 * are found first at the same offset (in-place updates), then through a hash table of the old
 * block's 8-byte windows (content that moved), and kept when at least 8 bytes long. Each
 * instruction is a varint {@code length << 1 | kind}, followed by the offset (COPY) or the bytes
 * (ADD).
 *
 * <p>The hash table is a per-thread scratch array, so encoding allocates nothing per call.
 */
final class CopyAddCodec implements DeltaCodec {
    static final CopyAddCodec INSTANCE = new CopyAddCodec();
    private static final int WINDOW = 8;
    /** The old block is indexed every {@value #STRIDE} bytes; any match of 8 + 3 bytes is still found. */
    private static final int STRIDE = 4;
    private static final int TABLE_BITS = 11;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final ThreadLocal<int[]> TABLE = ThreadLocal.withInitial(() -> new int[1 << TABLE_BITS]);

    private CopyAddCodec() {
    }

    @Override
    public String id() {
        return "copy-add";
    }

    @Override
    public int encode(byte[] base, byte[] target, byte[] out, int limitBytes) {
        XorRunLengthCodec.checkLengths(base, target);
        int n = base.length;
        int[] table = TABLE.get();
        java.util.Arrays.fill(table, -1);
        for (int p = 0; p + WINDOW <= n; p += STRIDE) {
            table[hash(base, p)] = p;
        }
        int pos = 0;
        int literalStart = 0;
        int i = 0;
        while (i < n) {
            int offset = i;
            int len = matchLength(base, i, target, i, n);
            if (len < WINDOW && i + WINDOW <= n) {
                int candidate = table[hash(target, i)];
                if (candidate >= 0) {
                    int l2 = matchLength(base, candidate, target, i, n);
                    if (l2 > len) {
                        len = l2;
                        offset = candidate;
                    }
                }
            }
            if (len < WINDOW) {
                i++;
                continue;
            }
            pos = flushAdd(target, literalStart, i, out, pos, limitBytes);
            if (pos < 0) {
                return -1;
            }
            int need = VarInts.size((len << 1) | 1) + VarInts.size(offset);
            if (pos + need > limitBytes) {
                return -1;
            }
            pos = VarInts.write(out, pos, (len << 1) | 1);
            pos = VarInts.write(out, pos, offset);
            i += len;
            literalStart = i;
        }
        return flushAdd(target, literalStart, n, out, pos, limitBytes);
    }

    private static int flushAdd(byte[] target, int from, int to, byte[] out, int pos, int limitBytes) {
        int len = to - from;
        if (len == 0) {
            return pos;
        }
        int need = VarInts.size(len << 1) + len;
        if (pos + need > limitBytes) {
            return -1;
        }
        pos = VarInts.write(out, pos, len << 1);
        System.arraycopy(target, from, out, pos, len);
        return pos + len;
    }

    private static int matchLength(byte[] base, int b, byte[] target, int t, int n) {
        int m = java.util.Arrays.mismatch(base, b, n, target, t, n); // vectorised compare
        return m >= 0 ? m : Math.min(n - b, n - t);
    }

    private static int hash(byte[] a, int p) {
        long w = (long) LONGS.get(a, p);
        return (int) ((w * 0x9e3779b97f4a7c15L) >>> (64 - TABLE_BITS));
    }

    @Override
    public void decode(byte[] base, byte[] delta, int length, byte[] result) {
        int n = base.length;
        if (result.length != n) {
            throw new IllegalArgumentException("result length " + result.length + " != base length " + n);
        }
        int[] cursor = {0};
        int at = 0;
        while (cursor[0] < length) {
            int header = VarInts.read(delta, cursor, length);
            int len = header >>> 1;
            if (at + len > n) {
                throw new IllegalArgumentException("malformed delta: " + len + " bytes at offset " + at
                        + " overrun the " + n + "-byte block");
            }
            if ((header & 1) == 1) {
                int offset = VarInts.read(delta, cursor, length);
                if (offset + len > n) {
                    throw new IllegalArgumentException("malformed delta: copy of " + len + " bytes from offset "
                            + offset + " overruns the " + n + "-byte base");
                }
                System.arraycopy(base, offset, result, at, len);
            } else {
                if (cursor[0] + len > length) {
                    throw new IllegalArgumentException("malformed delta: add of " + len
                            + " bytes overruns the " + length + "-byte delta");
                }
                System.arraycopy(delta, cursor[0], result, at, len);
                cursor[0] += len;
            }
            at += len;
        }
        if (at != n) {
            throw new IllegalArgumentException("malformed delta: rebuilds " + at + " of " + n + " bytes");
        }
    }
}
