package org.hwsim.lfs.flash;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.energy.EnergyLedger;

/**
 * A NAND device whose planes and channels are busy-until resources.
 *
 * <p>Addresses are device page numbers; page {@code p} lives on plane {@code p % planes} in block
 * {@code p / pagesPerSuperblock} of that plane (superblock striping, see {@link FlashGeometry}).
 * Each operation is issued with a ready time and returns its completion time in picoseconds:
 * <ul>
 *   <li>program: channel transfer from {@code max(ready, channelFree)}, then the plane programs
 *       from {@code max(transferEnd, planeFree)};</li>
 *   <li>read: the plane reads from {@code max(ready, planeFree)}, then the channel transfers from
 *       {@code max(readEnd, channelFree)};</li>
 *   <li>erase of a superblock: every plane erases its block from {@code max(ready, planeFree)}.</li>
 * </ul>
 * Each plane and each channel serves its commands one at a time in issue order (an in-order
 * command queue per resource, as MQSim's transaction scheduling unit does per chip when commands
 * are not reordered). For issue orders with non-decreasing ready times per resource this is exactly
 * what a first-come-first-served event simulation of the same resources gives, which a test checks
 * against the kernel's {@code ServerQueue}. Planes are independent units (ideal multi-plane
 * operation); a die has no further constraint.
 *
 * <p>State is compact: one bit per page (programmed or erased, so a program of a programmed page
 * without an erase is caught), one {@code int} erase count per block, two {@code long} arrays of
 * busy-until times. A 256 GiB device of 4 KiB pages needs 8 MiB of page bits. Operation counts are
 * kept as {@code long} counters and charged to the energy ledger in aggregate by {@link
 * #chargeEnergy(EnergyLedger, String)} (dynamic energy is count x energy per operation, so the
 * ledger's figures equal per-operation recording).
 *
 * <p>Not thread-safe.
 */
public final class FlashDevice {
    private final FlashGeometry geometry;
    private final FlashTiming timing;
    private final int planes;
    private final int pagesPerSuperblock;
    private final int[] channelOfPlane;
    private final long[] planeFreePs;
    private final long[] channelFreePs;
    private final long[] programmed;
    private final int[] eraseCounts;
    private final long transferPs;
    private final int pageBytes;
    private long reads;
    private long programs;
    private long erases;
    private long transferBytes;
    private long overwrites;
    private long lastCompletionPs;

    private FlashDevice(FlashGeometry geometry, FlashTiming timing) {
        this.geometry = geometry;
        this.timing = timing;
        this.planes = geometry.planes();
        this.pagesPerSuperblock = geometry.pagesPerSuperblock();
        this.channelOfPlane = new int[planes];
        int planesPerChannel = planes / geometry.channels();
        for (int p = 0; p < planes; p++) {
            channelOfPlane[p] = p / planesPerChannel;
        }
        this.planeFreePs = new long[planes];
        this.channelFreePs = new long[geometry.channels()];
        this.programmed = new long[(int) ((geometry.pages() + 63) >>> 6)];
        this.eraseCounts = new int[(int) geometry.blocks()];
        this.pageBytes = geometry.pageSizeBytes();
        this.transferPs = timing.transferPs(pageBytes);
    }

    /** A fresh (fully erased, idle) device. */
    public static FlashDevice create(FlashGeometry geometry, FlashTiming timing) {
        return new FlashDevice(geometry, timing);
    }

    /** The geometry. */
    public FlashGeometry geometry() {
        return geometry;
    }

    /** The timing preset. */
    public FlashTiming timing() {
        return timing;
    }

    /**
     * Programs page {@code page}, which must be erased, with data ready at {@code readyPs}.
     *
     * @return the completion time in ps
     * @throws IllegalStateException if the page is already programmed
     */
    public long program(long page, long readyPs) {
        int w = (int) (page >>> 6);
        long bit = 1L << page;
        if ((programmed[w] & bit) != 0) {
            throw new IllegalStateException("flash: program of page " + page + " which is programmed and not erased");
        }
        programmed[w] |= bit;
        return programTimed(page, readyPs);
    }

    /**
     * Programs page {@code page} whether or not it is programmed: a write that an FTL below the
     * file system would remap (used for F2FS's in-place metadata areas and threaded logging,
     * which assume a conventional FTL-managed device). Counted in {@link #overwrites()}.
     */
    public long programRemapped(long page, long readyPs) {
        int w = (int) (page >>> 6);
        long bit = 1L << page;
        if ((programmed[w] & bit) != 0) {
            overwrites++;
        }
        programmed[w] |= bit;
        return programTimed(page, readyPs);
    }

    private long programTimed(long page, long readyPs) {
        int p = (int) (page % planes);
        int c = channelOfPlane[p];
        long s = Math.max(readyPs, channelFreePs[c]);
        long e = s + transferPs;
        channelFreePs[c] = e;
        long ps = Math.max(e, planeFreePs[p]);
        long done = ps + timing.programPs();
        planeFreePs[p] = done;
        programs++;
        transferBytes += pageBytes;
        if (done > lastCompletionPs) {
            lastCompletionPs = done;
        }
        return done;
    }

    /** Reads page {@code page} from {@code readyPs}; returns the completion time in ps. */
    public long read(long page, long readyPs) {
        int p = (int) (page % planes);
        long s = Math.max(readyPs, planeFreePs[p]);
        long r = s + timing.readPs();
        planeFreePs[p] = r;
        int c = channelOfPlane[p];
        long cs = Math.max(r, channelFreePs[c]);
        long done = cs + transferPs;
        channelFreePs[c] = done;
        reads++;
        transferBytes += pageBytes;
        if (done > lastCompletionPs) {
            lastCompletionPs = done;
        }
        return done;
    }

    /** Erases superblock {@code superblock} (one block per plane); returns the completion time in ps. */
    public long eraseSuperblock(int superblock, long readyPs) {
        if (superblock < 0 || superblock >= geometry.blocksPerPlane()) {
            throw new IllegalArgumentException("superblock must be in [0, " + geometry.blocksPerPlane() + "): "
                    + superblock);
        }
        long done = readyPs;
        for (int p = 0; p < planes; p++) {
            long s = Math.max(readyPs, planeFreePs[p]);
            long e = s + timing.erasePs();
            planeFreePs[p] = e;
            done = Math.max(done, e);
            eraseCounts[p * geometry.blocksPerPlane() + superblock]++;
        }
        erases += planes;
        long first = (long) superblock * pagesPerSuperblock;
        for (long pg = first; pg < first + pagesPerSuperblock; pg++) {
            programmed[(int) (pg >>> 6)] &= ~(1L << pg);
        }
        if (done > lastCompletionPs) {
            lastCompletionPs = done;
        }
        return done;
    }

    /**
     * Marks the pages {@code [firstPage, firstPage + count)} programmed without timing or counting
     * them: the bulk pre-fill that brings a device to a given occupancy before a measured run (like
     * MQSim's preconditioning).
     */
    public void preconditionProgrammed(long firstPage, long count) {
        for (long pg = firstPage; pg < firstPage + count; pg++) {
            programmed[(int) (pg >>> 6)] |= 1L << pg;
        }
    }

    /** True if the page is programmed (not erased). */
    public boolean isProgrammed(long page) {
        return (programmed[(int) (page >>> 6)] & (1L << page)) != 0;
    }

    /** Array reads so far. */
    public long reads() {
        return reads;
    }

    /** Page programs so far. */
    public long programs() {
        return programs;
    }

    /** Block erases so far (a superblock erase counts one per plane). */
    public long erases() {
        return erases;
    }

    /** Bytes moved over the channels so far. */
    public long transferBytes() {
        return transferBytes;
    }

    /** Programs of an already programmed page through {@link #programRemapped}. */
    public long overwrites() {
        return overwrites;
    }

    /** Completion time of the latest operation so far, in ps. */
    public long lastCompletionPs() {
        return lastCompletionPs;
    }

    /** Erase count of block {@code block} of plane {@code plane}. */
    public int eraseCount(int plane, int block) {
        return eraseCounts[plane * geometry.blocksPerPlane() + block];
    }

    /** A summary of erase counts over all blocks. */
    public WearReport wearReport() {
        long sum = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int c : eraseCounts) {
            sum += c;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        double mean = (double) sum / eraseCounts.length;
        double var = 0;
        for (int c : eraseCounts) {
            var += (c - mean) * (c - mean);
        }
        return new WearReport(eraseCounts.length, sum, min, max, mean,
                Math.sqrt(var / eraseCounts.length));
    }

    /**
     * Charges the operations counted since {@code since} to {@code ledger}: actions {@code read},
     * {@code program}, {@code erase} on {@code path + "/array"} and {@code transferByte} on {@code
     * path + "/channels"}, at the preset's energy per operation. Because dynamic energy is count x
     * energy per operation, one aggregate charge equals charging each operation as it happens (a
     * test checks the ledger against the hand-computed sum).
     */
    public void chargeEnergy(EnergyLedger ledger, String path, Counters since) {
        EnergyComponent array = ledger.component(path + "/array");
        int r = array.defineAction("read", timing.readPj());
        int pr = array.defineAction("program", timing.programPj());
        int er = array.defineAction("erase", timing.erasePj());
        array.record(r, reads - since.reads());
        array.record(pr, programs - since.programs());
        array.record(er, erases - since.erases());
        EnergyComponent ch = ledger.component(path + "/channels");
        int t = ch.defineAction("transferByte", timing.transferPjPerByte());
        ch.record(t, transferBytes - since.transferBytes());
    }

    /** Puts the array component of {@code path} into its idle power state from now on. */
    public void enterIdle(EnergyLedger ledger, String path) {
        EnergyComponent array = ledger.component(path + "/array");
        array.definePowerState("idle", timing.idlePowerMwPerDie() * geometry.dies());
        array.enterPowerState("idle");
    }

    /** A snapshot of the operation counters. */
    public Counters counters() {
        return new Counters(reads, programs, erases, transferBytes);
    }

    /** Operation counters at one instant. */
    public record Counters(long reads, long programs, long erases, long transferBytes) {
        /** All zero. */
        public static Counters zero() {
            return new Counters(0, 0, 0, 0);
        }
    }

    /** Wear figures for reports. */
    public record WearReport(long blocks, long totalErases, int minEraseCount, int maxEraseCount,
                             double meanEraseCount, double stddevEraseCount) {
        /** As an ordered map for a report section. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("blocks", blocks);
            m.put("totalErases", totalErases);
            m.put("minEraseCount", minEraseCount);
            m.put("maxEraseCount", maxEraseCount);
            m.put("meanEraseCount", meanEraseCount);
            m.put("stddevEraseCount", stddevEraseCount);
            return m;
        }
    }
}
