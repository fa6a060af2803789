package org.hwsim.core.sweep;

import java.io.PrintStream;

/** Told after every finished sweep point; implementations must be quick. */
@FunctionalInterface
public interface SweepProgress {

    /**
     * @param done         points finished, including those skipped as already done
     * @param total        points in the sweep
     * @param failed       points that failed in this run
     * @param elapsedNanos wall-clock time since this run started
     */
    void update(int done, int total, int failed, long elapsedNanos);

    /** Reports nothing. */
    static SweepProgress none() {
        return (done, total, failed, elapsedNanos) -> { };
    }

    /**
     * A one-line text bar redrawn in place on {@code out}, e.g.
     * {@code [##########----------] 12/24 points, 1 failed, 0:42 elapsed, ETA 0:42}.
     */
    static SweepProgress textBar(PrintStream out) {
        return new TextProgressBar(out);
    }
}
