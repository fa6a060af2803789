package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hwsim.core.report.Report;
import org.hwsim.lfs.fs.DeltaConfig;
import org.hwsim.lfs.fs.LogFs;
import org.hwsim.lfs.replay.CrashRun;
import org.hwsim.lfs.replay.LfsRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hwsim lfs}: the log-structured flash file-system model. */
@Command(name = "lfs", mixinStandardHelpOptions = true,
        description = "F2FS-like log-structured file system on NAND flash (see docs/lfs.md).",
        subcommands = {LfsCommand.Run.class})
final class LfsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code hwsim lfs run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Pre-fills the file system in bulk to --utilization, replays a workload and writes the "
                    + "standard report (hostBytesWritten, flashBytesWritten, writeAmplification, gcPagesMoved, "
                    + "eraseCount, readLatencyUs and writeLatencyUs p50/p99, energyMj, simulatedSeconds).",
                "Block traces (disksim, msr, blkparse) run on the block layer: each traced device is one file "
                    + "of the file system, which acts as the translation layer."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--workload", defaultValue = "uniform", paramLabel = "W",
                description = "uniform | hotcold | sqlite | append | mix | trace:FILE (default: ${DEFAULT-VALUE}).")
        String workload;

        @Option(names = "--trace-format", defaultValue = "disksim", paramLabel = "F",
                description = "Format of trace:FILE: disksim (time_ns device lba sectors op; 0 = write, 1 = read), "
                        + "msr, blkparse, csv (timestampNs,op,file,offset,length[,contentSeed]) "
                        + "(default: ${DEFAULT-VALUE}).")
        String traceFormat;

        @Option(names = "--device-gib", defaultValue = "16", description = "Raw flash capacity in GiB (default: ${DEFAULT-VALUE}).")
        int deviceGib;

        @Option(names = "--flash", defaultValue = "mlc", description = "Timing preset slc | mlc | tlc (default: ${DEFAULT-VALUE}).")
        String flash;

        @Option(names = "--utilization", defaultValue = "0.8",
                description = "Share of the main area holding live data after the bulk pre-fill (default: ${DEFAULT-VALUE}).")
        double utilization;

        @Option(names = "--gc", defaultValue = "greedy",
                description = "Foreground cleaning policy greedy | cost-benefit (background cleaning is cost-benefit) "
                        + "(default: ${DEFAULT-VALUE}).")
        String gc;

        @Option(names = "--delta", defaultValue = "off",
                description = "DeltaFS delta compression on | off: overwrites stored as deltas in the inode's inline "
                        + "area or in delta pages (default: ${DEFAULT-VALUE}).")
        String delta;

        @Option(names = "--delta-codec", defaultValue = "xor-rle",
                description = "Delta encoder xor-rle | copy-add (default: ${DEFAULT-VALUE}).")
        String deltaCodec;

        @Option(names = "--delta-max-bytes", defaultValue = "1024",
                description = "Largest delta stored instead of a full page (default: ${DEFAULT-VALUE}).")
        int deltaMaxBytes;

        @Option(names = "--delta-merge", defaultValue = "on",
                description = "Overwrites of blocks whose deltas are in the delta area store one delta against the "
                        + "base in place of the chain, so reads need one delta page: on | off (default: ${DEFAULT-VALUE}).")
        String deltaMerge;

        @Option(names = "--delta-max-chain", defaultValue = "8",
                description = "Versions kept as deltas on a block before a full page is written again (default: ${DEFAULT-VALUE}).")
        int deltaMaxChain;

        @Option(names = "--delta-max-chain-bytes", defaultValue = "2048",
                description = "Delta bytes per block before a full page is written again (default: ${DEFAULT-VALUE}).")
        int deltaMaxChainBytes;

        @Option(names = "--requests", description = "Measured requests (default: 1000000; for trace: the whole trace).")
        Long requests;

        @Option(names = "--warmup-requests", defaultValue = "0",
                description = "Requests replayed before measuring, to reach steady state (default: ${DEFAULT-VALUE}).")
        long warmupRequests;

        @Option(names = "--iops", defaultValue = "1000",
                description = "Arrival rate of synthetic workloads, requests/s, Poisson (default: ${DEFAULT-VALUE}).")
        double iops;

        @Option(names = "--read-fraction", defaultValue = "0",
                description = "Share of reads in uniform, hotcold, sqlite and mix (default: ${DEFAULT-VALUE}).")
        double readFraction;

        @Option(names = "--threaded-logging", defaultValue = "off",
                description = "F2FS slack space recycling under space pressure on | off (default: ${DEFAULT-VALUE}).")
        String threadedLogging;

        @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--crash-at-ps", paramLabel = "T",
                description = "Cut the power at simulated instant T (ps since the first request), then recover "
                        + "(roll back to the newest complete checkpoint, roll forward fsynced nodes), check, and "
                        + "report a 'crash' section.")
        Long crashAtPs;

        @Option(names = "--crash", paramLabel = "SEED",
                description = "Like --crash-at-ps with the instant drawn uniformly over the run's expected arrival "
                        + "span ((warm-up + requests) / iops) from stream lfs/crash/instant of SEED "
                        + "(synthetic workloads).")
        Long crashSeed;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
        Path json;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Output folder for report.json and report.csv (default: ./hwsim-out/lfs-<timestamp> "
                        + "unless --json is given).")
        Path out;

        @Override
        public Integer call() {
            boolean trace = workload.startsWith("trace:");
            long n = requests != null ? requests : trace ? 0 : 1_000_000;
            LfsRun.Config config = new LfsRun.Config(workload, traceFormat, deviceGib, flash, utilization, gc,
                    onOff("--delta", delta), n, warmupRequests, seed, iops, readFraction,
                    onOff("--threaded-logging", threadedLogging),
                    new DeltaConfig(true, deltaCodec, deltaMaxBytes, deltaMaxChain, deltaMaxChainBytes,
                            LogFs.MAX_INLINE_BYTES, onOff("--delta-merge", deltaMerge)));
            if (crashAtPs != null && crashSeed != null) {
                throw new IllegalArgumentException("--crash-at-ps and --crash are exclusive: give one");
            }
            Report report = crashAtPs != null ? CrashRun.run(config, CrashRun.Plan.at(crashAtPs))
                    : crashSeed != null ? CrashRun.run(config, CrashRun.Plan.seeded(crashSeed)) : LfsRun.run(config);
            if (json != null) {
                report.writeJson(json);
            }
            Path dir = null;
            if (out != null || json == null) {
                dir = OutputDirs.orDefault(out, "lfs");
                report.writeJson(dir.resolve("report.json"));
                report.writeCsv(dir.resolve("report.csv"));
            }
            Map<String, Object> h = report.headline();
            var lat = report.json().get("latency");
            System.out.printf("hwsim lfs run: %s, %d GiB %s, utilization %.2f, gc %s, seed %d%n", workload, deviceGib,
                    flash, utilization, gc, seed);
            System.out.printf("  requests            %,d (%,d failed)%n", (Long) h.get("requests"),
                    (Long) h.get("failedRequests"));
            System.out.printf("  host / flash bytes  %,d / %,d%n", (Long) h.get("hostBytesWritten"),
                    (Long) h.get("flashBytesWritten"));
            System.out.printf("  write amplification %.3f (data blocks only %.3f)%n", h.get("writeAmplification"),
                    h.get("dataWriteAmplification"));
            System.out.printf("  gc pages moved      %,d, erases %,d%n", (Long) h.get("gcPagesMoved"),
                    (Long) h.get("eraseCount"));
            System.out.printf("  write latency       p50 %.1f us, p99 %.1f us%n",
                    lat.get("writeLatencyUs").get("p50").asDouble(), lat.get("writeLatencyUs").get("p99").asDouble());
            System.out.printf("  read latency        p50 %.1f us, p99 %.1f us%n",
                    lat.get("readLatencyUs").get("p50").asDouble(), lat.get("readLatencyUs").get("p99").asDouble());
            System.out.printf("  energy              %.3f mJ over %.3f simulated s%n", h.get("energyMj"),
                    h.get("simulatedSeconds"));
            var d = report.json().get("delta");
            if (d != null) {
                System.out.printf("  deltas              %,d inline, %,d in the delta area, %,d bytes saved, "
                        + "%,d chain rewrites, %,d reconstruct reads%n", d.get("deltasInline").asLong(),
                        d.get("deltasInDeltaArea").asLong(), d.get("bytesSaved").asLong(),
                        d.get("chainRewrites").asLong(), d.get("reconstructReads").asLong());
            }
            var crash = report.json().get("crash");
            if (crash != null) {
                System.out.printf("  crash               at %.6f s after %,d requests: %,d pages lost in flight, "
                        + "%,d checkpoints lost%n", crash.get("crashAtSeconds").asDouble(),
                        crash.get("requestsBeforeCrash").asLong(), crash.get("pagesLostInFlight").asLong(),
                        crash.get("checkpointsLost").asLong());
                System.out.printf("  recovery            checkpoint %d, %,d nodes rolled forward, %,d blocks recovered, "
                        + "%.1f us%n", crash.get("checkpointVersion").asLong(), crash.get("nodesRolledForward").asLong(),
                        crash.get("blocksRecovered").asLong(), crash.get("recoveryTimeUs").asDouble());
                if (crash.has("deltaChains")) {
                    System.out.printf("  delta recovery      %,d chains (%,d rolled forward, %,d of them inline), "
                            + "%,d dropped, %,d delta pages torn%n", crash.get("deltaChains").asLong(),
                            crash.get("deltaChainsRolledForward").asLong(), crash.get("inlineChainsRolledForward").asLong(),
                            crash.get("deltaChainsDropped").asLong(), crash.get("deltaPagesTorn").asLong());
                }
                System.out.println("  checker             " + crash.get("verdict").asText());
                for (var p : crash.get("problems")) {
                    System.out.println("    " + p.asText());
                }
            }
            if (json != null) {
                System.out.println("  report              " + json);
            }
            if (dir != null) {
                System.out.println("  report              " + dir.resolve("report.json") + " and report.csv");
            }
            // An inconsistent recovery is a defect of the model: exit 1 like any other.
            return crash != null && !"consistent".equals(crash.get("verdict").asText()) ? 1 : 0;
        }

        private static boolean onOff(String option, String v) {
            if ("on".equalsIgnoreCase(v)) {
                return true;
            }
            if ("off".equalsIgnoreCase(v)) {
                return false;
            }
            throw new IllegalArgumentException(option + " must be on or off: " + v);
        }
    }
}
