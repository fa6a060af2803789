package org.hwsim.lfs.fs;

import org.hwsim.lfs.delta.DeltaCodec;

/**
 * DeltaFS options (Wu et al., "DeltaFS: Pursuing Zero Update Overhead via Metadata-Enabled Delta
 * Compression for Log-structured File System on Mobile Devices", arXiv 2210.04623; MedFS, FAST'25).
 * See {@link DeltaStore} for what each option steers.
 *
 * @param enabled store overwrites as deltas; {@code false} is the baseline F2FS, bit for bit
 * @param codec delta encoder id ({@code xor-rle} or {@code copy-add}, {@link DeltaCodec#byId})
 * @param maxDeltaBytes a delta pays, and is stored instead of the full page, when it is at most this
 *     long; in [1, 4096 - {@link DeltaStore#AREA_HEADER_BYTES}]
 * @param maxChainLength a block keeps at most this many deltas on top of its base page; the
 *     overwrite that would exceed it writes a full page and frees the chain; in [1, 255]
 * @param maxChainBytes nor more than this many delta bytes; >= maxDeltaBytes
 * @param inlineBudgetBytes bytes of an inode's inline area available to deltas when the file's data
 *     is not inline (F2FS's {@code MAX_INLINE_DATA}, 3,488 with the inline xattr area); in [0, 3488]
 * @param mergeAreaChains an overwrite of a block whose chain is in the delta area stores one delta
 *     from the base to the new version in place of the chain (so a read needs at most one delta
 *     page), instead of appending an incremental delta
 */
public record DeltaConfig(boolean enabled, String codec, int maxDeltaBytes, int maxChainLength, int maxChainBytes,
                          int inlineBudgetBytes, boolean mergeAreaChains) {

    /** Validates every field. */
    public DeltaConfig {
        DeltaCodec.byId(codec);
        int maxDelta = LogFs.BLOCK_BYTES - DeltaStore.AREA_HEADER_BYTES;
        if (maxDeltaBytes < 1 || maxDeltaBytes > maxDelta) {
            throw new IllegalArgumentException("maxDeltaBytes must be in [1, " + maxDelta + "]: " + maxDeltaBytes);
        }
        if (maxChainLength < 1 || maxChainLength > 255) {
            throw new IllegalArgumentException("maxChainLength must be in [1, 255]: " + maxChainLength);
        }
        if (maxChainBytes < maxDeltaBytes) {
            throw new IllegalArgumentException("maxChainBytes must be >= maxDeltaBytes (" + maxDeltaBytes + "): "
                    + maxChainBytes);
        }
        if (inlineBudgetBytes < 0 || inlineBudgetBytes > LogFs.MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("inlineBudgetBytes must be in [0, " + LogFs.MAX_INLINE_BYTES + "]: "
                    + inlineBudgetBytes);
        }
    }

    /**
     * The defaults with deltas on: {@code xor-rle} (as fast as a page copy for in-place edits and
     * the smallest deltas for them: benchmarks/README.md, DeltaCodecBench), deltas up to 1,024 bytes
     * (a quarter page: four or more deltas share a delta page), chains of at most 8 deltas or 2,048
     * bytes (half a page: a rewrite frees at least that much), the full 3,488-byte inline area.
     */
    public static DeltaConfig defaults() {
        return new DeltaConfig(true, "xor-rle", 1024, 8, 2048, LogFs.MAX_INLINE_BYTES, true);
    }

    /** Deltas off (the baseline file system); the other fields are the defaults. */
    public static DeltaConfig off() {
        return defaults().withEnabled(false);
    }

    /** A copy switched on or off. */
    public DeltaConfig withEnabled(boolean on) {
        return new DeltaConfig(on, codec, maxDeltaBytes, maxChainLength, maxChainBytes, inlineBudgetBytes,
                mergeAreaChains);
    }

    /** A copy with another codec. */
    public DeltaConfig withCodec(String id) {
        return new DeltaConfig(enabled, id, maxDeltaBytes, maxChainLength, maxChainBytes, inlineBudgetBytes,
                mergeAreaChains);
    }

    /** A copy with area chains merged on update or not. */
    public DeltaConfig withMergeAreaChains(boolean on) {
        return new DeltaConfig(enabled, codec, maxDeltaBytes, maxChainLength, maxChainBytes, inlineBudgetBytes, on);
    }

    /** A copy with other chain bounds. */
    public DeltaConfig withChain(int maxLength, int maxBytes) {
        return new DeltaConfig(enabled, codec, maxDeltaBytes, maxLength, maxBytes, inlineBudgetBytes,
                mergeAreaChains);
    }
}
