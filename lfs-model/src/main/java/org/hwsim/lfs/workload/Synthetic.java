package org.hwsim.lfs.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.core.workload.IoOp;
import org.hwsim.lfs.fs.ContentModel;
import org.hwsim.lfs.fs.LogFs;

/** The synthetic generators. Arrivals are Poisson at the given rate (ziggurat exponential gaps). */
abstract class Synthetic implements Workload {
    static final int BLOCK = LogFs.BLOCK_BYTES;
    final String id;
    final UniformRandomProvider rng;
    final ZigguratSampler.Exponential gaps;
    final double meanGapPs;
    long clockPs;

    Synthetic(String id, RandomStreams random, double iops) {
        this.id = id;
        this.rng = random.stream("lfs/workload/" + id);
        this.gaps = ZigguratSampler.Exponential.of(random.stream("lfs/workload/" + id + "/arrivals"));
        this.meanGapPs = 1e12 / iops;
    }

    @Override
    public String id() {
        return id;
    }

    long nextArrival() {
        clockPs += (long) (gaps.sample() * meanGapPs);
        return clockPs;
    }

    @Override
    public final boolean next(Request r) {
        r.arrivalPs = nextArrival();
        fill(r);
        return true;
    }

    /** Fills everything but the arrival time. */
    abstract void fill(Request r);

    /** Live blocks the workload's files should hold at {@code utilization}. */
    static long liveBlocks(LogFs fs, double utilization) {
        if (!(utilization > 0 && utilization < 1)) {
            throw new IllegalArgumentException("utilization must be in (0, 1): " + utilization);
        }
        long blocks = (long) (utilization * fs.mainBlocks());
        long max = fs.userCapacityBlocks() - fs.userCapacityBlocks() / 500 - 16;
        if (blocks > max) {
            throw new IllegalArgumentException("utilization must be at most " + String.format("%.3f",
                    (double) max / fs.mainBlocks()) + " on this device (the rest is the cleaning reserve, the "
                    + "six open logs and node blocks): " + utilization);
        }
        return blocks;
    }

    /**
     * Random 4 KiB overwrites of one pre-filled file: uniform when {@code hotShare} is 0, otherwise
     * a share {@code hotShare} of the writes goes to the first {@code hotFraction} of the blocks.
     * Each overwrite is the next version of the block's current content (read from the file
     * system's content ids: base b + 1, one more small edit), as an application updating a record
     * in place writes it.
     */
    static final class Overwrite extends Synthetic {
        private final double readFraction;
        private final double hotShare;
        private final double hotFraction;
        private int file;
        private long blocks;
        private long hotBlocks;
        private LogFs fs;

        Overwrite(String id, RandomStreams random, double iops, double readFraction, double hotShare,
                  double hotFraction) {
            super(id, random, iops);
            this.readFraction = readFraction;
            this.hotShare = hotShare;
            this.hotFraction = hotFraction;
        }

        @Override
        public void prepare(LogFs fs, double utilization) {
            this.fs = fs;
            blocks = liveBlocks(fs, utilization);
            file = fs.prefill("/data/" + id + ".dat", blocks * BLOCK);
            hotBlocks = Math.max(1, (long) (blocks * hotFraction));
        }

        @Override
        void fill(Request r) {
            long b;
            if (hotShare > 0) {
                b = rng.nextDouble() < hotShare ? rng.nextLong(hotBlocks) : hotBlocks + rng.nextLong(blocks - hotBlocks);
            } else {
                b = rng.nextLong(blocks);
            }
            if (readFraction > 0 && rng.nextDouble() < readFraction) {
                r.set(IoOp.READ, file, b * BLOCK, BLOCK, 0);
            } else {
                // The next version of the block's content: one small in-place edit (ContentModel).
                int v = ContentModel.version(fs.contentId(file, b)) + 1;
                r.set(IoOp.WRITE, file, b * BLOCK, BLOCK, ContentModel.id(b + 1, Math.min(v, (1 << ContentModel.VERSION_BITS) - 1)));
            }
        }
    }

    /**
     * SQLite in WAL mode (Android's default journal mode): a write transaction appends 1-4 frames
     * (a 24-byte header plus a 4 KiB page, so frames straddle blocks) to {@code app.db-wal} and
     * fsyncs it; every 1,000 frames a checkpoint copies the latest version of each page into
     * {@code app.db} in place, fsyncs it and restarts the WAL from its 32-byte header. A read
     * transaction reads 1-4 random pages. Page updates are small edits of the previous version
     * ({@link ContentModel}). The database is 64 MiB (or less on a small device); a cold media file
     * holds the rest of the pre-fill.
     */
    static final class Sqlite extends Synthetic {
        static final int FRAME = 24 + BLOCK;
        static final int WAL_HEADER = 32;
        static final int CHECKPOINT_FRAMES = 1000;
        private final double readFraction;
        private int db;
        private int wal;
        private int dbPages;
        private int[] pageVersion;
        private int[] walPages = new int[CHECKPOINT_FRAMES + 8];
        private int walFrames;
        private final int[] pending = new int[8];
        private int pendingLen;
        private int pendingPos;
        private int ckptPos = -1;
        private boolean fsyncNext;
        private int fsyncTarget;
        private int readsLeft;

        Sqlite(RandomStreams random, double iops, double readFraction) {
            super("sqlite", random, iops);
            this.readFraction = readFraction;
        }

        @Override
        public void prepare(LogFs fs, double utilization) {
            long live = liveBlocks(fs, utilization);
            prepareFiles(fs, (int) Math.min(16384, Math.max(64, live / 4)));
            long rest = live - dbPages - CHECKPOINT_FRAMES - 16;
            if (rest > 0) {
                fs.prefill("/data/media/prefill.mp4", rest * BLOCK);
            }
        }

        private void prepareFiles(LogFs fs, int pages) {
            dbPages = pages;
            db = fs.prefill("/data/app.db", (long) dbPages * BLOCK);
            wal = fs.openOrCreate("/data/app.db-wal");
            pageVersion = new int[dbPages];
        }

        @Override
        void prepareFilesOnly(LogFs fs) {
            prepareFiles(fs, (int) Math.min(16384, Math.max(64, fs.mainBlocks() / 64)));
        }

        @Override
        void fill(Request r) {
            if (fsyncNext) {
                fsyncNext = false;
                r.set(IoOp.FSYNC, fsyncTarget, 0, 0, 0);
                return;
            }
            if (ckptPos >= 0) {
                if (ckptPos < walFrames) {
                    int p = walPages[ckptPos++];
                    r.set(IoOp.WRITE, db, (long) p * BLOCK, BLOCK, ContentModel.id(p + 1, pageVersion[p]));
                    return;
                }
                ckptPos = -1;
                walFrames = 0;
                fsyncNext = false;
                r.set(IoOp.FSYNC, db, 0, 0, 0);
                return;
            }
            if (readsLeft > 0) {
                readsLeft--;
                r.set(IoOp.READ, db, (long) rng.nextInt(dbPages) * BLOCK, BLOCK, 0);
                return;
            }
            if (pendingPos < pendingLen) {
                int p = pending[pendingPos++];
                long off = WAL_HEADER + (long) walFrames * FRAME;
                walPages[walFrames++] = p;
                pageVersion[p] = Math.min(pageVersion[p] + 1, (1 << ContentModel.VERSION_BITS) - 1);
                r.set(IoOp.WRITE, wal, off, FRAME, ContentModel.id(p + 1, pageVersion[p]));
                if (pendingPos == pendingLen) {
                    fsyncNext = true;
                    fsyncTarget = wal;
                    if (walFrames >= CHECKPOINT_FRAMES) {
                        ckptPos = 0;
                    }
                }
                return;
            }
            // A new transaction.
            int n = 1 + rng.nextInt(4);
            if (rng.nextDouble() < readFraction) {
                readsLeft = n - 1;
                r.set(IoOp.READ, db, (long) rng.nextInt(dbPages) * BLOCK, BLOCK, 0);
                return;
            }
            pendingLen = n;
            pendingPos = 0;
            // Hot pages: half the updates hit the first 1/16 of the database (indexes, counters).
            for (int i = 0; i < n; i++) {
                pending[i] = rng.nextBoolean() ? rng.nextInt(Math.max(1, dbPages / 16)) : rng.nextInt(dbPages);
            }
            fill(r);
        }
    }

    /**
     * Append-only logs: records of 128 B to 4 KiB appended to {@code app.log.K}, fsync every 8
     * records; at 16 MiB the other log is discarded (trim) and becomes the current one.
     */
    static final class Append extends Synthetic {
        static final long ROTATE_BYTES = 16L << 20;
        private final int[] logs = new int[2];
        private int current;
        private long offset;
        private int records;
        private boolean fsyncNext;
        private boolean trimNext;
        private long seq;

        Append(RandomStreams random, double iops) {
            super("append", random, iops);
        }

        @Override
        public void prepare(LogFs fs, double utilization) {
            long live = liveBlocks(fs, utilization);
            prepareFilesOnly(fs);
            long rest = live - 2 * (ROTATE_BYTES / BLOCK) - 16;
            if (rest > 0) {
                fs.prefill("/data/media/prefill.mp4", rest * BLOCK);
            }
        }

        @Override
        void prepareFilesOnly(LogFs fs) {
            logs[0] = fs.openOrCreate("/data/log/app.log.0");
            logs[1] = fs.openOrCreate("/data/log/app.log.1");
        }

        @Override
        void fill(Request r) {
            if (fsyncNext) {
                fsyncNext = false;
                r.set(IoOp.FSYNC, logs[current], 0, 0, 0);
                return;
            }
            if (trimNext) {
                trimNext = false;
                r.set(IoOp.TRIM, logs[current], 0, ROTATE_BYTES + BLOCK, 0);
                return;
            }
            int len = 128 + rng.nextInt(BLOCK - 127);
            r.set(IoOp.WRITE, logs[current], offset, len, ContentModel.id(++seq, 0));
            offset += len;
            if (++records % 8 == 0) {
                fsyncNext = true;
            }
            if (offset >= ROTATE_BYTES) {
                current ^= 1;
                offset = 0;
                trimNext = true;
            }
        }
    }

    /**
     * A mix: each request comes from SQLite (50%), append (20%) or hot/cold overwrites (30%) of a
     * media-like file holding the rest of the pre-fill; each keeps its own sequence.
     */
    static final class Mix extends Synthetic {
        private final Sqlite sqlite;
        private final Append append;
        private final Overwrite hotcold;

        Mix(RandomStreams random, double iops, double readFraction) {
            super("mix", random, iops);
            this.sqlite = new Sqlite(random, iops, readFraction);
            this.append = new Append(random, iops);
            this.hotcold = new Overwrite("mix-hotcold", random, iops, readFraction, 0.9, 0.1);
        }

        @Override
        public void prepare(LogFs fs, double utilization) {
            long live = liveBlocks(fs, utilization);
            long dbAndLogs = Math.min(16384, Math.max(64, fs.mainBlocks() / 64)) + 2 * (Append.ROTATE_BYTES / BLOCK) + Sqlite.CHECKPOINT_FRAMES + 64;
            double shareLeft = Math.max(0.01, (double) (live - dbAndLogs) / fs.mainBlocks());
            hotcold.prepare(fs, shareLeft);
            sqlite.prepareFilesOnly(fs);
            append.prepareFilesOnly(fs);
        }

        @Override
        void fill(Request r) {
            double u = rng.nextDouble();
            Synthetic g = u < 0.5 ? sqlite : u < 0.7 ? append : hotcold;
            g.fill(r);
        }
    }

    /** For {@link Mix}: create the files without the media pre-fill. */
    void prepareFilesOnly(LogFs fs) {
        throw new UnsupportedOperationException();
    }
}
