package org.hwsim.core.resource;

import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.Tally;

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
public final class Link {
    private final String path;
    private final BandwidthPipe pipe;
    private final EnergyComponent energy;
    private final int transferAction;

    /**
     * @param latencyPs          propagation latency added to every transfer, {@code >= 0}
     * @param bandwidthBytesPerS serialisation bandwidth, finite and {@code > 0}
     * @param energyPerBytePj    energy per byte moved, finite and {@code >= 0}
     */
    public Link(Simulator sim, String path, long latencyPs, double bandwidthBytesPerS, double energyPerBytePj) {
        this.path = path;
        this.pipe = new BandwidthPipe(sim, path, latencyPs, bandwidthBytesPerS);
        this.energy = sim.energy().component(path);
        this.transferAction = energy.defineAction("transfer", energyPerBytePj);
    }

    /**
     * Queues a transfer of {@code sizeBytes} issued now.
     *
     * @param onArrival called at arrival with {@code arg} (may be {@code null})
     * @return the arrival time in ps
     */
    public long transfer(long sizeBytes, EventHandler onArrival, long arg) {
        long arrivalPs = pipe.occupy(sizeBytes, onArrival, arg);
        energy.record(transferAction, sizeBytes);
        return arrivalPs;
    }

    /** The component path. */
    public String path() {
        return path;
    }

    /** Fraction of time since creation the link spent serialising, in [0, 1]. */
    public double utilisation() {
        return pipe.utilisation();
    }

    /** Bytes moved so far. */
    public long bytesMoved() {
        return pipe.bytesMoved();
    }

    /** Transfers issued so far. */
    public long transfers() {
        return pipe.requests();
    }

    /** Time transfers waited for the link, in ps. */
    public Tally waitTally() {
        return pipe.waitTally();
    }

    /** Time when the link becomes free. */
    public long busyUntilPs() {
        return pipe.busyUntilPs();
    }

    /** The configured bandwidth. */
    public double bandwidthBytesPerS() {
        return pipe.bandwidthBytesPerS();
    }

    /** The configured latency. */
    public long latencyPs() {
        return pipe.latencyPs();
    }
}
