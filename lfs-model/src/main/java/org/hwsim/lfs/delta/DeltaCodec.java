package org.hwsim.lfs.delta;

/**
 * Encodes a new version of a block as a delta against the version already on flash, and
 * reconstructs the new version from the old one and the delta (DeltaFS, arXiv 2210.04623: a delta
 * is stored instead of a full page when it is small enough to pay).
 *
 * <p>Contract (one contract test runs over every implementation): for any {@code base} and
 * {@code target} of equal length, if {@code encode} returns {@code n >= 0} then
 * {@code decode(base, out, n, result)} fills {@code result} with exactly {@code target}; it returns
 * {@code -1} instead when the delta would exceed {@code limitBytes} (the caller then writes the
 * full page). Encoders are stateless and thread-safe; buffers are the caller's.
 */
public interface DeltaCodec {

    /**
     * Encodes {@code target} against {@code base}.
     *
     * @param base       the version on flash
     * @param target     the new version, same length as {@code base}
     * @param out        receives the delta; at least {@code limitBytes} long
     * @param limitBytes the largest delta worth storing
     * @return the delta's length in bytes, or {@code -1} if it would exceed {@code limitBytes}
     */
    int encode(byte[] base, byte[] target, byte[] out, int limitBytes);

    /**
     * Reconstructs the new version.
     *
     * @param base     the version the delta was encoded against
     * @param delta    the delta
     * @param length   the delta's length
     * @param result   receives the new version; same length as {@code base}
     * @throws IllegalArgumentException if the delta is malformed for this base
     */
    void decode(byte[] base, byte[] delta, int length, byte[] result);

    /** The stable id used in configs and reports, e.g. {@code "xor-rle"}. */
    String id();

    /**
     * XOR against the old page, then a run-length encoding of the XOR's zero runs and literal
     * bytes: the encoding this line of work uses for in-place updates.
     */
    static DeltaCodec xorRunLength() {
        return XorRunLengthCodec.INSTANCE;
    }

    /**
     * Copy/add encoding in the style of VCDIFF (RFC 3284): copies of byte ranges of the old page
     * (found at the same offset or through a hash of 8-byte windows) and literal additions; handles
     * content that shifted within the block, which defeats XOR.
     */
    static DeltaCodec copyAdd() {
        return CopyAddCodec.INSTANCE;
    }

    /** The codec with this id: {@code xor-rle} or {@code copy-add}. */
    static DeltaCodec byId(String id) {
        return switch (id) {
            case "xor-rle" -> xorRunLength();
            case "copy-add" -> copyAdd();
            default -> throw new IllegalArgumentException("unknown delta codec '" + id
                    + "'; known: [xor-rle, copy-add]");
        };
    }
}
