package org.hwsim.lfs.fs;

import org.hwsim.lfs.gc.VictimPolicy;

/**
 * File-system options. Zero for an {@code int} option means "derive from the device" (the value
 * used is in {@link LogFs#effectiveConfig()}).
 *
 * @param inlineData store files of at most 3,488 bytes in their inode (F2FS {@code inline_data})
 * @param reservedSections sections kept free for cleaning; foreground cleaning starts below it
 *     (0: max(8, sections / 50), in the spirit of F2FS's overprovision reserve)
 * @param gcBatchSections foreground cleaning runs until free plus pre-free sections reach
 *     {@code reservedSections + gcBatchSections}, then checkpoints (0: max(2, sections / 64))
 * @param foregroundGc victim policy of foreground cleaning ({@code greedy} in F2FS)
 * @param backgroundGc victim policy of background cleaning ({@code cost-benefit} in F2FS)
 * @param backgroundIdlePs an idle gap at least this long lets background cleaning run
 *     (F2FS's gc thread sleeps 30 s between checks; 1 s here by default, > 0)
 * @param backgroundFreeSections background cleaning runs only below this many free sections
 *     (0: 2 x reservedSections)
 * @param checkpointIntervalPs periodic checkpoint interval (F2FS {@code cp_interval}, 60 s), > 0
 * @param threadedLogging write data into invalid slots of dirty sections when free sections are
 *     low (F2FS's SSR, "adaptive logging"), which assumes an FTL below the file system
 * @param ssrFreeSections threaded logging starts below this many free sections
 *     (0: reservedSections + gcBatchSections + 2)
 * @param discard erase freed sections at the checkpoint that frees them (otherwise lazily, just
 *     before a section is reused)
 * @param delta DeltaFS delta compression ({@link DeltaConfig#off()}: the baseline F2FS)
 */
public record FsConfig(boolean inlineData, int reservedSections, int gcBatchSections, String foregroundGc,
                       String backgroundGc, long backgroundIdlePs, int backgroundFreeSections,
                       long checkpointIntervalPs, boolean threadedLogging, int ssrFreeSections, boolean discard,
                       DeltaConfig delta) {

    /** Validates every field. */
    public FsConfig {
        nonNeg("reservedSections", reservedSections);
        nonNeg("gcBatchSections", gcBatchSections);
        nonNeg("backgroundFreeSections", backgroundFreeSections);
        nonNeg("ssrFreeSections", ssrFreeSections);
        VictimPolicy.byId(foregroundGc);
        VictimPolicy.byId(backgroundGc);
        if (backgroundIdlePs <= 0) {
            throw new IllegalArgumentException("backgroundIdlePs must be > 0: " + backgroundIdlePs);
        }
        if (checkpointIntervalPs <= 0) {
            throw new IllegalArgumentException("checkpointIntervalPs must be > 0: " + checkpointIntervalPs);
        }
        if (delta == null) {
            throw new IllegalArgumentException("delta must not be null; use DeltaConfig.off()");
        }
    }

    /** The options without deltas ({@link DeltaConfig#off()}). */
    public FsConfig(boolean inlineData, int reservedSections, int gcBatchSections, String foregroundGc,
                    String backgroundGc, long backgroundIdlePs, int backgroundFreeSections, long checkpointIntervalPs,
                    boolean threadedLogging, int ssrFreeSections, boolean discard) {
        this(inlineData, reservedSections, gcBatchSections, foregroundGc, backgroundGc, backgroundIdlePs,
                backgroundFreeSections, checkpointIntervalPs, threadedLogging, ssrFreeSections, discard,
                DeltaConfig.off());
    }

    private static void nonNeg(String f, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(f + " must be >= 0 (0 = derive from the device): " + v);
        }
    }

    /** F2FS-like defaults: inline data on, greedy foreground, cost-benefit background, 60 s checkpoints. */
    public static FsConfig defaults() {
        return new FsConfig(true, 0, 0, "greedy", "cost-benefit", 1_000_000_000_000L, 0,
                60_000_000_000_000L, false, 0, true);
    }

    /** A copy with another foreground policy. */
    public FsConfig withForegroundGc(String id) {
        return new FsConfig(inlineData, reservedSections, gcBatchSections, id, backgroundGc, backgroundIdlePs,
                backgroundFreeSections, checkpointIntervalPs, threadedLogging, ssrFreeSections, discard, delta);
    }

    /** A copy with threaded logging switched on or off. */
    public FsConfig withThreadedLogging(boolean on) {
        return new FsConfig(inlineData, reservedSections, gcBatchSections, foregroundGc, backgroundGc,
                backgroundIdlePs, backgroundFreeSections, checkpointIntervalPs, on, ssrFreeSections, discard, delta);
    }

    /** A copy with these delta options. */
    public FsConfig withDelta(DeltaConfig d) {
        return new FsConfig(inlineData, reservedSections, gcBatchSections, foregroundGc, backgroundGc,
                backgroundIdlePs, backgroundFreeSections, checkpointIntervalPs, threadedLogging, ssrFreeSections,
                discard, d);
    }

    /** A copy with these derived sizes (0 keeps "derive"). */
    public FsConfig withSections(int reserved, int gcBatch, int backgroundFree, int ssrFree) {
        return new FsConfig(inlineData, reserved, gcBatch, foregroundGc, backgroundGc, backgroundIdlePs,
                backgroundFree, checkpointIntervalPs, threadedLogging, ssrFree, discard, delta);
    }
}
