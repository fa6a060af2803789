package org.hwsim.lfs.replay;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.stats.LatencyHistogram;
import org.hwsim.core.time.Time;
import org.hwsim.lfs.flash.FlashDevice;
import org.hwsim.lfs.flash.FlashGeometry;
import org.hwsim.lfs.flash.FlashTiming;
import org.hwsim.lfs.fs.DeltaConfig;
import org.hwsim.lfs.fs.DeltaStats;
import org.hwsim.lfs.fs.FsConfig;
import org.hwsim.lfs.fs.IoResult;
import org.hwsim.lfs.fs.LogFs;
import org.hwsim.lfs.gc.VictimPolicy;
import org.hwsim.lfs.trace.TraceFormat;
import org.hwsim.lfs.workload.Request;
import org.hwsim.lfs.workload.TraceWorkload;
import org.hwsim.lfs.workload.Workload;

/** One {@code lfs run}: configuration, replay, report. */
public final class LfsRun {
    /** Energy-ledger path of the flash device. */
    public static final String FLASH_PATH = "lfs/flash";

    private final Config config;
    private final Simulator sim;
    private final FlashDevice dev;
    private final LogFs fs;
    private final Workload workload;
    private final Request req = new Request();
    private final LatencyHistogram readLatency = new LatencyHistogram("readLatencyUs");
    private final LatencyHistogram writeLatency = new LatencyHistogram("writeLatencyUs");
    private final LatencyHistogram fsyncLatency = new LatencyHistogram("fsyncLatencyUs");
    private long lastArrivalPs;
    private long replayed;
    private long stopAtPs = Long.MAX_VALUE;
    private boolean stopped;

    /**
     * Every input of a run.
     *
     * @param workload {@code uniform|hotcold|sqlite|append|mix} or {@code trace:FILE}
     * @param traceFormat {@code disksim|msr|blkparse|csv} for a trace (ignored otherwise)
     * @param deviceGib raw flash capacity in GiB, in [1, 4096]
     * @param flash timing preset {@code slc|mlc|tlc}
     * @param utilization share of the main area holding live data after the pre-fill, in (0, 1)
     * @param gc foreground cleaning policy {@code greedy|cost-benefit}
     * @param delta DeltaFS delta compression on (the options in {@code deltaOptions}) or off (baseline)
     * @param requests measured requests (for a trace, at most; 0 = the whole trace)
     * @param warmupRequests requests replayed before measuring (not counted), >= 0
     * @param seed master seed
     * @param iops arrival rate of synthetic workloads, requests per second, > 0
     * @param readFraction share of reads in uniform/hotcold/sqlite/mix, in [0, 1]
     * @param threadedLogging F2FS slack space recycling under space pressure
     * @param deltaOptions codec and thresholds of delta compression (its {@code enabled} flag is
     *     replaced by {@code delta})
     */
    public record Config(String workload, String traceFormat, int deviceGib, String flash, double utilization,
                         String gc, boolean delta, long requests, long warmupRequests, long seed, double iops,
                         double readFraction, boolean threadedLogging, DeltaConfig deltaOptions) {
        /** Validates every field. */
        public Config {
            if (workload == null || workload.isBlank()) {
                throw new IllegalArgumentException("workload must be one of " + Workload.syntheticIds()
                        + " or trace:FILE: " + workload);
            }
            if (!workload.startsWith("trace:") && !Workload.syntheticIds().contains(workload)) {
                throw new IllegalArgumentException("workload must be one of " + Workload.syntheticIds()
                        + " or trace:FILE: " + workload);
            }
            if (workload.startsWith("trace:")) {
                if (workload.length() == 6) {
                    throw new IllegalArgumentException("workload trace:FILE needs a file name: " + workload);
                }
                TraceFormat.byId(traceFormat);
            }
            if (deviceGib < 1 || deviceGib > 4096) {
                throw new IllegalArgumentException("deviceGib must be in [1, 4096]: " + deviceGib);
            }
            FlashTiming.byId(flash);
            if (!(utilization > 0 && utilization < 1)) {
                throw new IllegalArgumentException("utilization must be in (0, 1): " + utilization);
            }
            VictimPolicy.byId(gc);
            if (deltaOptions == null) {
                throw new IllegalArgumentException("deltaOptions must not be null; use DeltaConfig.defaults()");
            }
            deltaOptions = deltaOptions.withEnabled(delta);
            if (requests < 0) {
                throw new IllegalArgumentException("requests must be >= 0: " + requests);
            }
            if (requests == 0 && !workload.startsWith("trace:")) {
                throw new IllegalArgumentException("requests must be >= 1 for a synthetic workload: " + requests);
            }
            if (warmupRequests < 0) {
                throw new IllegalArgumentException("warmupRequests must be >= 0: " + warmupRequests);
            }
            if (!(iops > 0) || Double.isInfinite(iops)) {
                throw new IllegalArgumentException("iops must be finite and > 0: " + iops);
            }
            if (!(readFraction >= 0 && readFraction <= 1)) {
                throw new IllegalArgumentException("readFraction must be in [0, 1]: " + readFraction);
            }
        }

        /** A run with the default delta options ({@link DeltaConfig#defaults()}) when {@code delta} is on. */
        public Config(String workload, String traceFormat, int deviceGib, String flash, double utilization,
                      String gc, boolean delta, long requests, long warmupRequests, long seed, double iops,
                      double readFraction, boolean threadedLogging) {
            this(workload, traceFormat, deviceGib, flash, utilization, gc, delta, requests, warmupRequests, seed,
                    iops, readFraction, threadedLogging, DeltaConfig.defaults());
        }

        /** Defaults for {@code workload}: 16 GiB MLC, 80% utilization, greedy, 1,000,000 requests, seed 1. */
        public static Config defaults(String workload) {
            return new Config(workload, "disksim", 16, "mlc", 0.8, "greedy", false, 1_000_000, 0, 1, 1000, 0.0,
                    false);
        }
    }

    private LfsRun(Config config) {
        this.config = config;
        this.sim = Simulator.create(config.seed());
        this.dev = FlashDevice.create(FlashGeometry.forCapacityGib(config.deviceGib()),
                FlashTiming.byId(config.flash()));
        this.fs = LogFs.format(dev, FsConfig.defaults().withForegroundGc(config.gc())
                .withThreadedLogging(config.threadedLogging()).withDelta(config.deltaOptions()));
        if (config.workload().startsWith("trace:")) {
            this.workload = TraceWorkload.of(Path.of(config.workload().substring(6)),
                    TraceFormat.byId(config.traceFormat()));
        } else {
            this.workload = Workload.synthetic(config.workload(), sim.random(), config.iops(), config.readFraction());
        }
        workload.prepare(fs, config.utilization());
    }

    /** Builds the device and file system and pre-fills them (no request replayed yet). */
    public static LfsRun prepare(Config config) {
        return new LfsRun(config);
    }

    /** Runs {@code config} to its end and returns the report. */
    public static Report run(Config config) {
        return prepare(config).runAndReport();
    }

    /** The file system (for tests and studies). */
    public LogFs fs() {
        return fs;
    }

    /**
     * Replays up to {@code n} requests; returns how many were replayed (fewer when the workload
     * ends). Allocation-free for synthetic workloads.
     */
    public long replay(long n) {
        Request r = req;
        long done = 0;
        while (done < n && !stopped && workload.next(r)) {
            if (r.arrivalPs > stopAtPs) {
                stopped = true; // power is off: this request and the rest never reach the file system
                break;
            }
            apply(r);
            done++;
        }
        replayed += done;
        return done;
    }

    private void apply(Request r) {
        if (r.arrivalPs > lastArrivalPs) {
            lastArrivalPs = r.arrivalPs;
        }
        if (r.outOfRange) {
            fs.recordRejected(IoResult.ERANGE);
            return;
        }
        if (r.file < 0) {
            fs.recordRejected(IoResult.ENOENT);
            return;
        }
        switch (r.op) {
            case WRITE -> {
                if (fs.write(r.file, r.offsetBytes, r.lengthBytes, r.contentId, r.arrivalPs) == IoResult.OK) {
                    writeLatency.recordPs(fs.lastLatencyPs());
                }
            }
            case READ -> {
                if (fs.read(r.file, r.offsetBytes, r.lengthBytes, r.arrivalPs) == IoResult.OK) {
                    readLatency.recordPs(fs.lastLatencyPs());
                }
            }
            case TRIM -> fs.trim(r.file, r.offsetBytes, r.lengthBytes, r.arrivalPs);
            case FSYNC -> {
                if (fs.fsync(r.file, r.arrivalPs) == IoResult.OK) {
                    fsyncLatency.recordPs(fs.lastLatencyPs());
                }
            }
            default -> throw new IllegalStateException("unknown op " + r.op);
        }
    }

    /**
     * Replays only requests arriving at or before {@code ps} (a power cut); later calls to
     * {@link #replay} return 0 once a request past it is reached.
     */
    public void stopAt(long ps) {
        this.stopAtPs = ps;
    }

    /** Requests replayed so far (warm-up included). */
    public long replayed() {
        return replayed;
    }

    /** Warm-up, measured replay and the report. */
    public Report runAndReport() {
        return runAndReport(b -> {
        });
    }

    /** Warm-up, measured replay and the report, with {@code more} adding to it before it is built. */
    public Report runAndReport(java.util.function.Consumer<Report.Builder> more) {
        replay(config.warmupRequests());
        readLatency.reset();
        writeLatency.reset();
        fsyncLatency.reset();
        LogFs.Stats s0 = fs.stats();
        DeltaStats d0 = fs.deltaStats();
        FlashDevice.Counters c0 = dev.counters();
        long startPs = Math.max(lastArrivalPs, dev.lastCompletionPs());
        sim.runUntil(startPs);
        dev.enterIdle(sim.energy(), FLASH_PATH);
        long measured = replay(config.requests() == 0 ? Long.MAX_VALUE : config.requests());
        long endPs = Math.max(startPs, Math.max(lastArrivalPs, dev.lastCompletionPs()));
        sim.runUntil(endPs);
        dev.chargeEnergy(sim.energy(), FLASH_PATH, c0);
        LogFs.Stats s = fs.stats().minus(s0);
        FlashDevice.Counters c = dev.counters();
        long programs = c.programs() - c0.programs();
        long flashBytes = programs * LogFs.BLOCK_BYTES;
        long host = s.hostBytesWritten();
        long elapsedPs = endPs - startPs;
        Report.Builder b = Report.builder("lfs run", config.seed()).config(config).simulatedPs(elapsedPs);
        b.metric("hostBytesWritten", host);
        b.metric("flashBytesWritten", flashBytes);
        b.metric("writeAmplification", host == 0 ? Double.NaN : (double) flashBytes / host);
        b.metric("gcPagesMoved", s.gcDataMoved() + s.gcNodeMoved());
        b.metric("eraseCount", c.erases() - c0.erases());
        sim.energy().settle();
        b.metric("energyMj", sim.energy().subtreePj(FLASH_PATH) * 1e-9);
        b.metric("simulatedSeconds", Time.psToS(elapsedPs));
        b.metric("requests", measured);
        b.metric("dataWriteAmplification", s.hostDataPrograms() == 0 ? Double.NaN
                : (double) (s.hostDataPrograms() + s.gcDataMoved()) / s.hostDataPrograms());
        b.metric("nodeBytesWritten", s.nodePrograms() * LogFs.BLOCK_BYTES);
        b.metric("metaBytesWritten", s.metaPrograms() * LogFs.BLOCK_BYTES);
        long errors = 0;
        for (IoResult r : IoResult.values()) {
            if (r != IoResult.OK) {
                errors += s.resultCounts()[r.ordinal()];
            }
        }
        b.metric("failedRequests", errors);
        b.latency("readLatencyUs", readLatency, Time.PS_PER_US);
        b.latency("writeLatencyUs", writeLatency, Time.PS_PER_US);
        b.latency("fsyncLatencyUs", fsyncLatency, Time.PS_PER_US);
        b.energy(sim.energy());
        b.section("fs", s.toMap());
        b.section("wear", dev.wearReport().toMap());
        if (config.delta()) {
            b.section("delta", fs.deltaStats().minus(d0).toMap());
        }
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("geometry", dev.geometry());
        layout.put("flashPreset", dev.timing().id());
        layout.put("superblock", fs.superblock());
        layout.put("fsConfig", fs.effectiveConfig());
        layout.put("userCapacityBlocks", fs.userCapacityBlocks());
        layout.put("liveBlocksAtEnd", fs.validBlocks());
        layout.put("warmupRequests", config.warmupRequests());
        // the model's own arrays (flash page bits, NAT, SIT, owner map, node trees), per simulated GiB
        layout.put("modelStateBytes", fs.stateBytes());
        layout.put("modelStateMibPerGib", fs.stateBytes() / 1048576.0 / config.deviceGib());
        b.section("layout", layout);
        more.accept(b);
        return b.build();
    }
}
