package org.hwsim.core.resource;

import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.Tally;

/**
 * A memory with an access latency and a bandwidth shared by all accesses: an access of {@code n}
 * bytes waits for the accesses ahead of it, streams for {@code n / bandwidth} and completes
 * {@code accessLatencyPs} later (the latency-bandwidth model of {@link Link}). Energies per byte
 * read and written go to the ledger's {@code "read"} and {@code "write"} actions of the component.
 * Not thread-safe.
 */
public final class Memory {
    private final String path;
    private final BandwidthPipe pipe;
    private final EnergyComponent energy;
    private final int readAction;
    private final int writeAction;

    /**
     * @param accessLatencyPs      latency of every access, {@code >= 0}
     * @param bandwidthBytesPerS   shared bandwidth, finite and {@code > 0}
     * @param readEnergyPerBytePj  energy per byte read, {@code >= 0}
     * @param writeEnergyPerBytePj energy per byte written, {@code >= 0}
     */
    public Memory(Simulator sim, String path, long accessLatencyPs, double bandwidthBytesPerS,
                  double readEnergyPerBytePj, double writeEnergyPerBytePj) {
        this.path = path;
        this.pipe = new BandwidthPipe(sim, path, accessLatencyPs, bandwidthBytesPerS);
        this.energy = sim.energy().component(path);
        this.readAction = energy.defineAction("read", readEnergyPerBytePj);
        this.writeAction = energy.defineAction("write", writeEnergyPerBytePj);
    }

    /** Reads {@code sizeBytes} issued now; returns the completion time and calls back then. */
    public long read(long sizeBytes, EventHandler onDone, long arg) {
        long done = pipe.occupy(sizeBytes, onDone, arg);
        energy.record(readAction, sizeBytes);
        return done;
    }

    /** Writes {@code sizeBytes} issued now; returns the completion time and calls back then. */
    public long write(long sizeBytes, EventHandler onDone, long arg) {
        long done = pipe.occupy(sizeBytes, onDone, arg);
        energy.record(writeAction, sizeBytes);
        return done;
    }

    /** The component path. */
    public String path() {
        return path;
    }

    /** Fraction of time since creation the memory spent streaming, in [0, 1]. */
    public double utilisation() {
        return pipe.utilisation();
    }

    /** Bytes read and written so far. */
    public long bytesMoved() {
        return pipe.bytesMoved();
    }

    /** Time accesses waited for the memory, in ps. */
    public Tally waitTally() {
        return pipe.waitTally();
    }
}
