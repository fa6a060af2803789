package org.hwsim.core.sweep;

import java.io.PrintStream;

/** A carriage-return progress bar with the rate of this run's points and an ETA. */
final class TextProgressBar implements SweepProgress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private int firstDone = -1;

    TextProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(int done, int total, int failed, long elapsedNanos) {
        if (firstDone < 0) {
            firstDone = done;
        }
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder sb = new StringBuilder("\r[");
        sb.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
        sb.append(done).append('/').append(total).append(" points");
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        double seconds = elapsedNanos / 1e9;
        sb.append(", ").append(clock(seconds)).append(" elapsed");
        int ranHere = done - firstDone;
        if (ranHere > 0 && done < total) {
            sb.append(", ETA ").append(clock(seconds / ranHere * (total - done)));
        }
        out.print(sb);
        if (done == total) {
            out.println();
        }
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
