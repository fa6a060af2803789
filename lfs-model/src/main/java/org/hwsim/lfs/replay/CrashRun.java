package org.hwsim.lfs.replay;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.core.report.Report;
import org.hwsim.lfs.fs.CrashChecker;
import org.hwsim.lfs.fs.FlashImage;
import org.hwsim.lfs.fs.Recovery;
import org.hwsim.lfs.workload.Workload;

/**
 * An {@code lfs run} with a power cut: pre-fill, attach a {@link FlashImage} cut at the crash
 * instant, replay the requests arriving before it, recover ({@link Recovery}), check ({@link
 * CrashChecker}) and add a {@code crash} section to the standard report.
 */
public final class CrashRun {
    /** Named stream the seeded crash instant is drawn from. */
    public static final String CRASH_STREAM = "lfs/crash/instant";

    private CrashRun() {
    }

    /**
     * Where the power is cut: at {@code atPs}, or (if {@code atPs} is null) at an instant drawn
     * uniformly over the expected arrival span of the run's requests, (warm-up + measured) / iops,
     * from stream {@value #CRASH_STREAM} of seed {@code seed}.
     *
     * @param atPs crash instant in ps, >= 0, or null
     * @param seed crash seed (used when {@code atPs} is null)
     */
    public record Plan(Long atPs, long seed) {
        /** Validates the instant. */
        public Plan {
            if (atPs != null && atPs < 0) {
                throw new IllegalArgumentException("crashAtPs must be >= 0: " + atPs);
            }
        }

        /** A cut at {@code ps}. */
        public static Plan at(long ps) {
            return new Plan(ps, 0);
        }

        /** A cut drawn from {@code seed}. */
        public static Plan seeded(long seed) {
            return new Plan(null, seed);
        }

        /** The crash instant for {@code config}. */
        long instantPs(LfsRun.Config config) {
            if (atPs != null) {
                return atPs;
            }
            if (!Workload.syntheticIds().contains(config.workload())) {
                throw new IllegalArgumentException("a seeded crash needs a synthetic workload (its span is known "
                        + "from --requests and --iops); for " + config.workload() + " give --crash-at-ps");
            }
            double spanPs = (config.warmupRequests() + config.requests()) / config.iops() * 1e12;
            return (long) (new RandomStreams(seed).stream(CRASH_STREAM).nextDouble() * spanPs);
        }
    }

    /** Runs {@code config} with the power cut of {@code plan}; the report carries a {@code crash} section. */
    public static Report run(LfsRun.Config config, Plan plan) {
        long crashPs = plan.instantPs(config);
        LfsRun run = LfsRun.prepare(config);
        FlashImage image = FlashImage.attach(run.fs(), crashPs);
        run.stopAt(crashPs);
        return run.runAndReport(b -> {
            Recovery.Result r = Recovery.mount(image);
            List<String> problems = CrashChecker.check(image, r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("crashAtPs", crashPs);
            m.put("crashAtSeconds", crashPs / 1e12);
            if (plan.atPs() == null) {
                m.put("crashSeed", plan.seed());
            }
            m.put("requestsBeforeCrash", run.replayed());
            m.put("programsPersisted", image.programsPersisted());
            m.put("pagesLostInFlight", image.pagesLostInFlight());
            m.put("programsNotStarted", image.programsNotStarted());
            m.put("erasesTorn", image.erasesTorn());
            m.put("checkpointsCompleted", image.checkpointsComplete());
            m.put("checkpointsLost", image.checkpointsLost());
            m.put("fsyncsAcknowledged", image.fsyncsComplete());
            m.putAll(r.toMap());
            if (r.deltaChains() >= 0) {
                m.put("deltaPagesTorn", image.deltaPagesTorn());
            }
            m.put("verdict", problems.isEmpty() ? "consistent" : "inconsistent");
            m.put("problems", problems);
            m.put("imageStateBytes", image.stateBytes());
            b.section("crash", m);
        });
    }
}
