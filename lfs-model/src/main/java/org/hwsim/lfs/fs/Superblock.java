package org.hwsim.lfs.fs;

/**
 * The on-flash layout, as F2FS's superblock records it: the meta area (two checkpoint packs, SIT,
 * NAT and SSA, all in whole sections at the start of the device) and the main area of sections.
 *
 * @param blockSizeBytes 4096
 * @param blocksPerSegment 512
 * @param segmentsPerSection segments per section (= flash superblock)
 * @param sectionsPerZone 1
 * @param metaSections sections of the meta area
 * @param mainSections sections of the main area
 * @param checkpointBlocks blocks of one checkpoint area (two packs)
 * @param sitBlocks blocks of one SIT copy (55 entries per block)
 * @param natBlocks blocks of one NAT copy (455 entries per block)
 * @param ssaBlocks blocks of the SSA (one summary block per main segment)
 */
public record Superblock(int blockSizeBytes, int blocksPerSegment, int segmentsPerSection, int sectionsPerZone,
                         int metaSections, int mainSections, int checkpointBlocks, int sitBlocks,
                         int natBlocks, int ssaBlocks) {
    /** Blocks per section. */
    public int blocksPerSection() {
        return blocksPerSegment * segmentsPerSection;
    }

    /** Blocks of the main area. */
    public long mainBlocks() {
        return (long) mainSections * blocksPerSection();
    }
}
