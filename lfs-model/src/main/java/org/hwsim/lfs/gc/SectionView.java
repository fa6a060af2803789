package org.hwsim.lfs.gc;

/** What a cleaning policy may see of the file system's sections (the SIT, per section). */
public interface SectionView {
    /** Number of sections in the main area. */
    int sections();

    /** Blocks per section. */
    int blocksPerSection();

    /** True if section {@code section} is full, closed and may be cleaned. */
    boolean isCandidate(int section);

    /** Valid blocks in {@code section}. */
    int validBlocks(int section);

    /**
     * Age clock of the section's youngest block: the value of {@link #clock()} when the section
     * was last written.
     */
    long lastModified(int section);

    /** The current value of the age clock (blocks written by the file system so far). */
    long clock();
}
