package org.hwsim.core.resource;

import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.Tally;
import org.hwsim.core.time.Time;

/**
 * A bandwidth-limited, first-come first-served link: a transfer of {@code n} bytes occupies the
 * link for {@code n / bandwidth} (serialisation, rounded up to a picosecond) after the transfers
 * ahead of it, then arrives {@code latencyPs} later (propagation, pipelined). This is the usual
 * latency-bandwidth (alpha-beta) model of a bus or interconnect (Hockney, Parallel Computing 20,
 * 1994).
 *
 * <p>Example: 1 GB/s and 100 ns latency; two 4,096-byte transfers issued together arrive at
 * 4.196 us and 8.292 us. Energy: {@code energyPerBytePj} per byte moved, charged to the
 * component's {@code "transfer"} action. Not thread-safe.
 */
public class Link {
    private final Simulator sim;
    private final String path;
    private final long latencyPs;
    private final double bandwidthBytesPerS;
    private final EnergyComponent energy;
    private final int transferAction;
    private final double energyPerBytePj;

    private final long createdPs;
    private long busyUntilPs;
    private long busyPs;
    private long bytesMoved;
    private long transfers;
    private final Tally waitPs;

    /**
     * @param latencyPs          propagation latency added to every transfer, {@code >= 0}
     * @param bandwidthBytesPerS serialisation bandwidth, finite and {@code > 0}
     * @param energyPerBytePj    energy per byte moved, finite and {@code >= 0}
     */
    public Link(Simulator sim, String path, long latencyPs, double bandwidthBytesPerS, double energyPerBytePj) {
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
        this.energy = sim.energy().component(path);
        this.transferAction = energy.defineAction(actionName(), energyPerBytePj);
        this.energyPerBytePj = energyPerBytePj;
        this.createdPs = sim.nowPs();
        this.busyUntilPs = createdPs;
        this.waitPs = new Tally(path + "/waitPs");
    }

    /** The name of the per-byte action in the energy ledger. */
    String actionName() {
        return "transfer";
    }

    /**
     * Queues a transfer of {@code sizeBytes} issued now.
     *
     * @param onArrival called at arrival with {@code arg} (may be {@code null})
     * @return the arrival time in ps
     */
    public long transfer(long sizeBytes, EventHandler onArrival, long arg) {
        return occupy(sizeBytes, transferAction, energyPerBytePj, onArrival, arg);
    }

    /** Reserves the link for {@code sizeBytes}, charging {@code action}; returns the arrival time. */
    long occupy(long sizeBytes, int action, double perBytePj, EventHandler onArrival, long arg) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException(path + ": sizeBytes must be >= 0: " + sizeBytes);
        }
        long now = sim.nowPs();
        long start = Math.max(now, busyUntilPs);
        long serialPs = Time.transferPs(sizeBytes, bandwidthBytesPerS);
        busyUntilPs = start + serialPs;
        busyPs += serialPs;
        bytesMoved += sizeBytes;
        transfers++;
        waitPs.add(start - now);
        energy.record(action, sizeBytes, sizeBytes * perBytePj);
        long arrivalPs = busyUntilPs + latencyPs;
        if (onArrival != null) {
            sim.scheduleAt(arrivalPs, 0, onArrival, arg);
        }
        return arrivalPs;
    }

    /** The component path. */
    public String path() {
        return path;
    }

    /** Fraction of time since creation the link spent serialising, in [0, 1]. */
    public double utilisation() {
        long elapsed = Math.max(sim.nowPs(), busyUntilPs) - createdPs;
        return elapsed == 0 ? 0 : (double) busyPs / elapsed;
    }

    /** Bytes moved so far. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** Transfers issued so far. */
    public long transfers() {
        return transfers;
    }

    /** Time transfers waited for the link, in ps. */
    public Tally waitTally() {
        return waitPs;
    }

    /** Time when the link becomes free. */
    public long busyUntilPs() {
        return busyUntilPs;
    }

    /** The configured bandwidth. */
    public double bandwidthBytesPerS() {
        return bandwidthBytesPerS;
    }

    /** The configured latency. */
    public long latencyPs() {
        return latencyPs;
    }
}
