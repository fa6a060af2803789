package org.hwsim.lfs.delta;

/**
 * XOR the new block with the old one and encode the result as pairs
 * {@code (unchanged run length, changed run length, changed bytes XORed)}, each length a varint.
 * An in-place update that changes {@code k} bytes in one place costs about {@code k + 4} bytes.
 * Short unchanged gaps (under 3 bytes) inside a changed region are kept as literals, since a new
 * pair would cost more than it saves.
 */
final class XorRunLengthCodec implements DeltaCodec {
    static final XorRunLengthCodec INSTANCE = new XorRunLengthCodec();
    private static final int MIN_GAP = 3;

    private XorRunLengthCodec() {
    }

    @Override
    public String id() {
        return "xor-rle";
    }

    @Override
    public int encode(byte[] base, byte[] target, byte[] out, int limitBytes) {
        checkLengths(base, target);
        int n = base.length;
        int pos = 0;
        int i = 0;
        while (i < n) {
            int runStart = i;
            int m = java.util.Arrays.mismatch(base, i, n, target, i, n); // vectorised scan
            if (m < 0) {
                break; // trailing unchanged bytes are implicit
            }
            i += m;
            int zeros = i - runStart;
            int litStart = i;
            int litEnd = i;
            while (i < n) {
                if (base[i] != target[i]) {
                    i++;
                    litEnd = i;
                    continue;
                }
                int gap = i;
                while (gap < n && base[gap] == target[gap] && gap - litEnd < MIN_GAP) {
                    gap++;
                }
                if (gap - litEnd >= MIN_GAP || gap == n) {
                    break;
                }
                i = gap; // a short unchanged gap: keep it inside the literal
            }
            i = litEnd;
            int literals = litEnd - litStart;
            int need = VarInts.size(zeros) + VarInts.size(literals) + literals;
            if (pos + need > limitBytes) {
                return -1;
            }
            pos = VarInts.write(out, pos, zeros);
            pos = VarInts.write(out, pos, literals);
            for (int k = litStart; k < litEnd; k++) {
                out[pos++] = (byte) (base[k] ^ target[k]);
            }
        }
        return pos;
    }

    @Override
    public void decode(byte[] base, byte[] delta, int length, byte[] result) {
        if (result.length != base.length) {
            throw new IllegalArgumentException("result length " + result.length + " != base length " + base.length);
        }
        System.arraycopy(base, 0, result, 0, base.length);
        int[] cursor = {0};
        int at = 0;
        while (cursor[0] < length) {
            at += VarInts.read(delta, cursor, length);
            int literals = VarInts.read(delta, cursor, length);
            if (at + literals > base.length || cursor[0] + literals > length) {
                throw new IllegalArgumentException("malformed delta: run of " + literals + " bytes at offset "
                        + at + " overruns a " + base.length + "-byte block or the " + length + "-byte delta");
            }
            for (int k = 0; k < literals; k++) {
                result[at + k] ^= delta[cursor[0] + k];
            }
            cursor[0] += literals;
            at += literals;
        }
    }

    static void checkLengths(byte[] base, byte[] target) {
        if (base.length != target.length) {
            throw new IllegalArgumentException("base and target must have equal lengths: "
                    + base.length + " != " + target.length);
        }
    }
}
