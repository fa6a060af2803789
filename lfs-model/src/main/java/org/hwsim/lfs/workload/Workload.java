package org.hwsim.lfs.workload;

import java.util.List;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.lfs.fs.LogFs;

/** A source of requests for a {@link LogFs}. */
public interface Workload {
    /** Stable id ({@code uniform}, {@code hotcold}, {@code sqlite}, {@code append}, {@code mix}, {@code trace}). */
    String id();

    /**
     * Creates and bulk pre-fills the workload's files so that live data is {@code utilization} of
     * the file system's main area, and resolves file ids. Called once, before {@link #next}.
     */
    void prepare(LogFs fs, double utilization);

    /** Fills {@code r} with the next request; false when the workload is exhausted. */
    boolean next(Request r);

    /** Ids of the synthetic workloads. */
    static List<String> syntheticIds() {
        return List.of("uniform", "hotcold", "sqlite", "append", "mix");
    }

    /**
     * A synthetic workload by id with arrivals at {@code iops} per second (exponential gaps) and a
     * share {@code readFraction} of reads where the workload has a choice, drawing from streams
     * {@code "lfs/workload/<id>..."} of {@code random}.
     */
    static Workload synthetic(String id, RandomStreams random, double iops, double readFraction) {
        if (!(iops > 0) || Double.isInfinite(iops)) {
            throw new IllegalArgumentException("iops must be finite and > 0: " + iops);
        }
        if (!(readFraction >= 0 && readFraction <= 1)) {
            throw new IllegalArgumentException("readFraction must be in [0, 1]: " + readFraction);
        }
        switch (id) {
            case "uniform": return new Synthetic.Overwrite("uniform", random, iops, readFraction, 0.0, 0.0);
            case "hotcold": return new Synthetic.Overwrite("hotcold", random, iops, readFraction, 0.9, 0.1);
            case "sqlite": return new Synthetic.Sqlite(random, iops, readFraction);
            case "append": return new Synthetic.Append(random, iops);
            case "mix": return new Synthetic.Mix(random, iops, readFraction);
            default:
                throw new IllegalArgumentException("workload must be one of " + syntheticIds()
                        + " or trace:FILE: " + id);
        }
    }
}
