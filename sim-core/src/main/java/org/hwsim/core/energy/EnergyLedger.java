package org.hwsim.core.energy;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Every picojoule a simulation spends, charged to a hierarchical component path
 * ({@code "jetson/gpu/sm0"}): dynamic energy as action counts times energy per action, and static
 * power integrated over the time each component spends in each power state.
 *
 * <p>The ledger keeps a running total next to the per-component sums and
 * {@link #totalPj()} equals the sum of {@link EnergyComponent#totalPj()} over all components up to
 * floating-point rounding (tested to 1e-9 relative). Static energy is integrated when a component
 * changes power state and when {@link #settle()} is called (reports call it).
 *
 * <p>Units: energy in picojoules, power in milliwatts, time in picoseconds;
 * 1 mW for 1 ps is 1e-3 pJ. Not thread-safe; one ledger belongs to one simulator.
 */
public final class EnergyLedger {
    private final LongSupplier clockPs;
    private final SortedMap<String, EnergyComponent> components = new TreeMap<>();
    private double totalPj;

    /** A ledger reading simulated time from {@code clockPs} (usually {@code simulator::nowPs}). */
    public EnergyLedger(LongSupplier clockPs) {
        this.clockPs = Objects.requireNonNull(clockPs, "clockPs");
    }

    /**
     * The component at {@code path}, created (in power state {@code "off"} at 0 mW) on first use.
     *
     * @param path slash-separated, non-empty segments, e.g. {@code "phone/ufs/die3"}
     */
    public EnergyComponent component(String path) {
        EnergyComponent c = path == null ? null : components.get(path); // TreeMap.get(null) would throw an NPE
        if (c == null) {
            validatePath(path);
            c = new EnergyComponent(this, path, clockPs.getAsLong());
            components.put(path, c);
        }
        return c;
    }

    /**
     * The component at {@code path} with the actions and power states of {@code componentClass}
     * registered, so {@link EnergyComponent#action(String)} finds their energies.
     */
    public EnergyComponent component(String path, ActionEnergyTable.ComponentClass componentClass) {
        EnergyComponent c = component(path);
        componentClass.actionsPj().forEach(c::defineAction);
        componentClass.powerStatesMw().forEach(c::definePowerState);
        return c;
    }

    /** Integrates static power of every component up to the current simulated time. */
    public void settle() {
        long now = clockPs.getAsLong();
        for (EnergyComponent c : components.values()) {
            c.integrateTo(now);
        }
    }

    /** Total energy charged so far (call {@link #settle()} first to include open static intervals). */
    public double totalPj() {
        return totalPj;
    }

    /** Total energy of the components at {@code prefix} and below it ({@code ""} for everything). */
    public double subtreePj(String prefix) {
        double sum = 0;
        for (EnergyComponent c : subtree(prefix).values()) {
            sum += c.totalPj();
        }
        return sum;
    }

    /** Components at {@code prefix} and below it, by path. */
    public SortedMap<String, EnergyComponent> subtree(String prefix) {
        if (prefix.isEmpty()) {
            return components();
        }
        SortedMap<String, EnergyComponent> out = new TreeMap<>();
        for (Map.Entry<String, EnergyComponent> e : components.tailMap(prefix).entrySet()) {
            String p = e.getKey();
            if (!p.startsWith(prefix)) {
                break;
            }
            if (p.length() == prefix.length() || p.charAt(prefix.length()) == '/') {
                out.put(p, e.getValue());
            }
        }
        return out;
    }

    /** Every component, by path (read-only view). */
    public SortedMap<String, EnergyComponent> components() {
        return Collections.unmodifiableSortedMap(components);
    }

    long nowPs() {
        return clockPs.getAsLong();
    }

    void add(double energyPj) {
        totalPj += energyPj;
    }

    private static void validatePath(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException(
                    "component path must be non-empty segments separated by '/': '" + path + "'");
        }
    }
}
