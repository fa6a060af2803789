package org.hwsim.lfs.fs;

import java.util.Arrays;
import org.hwsim.lfs.delta.DeltaCodec;

/**
 * XOR deltas between two versions of one content without rendering whole blocks. Versions v1 <
 * v2 of a base differ only in the bytes edits v1 + 1 to v2 overwrite ({@link ContentModel}), and
 * an XOR/run-length delta depends only on where the two blocks differ and on their XOR there. So
 * rendering just those windows into two blocks that are equal everywhere else (zeros) gives the
 * same delta, byte for byte, as rendering both blocks whole. {@code EditWindowsTest} checks it.
 * Only for {@code xor-rle}: copy/add may copy from anywhere in the old block.
 *
 * <p>Not thread-safe; the two scratch blocks are all zeros between calls.
 */
final class EditWindows {
    /** More edits than this between the two versions: render whole blocks instead. */
    static final int MAX_WINDOWS = 64;
    private final int[] lo = new int[MAX_WINDOWS];
    private final int[] hi = new int[MAX_WINDOWS];
    private final byte[] from;
    private final byte[] to;

    EditWindows(int blockBytes) {
        this.from = new byte[blockBytes];
        this.to = new byte[blockBytes];
    }

    /** True if {@link #encode} applies to this pair (same base, forward, few edits apart). */
    static boolean applies(long fromId, long toId) {
        int v1 = ContentModel.version(fromId);
        int v2 = ContentModel.version(toId);
        return ContentModel.base(fromId) == ContentModel.base(toId) && v2 >= v1 && v2 - v1 <= MAX_WINDOWS;
    }

    /**
     * Encodes {@code toId}'s content against {@code fromId}'s with {@code codec} (xor-rle) into
     * {@code out}; same result as {@code codec.encode(render(fromId), render(toId), out, limit)}.
     * Requires {@link #applies}.
     */
    int encode(DeltaCodec codec, long fromId, long toId, byte[] out, int limitBytes) {
        long base = ContentModel.base(toId);
        int n = 0;
        for (int e = ContentModel.version(fromId) + 1; e <= ContentModel.version(toId); e++) {
            long r = ContentModel.editRange(base, e, from.length);
            int pos = (int) (r >>> 32);
            lo[n] = pos;
            hi[n++] = Math.min(pos + (int) r, from.length);
        }
        ContentModel.renderWindows(fromId, from, lo, hi, n);
        ContentModel.renderWindows(toId, to, lo, hi, n);
        int len = codec.encode(from, to, out, limitBytes);
        for (int w = 0; w < n; w++) {
            Arrays.fill(from, lo[w], hi[w], (byte) 0);
            Arrays.fill(to, lo[w], hi[w], (byte) 0);
        }
        return len;
    }
}
