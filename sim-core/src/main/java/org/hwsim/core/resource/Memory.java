package org.hwsim.core.resource;

import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;

/**
 * A memory with an access latency and a bandwidth shared by all accesses: an access of {@code n}
 * bytes waits for the accesses ahead of it, streams for {@code n / bandwidth} and completes
 * {@code accessLatencyPs} later (the latency-bandwidth model of {@link Link}, with reads and
 * writes charged separately). Energies per byte read and written go to the ledger's
 * {@code "read"} and {@code "write"} actions of the component. Not thread-safe.
 */
public final class Memory extends Link {
    private final int readAction;
    private final int writeAction;
    private final double readEnergyPerBytePj;
    private final double writeEnergyPerBytePj;

    /**
     * @param accessLatencyPs      latency of every access, {@code >= 0}
     * @param bandwidthBytesPerS   shared bandwidth, finite and {@code > 0}
     * @param readEnergyPerBytePj  energy per byte read, {@code >= 0}
     * @param writeEnergyPerBytePj energy per byte written, {@code >= 0}
     */
    public Memory(Simulator sim, String path, long accessLatencyPs, double bandwidthBytesPerS,
                  double readEnergyPerBytePj, double writeEnergyPerBytePj) {
        super(sim, path, accessLatencyPs, bandwidthBytesPerS, 0.0);
        var component = sim.energy().component(path);
        this.readAction = component.defineAction("read", readEnergyPerBytePj);
        this.writeAction = component.defineAction("write", writeEnergyPerBytePj);
        this.readEnergyPerBytePj = readEnergyPerBytePj;
        this.writeEnergyPerBytePj = writeEnergyPerBytePj;
    }

    @Override
    String actionName() {
        return "access";
    }

    /** Reads {@code sizeBytes} issued now; returns the completion time and calls back then. */
    public long read(long sizeBytes, EventHandler onDone, long arg) {
        return occupy(sizeBytes, readAction, readEnergyPerBytePj, onDone, arg);
    }

    /** Writes {@code sizeBytes} issued now; returns the completion time and calls back then. */
    public long write(long sizeBytes, EventHandler onDone, long arg) {
        return occupy(sizeBytes, writeAction, writeEnergyPerBytePj, onDone, arg);
    }
}
