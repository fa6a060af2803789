package org.hwsim.lfs.fs;

import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.gc.VictimPolicy;

/**
 * Block allocation: the six active logs (F2FS's current segments, {@code CURSEG_HOT_DATA} to
 * {@code CURSEG_COLD_NODE}) and the FIFO of free sections they take new sections from. A log
 * appends to its open section; when it fills, the log takes a free section ({@code
 * new_curseg}), and a host write first runs foreground cleaning if free sections fell below the
 * reserve. Below the threaded-logging threshold a data log instead reuses the invalid slots of the
 * greedy victim (slack space recycling, F2FS's {@code SSR} with {@code get_ssr_segment}): slots
 * invalid now and at the last checkpoint, in address order.
 *
 * <p>Not thread-safe.
 */
final class LogAllocator {
    private final LogFs fs;
    private final SegmentTable sit;
    private final FlashDevice dev;
    private final int bps;
    private final int sections;
    private final int metaSections;
    private final int reserved;
    private final int ssrFree;
    private final boolean threadedLogging;
    private final boolean discard;

    /** Free sections, FIFO. */
    private final int[] freeRing;
    private int freeHead;
    int freeCount;

    /** Per log: its section, the next offset in it, and whether it is a threaded-logging (SSR) section. */
    final int[] logSec = new int[6];
    final int[] logOff = new int[6];
    private final boolean[] logSsr = new boolean[6];
    /** Segments the logs filled since the last checkpoint: their summary blocks go with it. */
    long segmentsClosedSinceCp;
    /** Blocks written into threaded-logging slots. */
    long ssrWrites;

    LogAllocator(LogFs fs, SegmentTable sit, FlashDevice dev, FsConfig config, int metaSections, int reserved,
                 int ssrFree) {
        this.fs = fs;
        this.sit = sit;
        this.dev = dev;
        this.bps = sit.bps;
        this.sections = sit.sections;
        this.metaSections = metaSections;
        this.reserved = reserved;
        this.ssrFree = ssrFree;
        this.threadedLogging = config.threadedLogging();
        this.discard = config.discard();
        this.freeRing = new int[sections];
        for (int s = 0; s < sections; s++) {
            freeRing[s] = s;
        }
        this.freeCount = sections;
    }

    /** Opens a fresh section for each of the six logs (format). */
    void openLogs() {
        for (int log = 0; log < 6; log++) {
            logSec[log] = takeFree();
            sit.secState[logSec[log]] = SegmentTable.OPEN;
            sit.secLog[logSec[log]] = (byte) log;
            logOff[log] = 0;
        }
    }

    private int takeFree() {
        if (freeCount == 0) {
            throw new IllegalStateException("no free section (reserve exhausted): a defect");
        }
        int s = freeRing[freeHead];
        freeHead = (freeHead + 1) % sections;
        freeCount--;
        return s;
    }

    /** Appends section {@code s} to the free FIFO. */
    void putFree(int s) {
        freeRing[(freeHead + freeCount) % sections] = s;
        freeCount++;
    }

    /**
     * Rebuilds the section states and the free FIFO from the SIT of a mounted state: empty sections
     * are free (erased at {@code nowPs} if discard is on and they hold programmed pages), the others
     * full, assigned to the log of their first valid block's owner ({@code dataLog} per file).
     */
    void rebuildSections(byte[] dataLog, long nowPs) {
        freeHead = 0;
        freeCount = 0;
        for (int sec = 0; sec < sections; sec++) {
            if (sit.secValid[sec] == 0) {
                sit.secState[sec] = SegmentTable.FREE;
                putFree(sec);
                long first = fs.page(sec * bps);
                boolean dirty = false;
                for (int i = 0; i < bps && !dirty; i++) {
                    dirty = dev.isProgrammed(first + i);
                }
                if (dirty && discard) {
                    fs.hook.sectionErased(sec, dev.eraseSuperblock(metaSections + sec, nowPs));
                }
            } else {
                sit.secState[sec] = SegmentTable.FULL;
                long owner = sit.ssa[sec * bps + sit.firstValidOffset(sec)];
                sit.secLog[sec] = (byte) (DeltaStore.isDeltaOwner(owner) ? LogFs.HOT_DATA
                        : owner < 0 ? LogFs.WARM_NODE : dataLog[(int) (owner >>> 32)]);
            }
        }
    }

    /** Gives each of the six logs a new section (mount, after {@link #rebuildSections}). */
    void reopenLogs() {
        for (int log = 0; log < 6; log++) {
            newSection(log, false);
        }
    }

    /** Next block of {@code log}; {@code host} writes may trigger foreground cleaning first. */
    int alloc(int log, boolean host) {
        while (true) {
            if (logSsr[log]) {
                int a = nextSsrSlot(log);
                if (a >= 0) {
                    return a;
                }
            }
            if (logOff[log] < bps) {
                break;
            }
            newSection(log, host);
        }
        int a = logSec[log] * bps + logOff[log]++;
        if ((logOff[log] & (LogFs.BLOCKS_PER_SEGMENT - 1)) == 0) {
            segmentsClosedSinceCp++;
        }
        if (logOff[log] == bps) {
            sit.closeSection(logSec[log]);
        }
        return a;
    }

    /**
     * Gives {@code log} a new section: after foreground cleaning if a host write finds free
     * sections below the reserve, a threaded-logging victim if allowed, after a checkpoint if only
     * pre-free sections are left; a free section (erased now unless discard erased it when freed).
     */
    void newSection(int log, boolean host) {
        logSsr[log] = false;
        if (host && !fs.inGc) {
            if (freeCount < reserved) {
                long end = fs.cleaner.foregroundGc(fs.opReadyPs);
                fs.opReadyPs = Math.max(fs.opReadyPs, end);
                if (logOff[log] < bps) {
                    return; // cleaning or its checkpoint already gave this log a section
                }
            }
            if (threadedLogging && log <= LogFs.COLD_DATA && freeCount < ssrFree) {
                int victim = VictimPolicy.greedy().selectVictim(sit);
                if (victim >= 0 && sit.hasSsrSlot(victim)) {
                    sit.secState[victim] = SegmentTable.SSR;
                    sit.secLog[victim] = (byte) log;
                    logSec[log] = victim;
                    logOff[log] = 0;
                    logSsr[log] = true;
                    return;
                }
            }
        }
        if (freeCount == 0 && sit.prefreeCount > 0 && !fs.inGc) {
            long end = fs.checkpoint(fs.opReadyPs);
            fs.opReadyPs = Math.max(fs.opReadyPs, end);
            if (logOff[log] < bps) {
                return;
            }
        }
        int s = takeFree();
        if (!discard) {
            long erased = dev.eraseSuperblock(metaSections + s, fs.opReadyPs);
            fs.hook.sectionErased(s, erased);
            fs.opReadyPs = Math.max(fs.opReadyPs, erased);
        }
        sit.secState[s] = SegmentTable.OPEN;
        sit.secLog[s] = (byte) log;
        logSec[log] = s;
        logOff[log] = 0;
    }

    /** Next slot of a threaded-logging section: invalid now and at the last checkpoint. */
    private int nextSsrSlot(int log) {
        int s = logSec[log];
        int base = s * bps;
        long[] valid = sit.valid;
        long[] ckptValid = sit.ckptValid;
        for (int off = logOff[log]; off < bps; off++) {
            int a = base + off;
            long bit = 1L << a;
            if ((valid[a >>> 6] & bit) == 0 && (ckptValid[a >>> 6] & bit) == 0) {
                logOff[log] = off + 1;
                ssrWrites++;
                return a;
            }
        }
        logOff[log] = bps;
        sit.closeSection(s);
        logSsr[log] = false;
        return -1;
    }

    /**
     * Blocks of the sections that hold data in the log rotation (the written part of open
     * sections, full and threaded-logging sections of the three data logs).
     */
    long dataRotationBlocks() {
        long n = 0;
        for (int s = 0; s < sections; s++) {
            byte st = sit.secState[s];
            if ((st == SegmentTable.FULL || st == SegmentTable.SSR) && sit.secLog[s] <= LogFs.COLD_DATA) {
                n += bps;
            } else if (st == SegmentTable.OPEN && sit.secLog[s] <= LogFs.COLD_DATA) {
                n += logSec[sit.secLog[s]] == s ? logOff[sit.secLog[s]] : bps;
            }
        }
        return n;
    }

    /** Bytes held by the free FIFO. */
    long stateBytes() {
        return 4L * freeRing.length;
    }
}
