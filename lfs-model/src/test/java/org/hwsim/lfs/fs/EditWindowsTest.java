package org.hwsim.lfs.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.hwsim.lfs.delta.DeltaCodec;

/**
 * Window rendering gives exactly what whole-block rendering gives: the reference is
 * {@link ContentModel#render} of both versions and the codec run on the whole blocks.
 */
class EditWindowsTest {
    @Property(tries = 300)
    void windowedXorDeltaEqualsTheWholeBlockDelta(@ForAll @LongRange(min = 0, max = 1L << 40) long base,
                                                  @ForAll @IntRange(min = 0, max = 300) int v1,
                                                  @ForAll @IntRange(min = 0, max = 64) int step,
                                                  @ForAll @IntRange(min = 1, max = 4096) int limit) {
        long from = ContentModel.id(base, v1);
        long to = ContentModel.id(base, v1 + step);
        DeltaCodec xor = DeltaCodec.xorRunLength();
        byte[] a = new byte[4096];
        byte[] b = new byte[4096];
        ContentModel.render(from, a);
        ContentModel.render(to, b);
        byte[] want = new byte[4096];
        int n = xor.encode(a, b, want, limit);
        EditWindows w = new EditWindows(4096);
        byte[] got = new byte[4096];
        assertEquals(true, EditWindows.applies(from, to));
        assertEquals(n, w.encode(xor, from, to, got, limit));
        if (n >= 0) {
            assertArrayEquals(Arrays.copyOf(want, n), Arrays.copyOf(got, n));
        }
        // Reused: the scratch blocks are clean again.
        assertEquals(n, w.encode(xor, from, to, got, limit));
    }

    @Property(tries = 200)
    void renderedWindowsHoldTheRenderedBytes(@ForAll @LongRange(min = 0, max = 1L << 40) long base,
                                             @ForAll @IntRange(min = 0, max = 200) int version,
                                             @ForAll @IntRange(min = 0, max = 4095) int lo,
                                             @ForAll @IntRange(min = 0, max = 200) int width) {
        long id = ContentModel.id(base, version);
        int hi = Math.min(4096, lo + width);
        byte[] whole = new byte[4096];
        ContentModel.render(id, whole);
        byte[] part = new byte[4096];
        ContentModel.renderWindows(id, part, new int[] {lo}, new int[] {hi}, 1);
        assertArrayEquals(Arrays.copyOfRange(whole, lo, hi), Arrays.copyOfRange(part, lo, hi));
        for (int p = 0; p < 4096; p++) {
            if (p < lo || p >= hi) {
                assertEquals(0, part[p], "byte " + p + " outside the window");
            }
        }
    }
}
