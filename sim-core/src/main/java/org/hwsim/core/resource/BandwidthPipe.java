package org.hwsim.core.resource;

import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.Tally;
import org.hwsim.core.time.Time;

/**
 * The first-come first-served latency-bandwidth core shared by {@link Link} and {@link Memory}:
 * each request waits for the requests ahead of it, serialises for {@code bytes / bandwidth}
 * (rounded up to a picosecond), and completes {@code latencyPs} later.
 */
final class BandwidthPipe {
    private final Simulator sim;
    private final String path;
    private final long latencyPs;
    private final double bandwidthBytesPerS;
    private final long createdPs;
    private long busyUntilPs;
    private long busyPs;
    private long bytesMoved;
    private long requests;
    private final Tally waitPs;

    BandwidthPipe(Simulator sim, String path, long latencyPs, double bandwidthBytesPerS) {
        if (latencyPs < 0) {
            throw new IllegalArgumentException(path + ": latencyPs must be >= 0: " + latencyPs);
        }
        if (!(bandwidthBytesPerS > 0) || Double.isInfinite(bandwidthBytesPerS)) {
            throw new IllegalArgumentException(path + ": bandwidthBytesPerS must be finite and > 0: " + bandwidthBytesPerS);
        }
        this.sim = sim;
        this.path = path;
        this.latencyPs = latencyPs;
        this.bandwidthBytesPerS = bandwidthBytesPerS;
        this.createdPs = sim.nowPs();
        this.busyUntilPs = createdPs;
        this.waitPs = new Tally(path + "/waitPs");
    }

    /** Reserves the pipe for {@code sizeBytes} issued now; returns the completion time. */
    long occupy(long sizeBytes, EventHandler onDone, long arg) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException(path + ": sizeBytes must be >= 0: " + sizeBytes);
        }
        long now = sim.nowPs();
        long start = Math.max(now, busyUntilPs);
        long serialPs = Time.transferPs(sizeBytes, bandwidthBytesPerS);
        busyUntilPs = start + serialPs;
        busyPs += serialPs;
        bytesMoved += sizeBytes;
        requests++;
        waitPs.add(start - now);
        long donePs = busyUntilPs + latencyPs;
        if (onDone != null) {
            sim.scheduleAt(donePs, 0, onDone, arg);
        }
        return donePs;
    }

    double utilisation() {
        long elapsed = Math.max(sim.nowPs(), busyUntilPs) - createdPs;
        return elapsed == 0 ? 0 : (double) busyPs / elapsed;
    }

    long bytesMoved() {
        return bytesMoved;
    }

    long requests() {
        return requests;
    }

    Tally waitTally() {
        return waitPs;
    }

    long busyUntilPs() {
        return busyUntilPs;
    }

    long latencyPs() {
        return latencyPs;
    }

    double bandwidthBytesPerS() {
        return bandwidthBytesPerS;
    }
}
