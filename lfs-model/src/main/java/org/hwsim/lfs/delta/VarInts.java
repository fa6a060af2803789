package org.hwsim.lfs.delta;

/** Unsigned LEB128 variable-length integers (7 bits a byte, high bit = more), as in VCDIFF. */
final class VarInts {
    private VarInts() {
    }

    /** Bytes needed to write {@code value} (>= 0). */
    static int size(int value) {
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Writes {@code value} at {@code pos}; returns the position after it. */
    static int write(byte[] out, int pos, int value) {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out[pos++] = (byte) v;
        return pos;
    }

    /** Reads a value at {@code cursor[0]} (advancing it), checking it stays below {@code end}. */
    static int read(byte[] in, int[] cursor, int end) {
        int value = 0;
        int shift = 0;
        int pos = cursor[0];
        while (true) {
            if (pos >= end || shift > 28) {
                throw new IllegalArgumentException("malformed delta: truncated or oversized integer at byte " + pos);
            }
            int b = in[pos++];
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        if (value < 0) {
            throw new IllegalArgumentException("malformed delta: integer overflow at byte " + cursor[0]);
        }
        cursor[0] = pos;
        return value;
    }
}
