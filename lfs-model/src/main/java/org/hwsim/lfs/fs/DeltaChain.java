package org.hwsim.lfs.fs;

/**
 * A block's delta chain as it is persisted (DeltaFS, arXiv 2210.04623): in the inode's inline area
 * when {@code inline}, otherwise as an index in the node holding the block's pointer whose entries
 * point into delta pages of the main area. A checkpoint pack's file table and an fsync-marked node
 * page carry these records; {@link Recovery} rebuilds {@link DeltaStore} from them.
 *
 * @param block file block
 * @param inline the deltas live in the inode's inline area
 * @param baseId content id of the block's base page
 * @param versions versions since the base (the chain-length policy's count)
 * @param toIds content id each delta reconstructs to, in order (the last is the block's content)
 * @param lens encoded length of each delta in bytes
 * @param pageAddrs main-area address of the delta page holding each delta (-1 when inline)
 * @param pageStamps write stamp of that delta page (0 when inline), to tell a reused page apart
 */
record DeltaChain(long block, boolean inline, long baseId, int versions, long[] toIds, int[] lens, int[] pageAddrs,
                  long[] pageStamps) {
    /** The content id the chain reconstructs to. */
    long lastId() {
        return toIds[toIds.length - 1];
    }

    /** Bytes the inline area needs for this chain (deltas plus entry headers). */
    int inlineBytes() {
        int b = 0;
        for (int n : lens) {
            b += n + InlineDeltaArea.ENTRY_HEADER_BYTES;
        }
        return b;
    }
}
