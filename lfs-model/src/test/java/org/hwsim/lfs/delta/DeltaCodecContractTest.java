package org.hwsim.lfs.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link DeltaCodec} contract over every codec: exact round trips (jqwik, over random pages
 * and realistic edits), the size limit, sizes computed by hand for simple edits, and malformed
 * deltas.
 */
class DeltaCodecContractTest {
    static final int PAGE = 4096;

    static Stream<DeltaCodec> codecs() {
        return Stream.of(DeltaCodec.xorRunLength(), DeltaCodec.copyAdd());
    }

    /** A base page and an edited version: k random byte edits, an inserted run that shifts the tail, or a rewrite. */
    record Edit(long seed, int kind, int amount) {
        byte[][] pages() {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] base = new byte[PAGE];
            // text-like content: mostly a small alphabet, as in database records
            for (int i = 0; i < PAGE; i++) {
                base[i] = (byte) ('a' + r.nextInt(r.nextInt(4) == 0 ? 26 : 4));
            }
            byte[] target = base.clone();
            switch (kind) {
                case 0 -> {
                    for (int k = 0; k < amount; k++) {
                        target[r.nextInt(PAGE)] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> {
                    int at = r.nextInt(PAGE);
                    int shift = Math.min(amount, PAGE - at);
                    System.arraycopy(base, at, target, at + shift, PAGE - at - shift);
                    for (int k = 0; k < shift; k++) {
                        target[at + k] = (byte) r.nextInt(256);
                    }
                }
                default -> r.nextBytes(target);
            }
            return new byte[][] {base, target};
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 600)).as(Edit::new);
    }

    @Property(tries = 300)
    void roundTripIsExact(@ForAll("edits") Edit edit) {
        byte[][] p = edit.pages();
        codecs().forEach(codec -> {
            byte[] out = new byte[2 * PAGE];
            int n = codec.encode(p[0], p[1], out, out.length);
            assertTrue(n >= 0, codec.id() + " refused with a generous limit");
            byte[] back = new byte[PAGE];
            codec.decode(p[0], out, n, back);
            assertArrayEquals(p[1], back, codec.id());
        });
    }

    @Property(tries = 200)
    void respectsTheLimit(@ForAll("edits") Edit edit) {
        byte[][] p = edit.pages();
        codecs().forEach(codec -> {
            byte[] out = new byte[2 * PAGE];
            int full = codec.encode(p[0], p[1], out, out.length);
            int limit = full / 2;
            byte[] small = new byte[2 * PAGE];
            int n = codec.encode(p[0], p[1], small, limit);
            if (full > limit) {
                assertEquals(-1, n, codec.id() + " exceeded its limit of " + limit);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void identicalPagesGiveAnEmptyDelta(DeltaCodec codec) {
        byte[] base = new Edit(1, 0, 0).pages()[0];
        byte[] out = new byte[PAGE];
        int n = codec.encode(base, base.clone(), out, PAGE);
        // xor-rle: nothing to say; copy-add: one COPY(0, 4096) = varint 8193 (2 bytes) + varint 0
        assertTrue(n <= 3, codec.id() + ": " + n);
        byte[] back = new byte[PAGE];
        codec.decode(base, out, n, back);
        assertArrayEquals(base, back);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void aSmallInPlaceUpdateCostsAboutItsSize(DeltaCodec codec) {
        byte[] base = new Edit(2, 0, 0).pages()[0];
        byte[] target = base.clone();
        for (int k = 0; k < 40; k++) {
            target[1000 + k] = (byte) ~target[1000 + k];
        }
        byte[] out = new byte[PAGE];
        int n = codec.encode(base, target, out, PAGE);
        // xor-rle: varint(1000) 2 + varint(40) 1 + 40 = 43 bytes.
        // copy-add: COPY(0,1000) 2+1, ADD(40) 1+40, COPY(1040,3056) 2+2 = 48 bytes.
        int expected = codec.id().equals("xor-rle") ? 43 : 48;
        assertEquals(expected, n, codec.id());
    }

    @org.junit.jupiter.api.Test
    void shiftedContentDefeatsXorButNotCopyAdd() {
        SplittableRandom r = new SplittableRandom(42);
        byte[] base = new byte[PAGE];
        for (int i = 0; i < PAGE; i++) {
            base[i] = (byte) ('a' + r.nextInt(26));
        }
        byte[] target = base.clone();
        System.arraycopy(base, 1000, target, 1016, PAGE - 1016); // 16 bytes inserted at 1000
        for (int k = 0; k < 16; k++) {
            target[1000 + k] = (byte) (0x80 | k);
        }
        byte[] out = new byte[2 * PAGE];
        // copy-add: COPY(0,1000) 2+1, ADD(16) 1+16, COPY(from 1000, 3080 bytes) 2+2 = 24 bytes
        assertEquals(24, DeltaCodec.copyAdd().encode(base, target, out, out.length));
        // xor-rle: every shifted byte differs unless two random letters happen to agree (1 in 26)
        assertTrue(DeltaCodec.xorRunLength().encode(base, target, out, out.length) > 2_500);
        assertEquals(-1, DeltaCodec.xorRunLength().encode(base, target, out, 1024));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void malformedDeltasAreRejected(DeltaCodec codec) {
        byte[] base = new byte[PAGE];
        byte[] result = new byte[PAGE];
        byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
        var e = assertThrows(IllegalArgumentException.class, () -> codec.decode(base, garbage, garbage.length, result));
        assertTrue(e.getMessage().startsWith("malformed delta"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> codec.encode(base, new byte[10], new byte[PAGE], PAGE));
    }

    @org.junit.jupiter.api.Test
    void byIdKnowsBothAndNamesUnknownOnes() {
        assertEquals("xor-rle", DeltaCodec.byId("xor-rle").id());
        assertEquals("copy-add", DeltaCodec.byId("copy-add").id());
        var e = assertThrows(IllegalArgumentException.class, () -> DeltaCodec.byId("lz4"));
        assertTrue(e.getMessage().contains("'lz4'"));
    }
}
