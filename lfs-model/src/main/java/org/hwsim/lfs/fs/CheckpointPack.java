package org.hwsim.lfs.fs;

import java.util.Arrays;

/**
 * One of the two checkpoint packs F2FS alternates between (f2fs.rst, "Checkpoint"): the version,
 * the positions of the six active logs, the counts a mount needs, and the NAT/SIT journal sizes.
 * A checkpoint writes the pack whose slot is {@code version % 2}, so the previous pack stays intact
 * until the new one is complete.
 *
 * @param version checkpoint version, counting from 1
 * @param timePs simulated completion time of the checkpoint
 * @param validBlocks valid main-area blocks
 * @param freeSections free sections after the checkpoint
 * @param logSections section of each active log (index: hot/warm/cold data, hot/warm/cold node)
 * @param logOffsets next block offset of each active log in its section
 * @param natJournalEntries NAT entries carried in the pack's journal
 * @param sitJournalEntries SIT entries carried in the pack's journal
 * @param blocksWritten blocks this checkpoint wrote (nodes, NAT/SIT/SSA blocks and the pack)
 */
public record CheckpointPack(long version, long timePs, long validBlocks, int freeSections, int[] logSections,
                             int[] logOffsets, int natJournalEntries, int sitJournalEntries, long blocksWritten) {
    /** Copies the arrays. */
    public CheckpointPack {
        logSections = logSections.clone();
        logOffsets = logOffsets.clone();
    }

    @Override
    public int[] logSections() {
        return logSections.clone();
    }

    @Override
    public int[] logOffsets() {
        return logOffsets.clone();
    }

    @Override
    public String toString() {
        return "CheckpointPack[version=" + version + ", timePs=" + timePs + ", validBlocks=" + validBlocks
                + ", freeSections=" + freeSections + ", logSections=" + Arrays.toString(logSections)
                + ", logOffsets=" + Arrays.toString(logOffsets) + "]";
    }
}
