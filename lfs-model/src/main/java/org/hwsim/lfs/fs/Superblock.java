package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashGeometry;

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

    /**
     * The layout of a file system formatted on {@code geometry}: a section is a flash superblock;
     * the meta area (2 checkpoint segments, 2 SIT and 2 NAT copies, one SSA block per segment) takes
     * whole sections at the start. Throws if flash pages are not file-system blocks, a superblock
     * does not hold whole segments, or fewer than 16 main sections remain.
     */
    static Superblock layout(FlashGeometry geometry) {
        int pps = geometry.pagesPerSuperblock();
        if (geometry.pageSizeBytes() != LogFs.BLOCK_BYTES) {
            throw new IllegalArgumentException("flash pageSizeBytes must be " + LogFs.BLOCK_BYTES
                    + " for this file system: " + geometry.pageSizeBytes());
        }
        if (pps % LogFs.BLOCKS_PER_SEGMENT != 0) {
            throw new IllegalArgumentException("pages per superblock must be a multiple of " + LogFs.BLOCKS_PER_SEGMENT
                    + " so that sections hold whole segments: " + pps);
        }
        int total = geometry.blocksPerPlane();
        long segs = (long) total * (pps / LogFs.BLOCKS_PER_SEGMENT);
        long maxNids = Math.max(4096, segs * LogFs.BLOCKS_PER_SEGMENT / 256);
        int sitBlocks = (int) ((segs + LogFs.SIT_ENTRIES_PER_BLOCK - 1) / LogFs.SIT_ENTRIES_PER_BLOCK);
        int natBlocks = (int) ((maxNids + LogFs.NAT_ENTRIES_PER_BLOCK - 1) / LogFs.NAT_ENTRIES_PER_BLOCK);
        long metaBlocks = 2L * LogFs.BLOCKS_PER_SEGMENT + 2L * sitBlocks + 2L * natBlocks + segs;
        int metaSections = (int) ((metaBlocks + pps - 1) / pps);
        int sections = total - metaSections;
        if (sections < 16) {
            throw new IllegalArgumentException("device too small: " + sections
                    + " main sections after a meta area of " + metaSections + "; need at least 16");
        }
        return new Superblock(LogFs.BLOCK_BYTES, LogFs.BLOCKS_PER_SEGMENT, pps / LogFs.BLOCKS_PER_SEGMENT, 1,
                metaSections, sections, 2 * LogFs.BLOCKS_PER_SEGMENT, sitBlocks, natBlocks, (int) segs);
    }
}
