package org.hwsim.lfs.fs;

/**
 * What {@link LogFs} tells a persistent-image recorder as it issues flash operations: every
 * program with its owner and completion time, every erase, every checkpoint pack and fsync. The
 * file system calls it in issue order; completion times may lie in the future of later calls.
 * {@link #NONE} does nothing and is the default, so a run without crash simulation pays one
 * monomorphic call per program. Package-private: {@link FlashImage} is the implementation.
 */
interface PersistHook {
    /** Records nothing. */
    PersistHook NONE = new PersistHook() {
    };

    /** File {@code file} was created with {@code name} (in memory; its inode is dirty). */
    default void fileCreated(int file, String name) {
    }

    /** Data block {@code block} of {@code file} with content {@code contentId} was programmed at main address {@code addr}. */
    default void dataProgrammed(int addr, int file, long block, long contentId, long completionPs) {
    }

    /** Cleaning copied the page at {@code from} to {@code to} (data or node, as it is on flash). */
    default void blockMoved(int from, int to, long completionPs) {
    }

    /** Node {@code nid} was programmed at {@code addr}, with an fsync mark if {@code fsyncMark}. */
    default void nodeProgrammed(int addr, int nid, boolean fsyncMark, long completionPs) {
    }

    /** Main-area section {@code section} was erased. */
    default void sectionErased(int section, long completionPs) {
    }

    /**
     * Checkpoint {@code version} was written; its pack's header completes at {@code headerPs} and
     * its footer, issued after every earlier write completed, at {@code footerPs}.
     */
    default void checkpointWritten(long version, long headerPs, long footerPs) {
    }

    /** An fsync of {@code file} completes at {@code completionPs}. */
    default void fsynced(int file, long completionPs) {
    }

    /** Block {@code block} of {@code file} was punched out (no flash operation). */
    default void trimmed(int file, long block) {
    }

    /** An inline write stored {@code contentId} in the inode of {@code file} (the node program is reported too). */
    default void inlineWritten(int file, long contentId) {
    }

    /** With DeltaFS, a delta page with write stamp {@code stamp} was programmed at main address {@code addr}. */
    default void deltaPageProgrammed(int addr, long stamp, long completionPs) {
    }

    /** With DeltaFS, block {@code block} of {@code file} took content {@code contentId} as a delta (no page program). */
    default void deltaWritten(int file, long block, long contentId) {
    }
}
