package org.hwsim.lfs.fs;

import java.util.Arrays;
import java.util.List;
import org.hwsim.lfs.gc.SectionView;

/**
 * The segment information table (SIT) and the segment summary area (SSA) of the main area: per
 * block a valid bit now and at the last checkpoint and its owner; per segment a valid count and a
 * dirty bit (an SIT entry to write at the next checkpoint); per section a valid count, the age
 * clock of its youngest block, its state and the log it belongs to. {@link #validate} and {@link
 * #invalidate} are F2FS's {@code update_sit_entry}; cleaning policies see the sections through
 * {@link SectionView}.
 *
 * <p>Owners ({@code ssa}): a file block is {@code file << 32 | block}, a node {@link #NODE_OWNER}
 * {@code | nid}, a delta page {@link DeltaStore#isDeltaOwner a delta owner}; -1 is none.
 *
 * <p>Not thread-safe.
 */
final class SegmentTable implements SectionView {
    /** Section states. */
    static final byte FREE = 0;
    static final byte OPEN = 1;
    static final byte FULL = 2;
    static final byte PREFREE = 3;
    /** A full section reused by threaded logging (F2FS's SSR). */
    static final byte SSR = 4;
    /** Owner bit of a node block in the summary. */
    static final long NODE_OWNER = Long.MIN_VALUE;

    private static final int BLOCKS_PER_SEGMENT = LogFs.BLOCKS_PER_SEGMENT;

    final int bps;
    final int sections;
    /** SIT bitmaps: valid now, and valid at the last checkpoint or written since. */
    final long[] valid;
    final long[] ckptValid;
    final short[] segValid;
    final int[] secValid;
    final long[] secMtime;
    final byte[] secState;
    /** The {@code CURSEG_*} log a section was opened for. */
    final byte[] secLog;
    /** Segment summaries: the owner of each main block, -1 if none. */
    final long[] ssa;
    /** Segments whose SIT entry changed since the last checkpoint, as bits and in order. */
    final long[] dirtySegBits;
    int[] dirtySegs = new int[64];
    int dirtySegCount;
    long validTotal;
    int prefreeCount;
    /** Age clock: blocks validated so far. */
    long clock;

    SegmentTable(int sections, int bps) {
        this.sections = sections;
        this.bps = bps;
        long mainBlocks = (long) sections * bps;
        this.valid = new long[(int) ((mainBlocks + 63) >>> 6)];
        this.ckptValid = new long[valid.length];
        int mainSegs = (int) (mainBlocks / BLOCKS_PER_SEGMENT);
        this.segValid = new short[mainSegs];
        this.dirtySegBits = new long[(mainSegs + 63) >>> 6];
        this.secValid = new int[sections];
        this.secMtime = new long[sections];
        this.secState = new byte[sections];
        this.secLog = new byte[sections];
        this.ssa = new long[(int) mainBlocks];
        Arrays.fill(ssa, -1L);
    }

    // ---------------------------------------------------------------- SectionView

    @Override
    public int sections() {
        return sections;
    }

    @Override
    public int blocksPerSection() {
        return bps;
    }

    @Override
    public boolean isCandidate(int section) {
        return secState[section] == FULL;
    }

    @Override
    public int validBlocks(int section) {
        return secValid[section];
    }

    @Override
    public long lastModified(int section) {
        return secMtime[section];
    }

    @Override
    public long clock() {
        return clock;
    }

    // ---------------------------------------------------------------- update_sit_entry

    /** Marks block {@code a} valid with {@code owner}; throws if it is valid already (a defect). */
    void validate(int a, long owner) {
        int w = a >>> 6;
        long bit = 1L << a;
        if ((valid[w] & bit) != 0) {
            throw new IllegalStateException("block " + a + " is already valid (owner " + ssa[a] + ")");
        }
        valid[w] |= bit;
        // F2FS update_sit_entry: "SSR should never reuse block which is checkpointed or newly
        // invalidated", so a block written since the checkpoint is kept until the next one.
        ckptValid[w] |= bit;
        ssa[a] = owner;
        int seg = a / BLOCKS_PER_SEGMENT;
        segValid[seg]++;
        int sec = a / bps;
        secValid[sec]++;
        secMtime[sec] = clock++;
        validTotal++;
        markSegDirty(seg);
    }

    /** Marks block {@code a} invalid; a full section left empty becomes pre-free. */
    void invalidate(int a) {
        int w = a >>> 6;
        long bit = 1L << a;
        if ((valid[w] & bit) == 0) {
            throw new IllegalStateException("block " + a + " is already invalid");
        }
        valid[w] &= ~bit;
        int seg = a / BLOCKS_PER_SEGMENT;
        segValid[seg]--;
        int sec = a / bps;
        validTotal--;
        markSegDirty(seg);
        if (--secValid[sec] == 0 && secState[sec] == FULL) {
            secState[sec] = PREFREE;
            prefreeCount++;
        }
    }

    private void markSegDirty(int seg) {
        int w = seg >>> 6;
        long bit = 1L << seg;
        if ((dirtySegBits[w] & bit) == 0) {
            dirtySegBits[w] |= bit;
            if (dirtySegCount == dirtySegs.length) {
                dirtySegs = Arrays.copyOf(dirtySegs, dirtySegCount * 2);
            }
            dirtySegs[dirtySegCount++] = seg;
        }
    }

    /** A log finished writing section {@code s}: full, or pre-free if nothing in it is valid. */
    void closeSection(int s) {
        if (secValid[s] == 0) {
            secState[s] = PREFREE;
            prefreeCount++;
        } else {
            secState[s] = FULL;
        }
    }

    /**
     * The SIT entries of the dirty segments are now on flash: their checkpoint bitmaps take the
     * current ones and no segment is dirty.
     */
    void commitDirtySegments() {
        for (int i = 0; i < dirtySegCount; i++) {
            int seg = dirtySegs[i];
            int w0 = seg * BLOCKS_PER_SEGMENT >>> 6;
            System.arraycopy(valid, w0, ckptValid, w0, BLOCKS_PER_SEGMENT >>> 6);
            dirtySegBits[seg >>> 6] &= ~(1L << seg);
        }
        dirtySegCount = 0;
    }

    // ---------------------------------------------------------------- queries

    /** True if section {@code s} has a block invalid now and at the last checkpoint (an SSR slot). */
    boolean hasSsrSlot(int s) {
        int w0 = s * bps >>> 6;
        for (int w = w0; w < w0 + (bps >>> 6); w++) {
            if ((valid[w] | ckptValid[w]) != -1L) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the first valid block of section {@code sec}, 0 if none. */
    int firstValidOffset(int sec) {
        int w0 = sec * bps >>> 6;
        for (int w = w0; w < w0 + (bps >>> 6); w++) {
            if (valid[w] != 0) {
                return ((w - w0) << 6) + Long.numberOfTrailingZeros(valid[w]);
            }
        }
        return 0;
    }

    /** Valid blocks in sections of the data logs. */
    long liveDataBlocks() {
        long n = 0;
        for (int s = 0; s < sections; s++) {
            if (secLog[s] <= LogFs.COLD_DATA) {
                n += secValid[s];
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- mount and checks

    /**
     * Validates block {@code a} for {@code owner} while rebuilding the SIT at mount; a block outside
     * the main area or claimed twice is listed in {@code problems} and keeps its first owner.
     */
    void claim(int a, long owner, List<String> problems) {
        if (a < 0 || a >= ssa.length) {
            addProblem(problems, "owner " + owner + " points outside the main area: " + a);
        } else if ((valid[a >>> 6] & (1L << a)) != 0) {
            addProblem(problems, "block " + a + " owned twice: by " + ssa[a] + " and " + owner);
        } else {
            validate(a, owner);
        }
    }

    /** Records that {@code what} reaches block {@code x} as {@code owner}; lists disagreements with the SIT and SSA. */
    void reach(List<String> problems, long[] seen, int x, long owner, String what) {
        long bit = 1L << x;
        if ((seen[x >>> 6] & bit) != 0) {
            addProblem(problems, what + ": block " + x + " reached twice");
        }
        seen[x >>> 6] |= bit;
        if ((valid[x >>> 6] & bit) == 0) {
            addProblem(problems, what + ": block " + x + " is not valid in the SIT");
        }
        if (ssa[x] != owner) {
            addProblem(problems, what + ": summary of block " + x + " names owner " + ssa[x] + ", expected " + owner);
        }
    }

    /** Checks the counters against the bitmaps: total, per segment, per section; free sections hold nothing. */
    void checkCounts(List<String> problems, int segmentsPerSection) {
        long bits = 0;
        for (long w : valid) {
            bits += Long.bitCount(w);
        }
        if (bits != validTotal) {
            addProblem(problems, "SIT bitmap has " + bits + " valid blocks, counters say " + validTotal);
        }
        for (int seg = 0; seg < segValid.length; seg++) {
            int c = 0;
            int w0 = seg * BLOCKS_PER_SEGMENT >>> 6;
            for (int w = w0; w < w0 + (BLOCKS_PER_SEGMENT >>> 6); w++) {
                c += Long.bitCount(valid[w]);
            }
            if (c != segValid[seg]) {
                addProblem(problems, "segment " + seg + ": SIT count " + segValid[seg] + " != bitmap " + c);
            }
        }
        for (int s = 0; s < sections; s++) {
            int c = 0;
            for (int seg = s * segmentsPerSection; seg < (s + 1) * segmentsPerSection; seg++) {
                c += segValid[seg];
            }
            if (c != secValid[s]) {
                addProblem(problems, "section " + s + ": count " + secValid[s] + " != segments " + c);
            }
            if ((secState[s] == FREE) && c != 0) {
                addProblem(problems, "free section " + s + " holds " + c + " valid blocks");
            }
        }
    }

    /** Bytes held by the arrays. */
    long stateBytes() {
        return 8L * (valid.length + ckptValid.length + ssa.length + dirtySegBits.length + secMtime.length)
                + 2L * segValid.length + 4L * secValid.length + 2L * sections;
    }

    /** Adds {@code p} to {@code problems} unless 20 are listed already. */
    static void addProblem(List<String> problems, String p) {
        if (problems.size() < 20) {
            problems.add(p);
        }
    }
}
