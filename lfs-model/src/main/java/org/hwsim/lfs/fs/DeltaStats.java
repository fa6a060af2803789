package org.hwsim.lfs.fs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DeltaFS counters ({@link LogFs#deltaStats()}); all zero when deltas are off. Counters accumulate;
 * the {@code live*} fields are gauges (the state now) and {@link #minus} keeps them.
 *
 * @param overwritesEncoded overwrites of a block on flash that were delta-encoded
 * @param deltasInline deltas stored in the inode's inline area (ride with the inode's node block)
 * @param deltasInArea deltas stored in the delta area of the main area
 * @param deltaBytes delta payload bytes stored (headers excluded)
 * @param bytesSaved page bytes not programmed because a delta was stored: 4096 minus the delta's
 *     bytes, summed
 * @param fullWritesDeltaTooLarge overwrites written as a full page because the delta exceeded
 *     {@link DeltaConfig#maxDeltaBytes()}
 * @param chainRewrites overwrites written as a full page because the chain reached its bounds
 * @param merges chains merged into one delta against the base: to fit the inline area, or (with
 *     {@link DeltaConfig#mergeAreaChains()}) on an update of a chain in the delta area
 * @param evictions chains evicted from the inline area to the delta area
 * @param deltaPagesWritten delta pages programmed
 * @param deltaPagesMoved delta pages moved by cleaning
 * @param reconstructReads extra page reads of reads that rebuilt a block (delta pages)
 * @param reconstructedBlocks blocks read through base plus deltas
 * @param liveChains blocks with deltas now
 * @param liveInlineDeltas deltas in inline areas now
 * @param liveAreaDeltas deltas in the delta area now
 * @param liveDeltaPages delta pages holding live deltas now (the open page included)
 */
public record DeltaStats(long overwritesEncoded, long deltasInline, long deltasInArea, long deltaBytes,
                         long bytesSaved, long fullWritesDeltaTooLarge, long chainRewrites, long merges,
                         long evictions, long deltaPagesWritten, long deltaPagesMoved, long reconstructReads,
                         long reconstructedBlocks, long liveChains, long liveInlineDeltas, long liveAreaDeltas,
                         long liveDeltaPages) {

    /** Counters accumulated since {@code earlier}; gauges are this snapshot's. */
    public DeltaStats minus(DeltaStats earlier) {
        return new DeltaStats(overwritesEncoded - earlier.overwritesEncoded, deltasInline - earlier.deltasInline,
                deltasInArea - earlier.deltasInArea, deltaBytes - earlier.deltaBytes, bytesSaved - earlier.bytesSaved,
                fullWritesDeltaTooLarge - earlier.fullWritesDeltaTooLarge, chainRewrites - earlier.chainRewrites,
                merges - earlier.merges, evictions - earlier.evictions,
                deltaPagesWritten - earlier.deltaPagesWritten, deltaPagesMoved - earlier.deltaPagesMoved,
                reconstructReads - earlier.reconstructReads, reconstructedBlocks - earlier.reconstructedBlocks,
                liveChains, liveInlineDeltas, liveAreaDeltas, liveDeltaPages);
    }

    /** As an ordered map for the report's {@code delta} section. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overwritesEncoded", overwritesEncoded);
        m.put("deltasInline", deltasInline);
        m.put("deltasInDeltaArea", deltasInArea);
        m.put("deltaBytes", deltaBytes);
        m.put("bytesSaved", bytesSaved);
        m.put("fullWritesDeltaTooLarge", fullWritesDeltaTooLarge);
        m.put("chainRewrites", chainRewrites);
        m.put("merges", merges);
        m.put("evictions", evictions);
        m.put("deltaPagesWritten", deltaPagesWritten);
        m.put("deltaPagesMovedByGc", deltaPagesMoved);
        m.put("reconstructReads", reconstructReads);
        m.put("reconstructedBlocks", reconstructedBlocks);
        m.put("liveChains", liveChains);
        m.put("liveInlineDeltas", liveInlineDeltas);
        m.put("liveAreaDeltas", liveAreaDeltas);
        m.put("liveDeltaPages", liveDeltaPages);
        return m;
    }
}
