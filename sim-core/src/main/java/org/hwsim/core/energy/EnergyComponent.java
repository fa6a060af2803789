package org.hwsim.core.energy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy account of one component in an {@link EnergyLedger}: per-action counts and energies
 * (dynamic) and time and energy per power state (static).
 *
 * <p>Hot paths register an action once ({@link #action(String)} returns an id) and then call
 * {@link #record(int, long)}; nothing is allocated per record. NaN, infinite or negative energies
 * and powers throw at once with the component path, the action and the value.
 */
public final class EnergyComponent {
    /** Power state 0 of every component: {@code "off"} at 0 mW. */
    public static final String OFF = "off";

    private final EnergyLedger ledger;
    private final String path;

    private final Map<String, Integer> actionIds = new HashMap<>();
    private String[] actionNames = new String[4];
    private double[] actionEnergyPj = new double[4];
    private long[] actionCounts = new long[4];
    private double[] actionTotalPj = new double[4];
    private int actionCount;

    private final Map<String, Integer> stateIds = new HashMap<>();
    private String[] stateNames = new String[4];
    private double[] statePowerMw = new double[4];
    private long[] stateTimePs = new long[4];
    private double[] stateEnergyPj = new double[4];
    private int stateCount;
    private int currentState;
    private long stateSincePs;

    private double dynamicPj;
    private double staticPj;

    EnergyComponent(EnergyLedger ledger, String path, long nowPs) {
        this.ledger = ledger;
        this.path = path;
        this.stateSincePs = nowPs;
        definePowerState(OFF, 0.0);
    }

    /** The component's path in the ledger. */
    public String path() {
        return path;
    }

    /**
     * Registers (or redefines) an action and its energy per occurrence.
     *
     * @return the action's id for {@link #record(int, long)}
     */
    public int defineAction(String action, double energyPerActionPj) {
        checkEnergy(action, energyPerActionPj);
        Integer id = actionIds.get(action);
        if (id == null) {
            id = actionCount++;
            if (id == actionNames.length) {
                int cap = id * 2;
                actionNames = Arrays.copyOf(actionNames, cap);
                actionEnergyPj = Arrays.copyOf(actionEnergyPj, cap);
                actionCounts = Arrays.copyOf(actionCounts, cap);
                actionTotalPj = Arrays.copyOf(actionTotalPj, cap);
            }
            actionIds.put(action, id);
            actionNames[id] = action;
        }
        actionEnergyPj[id] = energyPerActionPj;
        return id;
    }

    /** The id of a registered action; throws naming the component and the action if unknown. */
    public int action(String action) {
        Integer id = actionIds.get(action);
        if (id == null) {
            throw new IllegalArgumentException(path + ": unknown action '" + action + "'; defined: "
                    + actionIds.keySet());
        }
        return id;
    }

    /** Charges {@code count} occurrences of an action at its registered energy. */
    public void record(int actionId, long count) {
        record(actionId, count, count * actionEnergyPj[actionId]);
    }

    /**
     * Charges {@code count} occurrences of an action with an explicit total energy (for actions
     * whose energy depends on their arguments, e.g. an ADC conversion at a given resolution).
     */
    public void record(int actionId, long count, double energyPj) {
        if (count < 0) {
            throw new IllegalArgumentException(path + ": action '" + actionNames[actionId]
                    + "': count must be >= 0: " + count);
        }
        checkEnergy(actionNames[actionId], energyPj);
        actionCounts[actionId] += count;
        actionTotalPj[actionId] += energyPj;
        dynamicPj += energyPj;
        ledger.add(energyPj);
    }

    /** Convenience for cold paths: charges an action by name, defining it at 0 pJ if new. */
    public void recordPj(String action, long count, double energyPj) {
        Integer id = actionIds.get(action);
        record(id != null ? id : defineAction(action, 0.0), count, energyPj);
    }

    /** Registers (or redefines) a power state and its static power; returns its id. */
    public int definePowerState(String state, double powerMw) {
        if (Double.isNaN(powerMw) || Double.isInfinite(powerMw) || powerMw < 0) {
            throw new IllegalArgumentException(path + ": power state '" + state
                    + "': powerMw must be finite and >= 0: " + powerMw);
        }
        Integer id = stateIds.get(state);
        if (id == null) {
            id = stateCount++;
            if (id == stateNames.length) {
                int cap = id * 2;
                stateNames = Arrays.copyOf(stateNames, cap);
                statePowerMw = Arrays.copyOf(statePowerMw, cap);
                stateTimePs = Arrays.copyOf(stateTimePs, cap);
                stateEnergyPj = Arrays.copyOf(stateEnergyPj, cap);
            }
            stateIds.put(state, id);
            stateNames[id] = state;
        } else if (id == currentState) {
            integrateTo(ledger.nowPs()); // the old power applies up to now
        }
        statePowerMw[id] = powerMw;
        return id;
    }

    /** The id of a registered power state; throws naming the component and the state if unknown. */
    public int powerState(String state) {
        Integer id = stateIds.get(state);
        if (id == null) {
            throw new IllegalArgumentException(path + ": unknown power state '" + state + "'; defined: "
                    + stateIds.keySet());
        }
        return id;
    }

    /** Integrates the current state's power up to now and switches to {@code stateId}. */
    public void enterPowerState(int stateId) {
        if (stateId < 0 || stateId >= stateCount) {
            throw new IllegalArgumentException(path + ": unknown power state id: " + stateId);
        }
        integrateTo(ledger.nowPs());
        currentState = stateId;
    }

    /** Convenience for cold paths: {@code enterPowerState(powerState(state))}. */
    public void enterPowerState(String state) {
        enterPowerState(powerState(state));
    }

    /** The current power state's name. */
    public String currentPowerState() {
        return stateNames[currentState];
    }

    void integrateTo(long nowPs) {
        long dt = nowPs - stateSincePs;
        if (dt < 0) {
            throw new IllegalStateException(path + ": time went backwards: " + nowPs + " ps < " + stateSincePs + " ps");
        }
        if (dt > 0) {
            double e = statePowerMw[currentState] * dt * 1e-3; // 1 mW x 1 ps = 1e-3 pJ
            stateTimePs[currentState] += dt;
            stateEnergyPj[currentState] += e;
            staticPj += e;
            ledger.add(e);
            stateSincePs = nowPs;
        }
    }

    /** Dynamic (per-action) energy so far. */
    public double dynamicPj() {
        return dynamicPj;
    }

    /** Static (power-state) energy integrated so far. */
    public double staticPj() {
        return staticPj;
    }

    /** Dynamic plus static energy so far. */
    public double totalPj() {
        return dynamicPj + staticPj;
    }

    /** How often an action was recorded (0 if it was never defined). */
    public long actionCount(String action) {
        Integer id = actionIds.get(action);
        return id == null ? 0 : actionCounts[id];
    }

    /** Energy charged to an action (0 if it was never defined). */
    public double actionEnergyPj(String action) {
        Integer id = actionIds.get(action);
        return id == null ? 0 : actionTotalPj[id];
    }

    /** Per-action count and energy, in definition order, for reports. */
    public Map<String, ActionTotal> actions() {
        Map<String, ActionTotal> out = new LinkedHashMap<>();
        for (int i = 0; i < actionCount; i++) {
            out.put(actionNames[i], new ActionTotal(actionCounts[i], actionTotalPj[i]));
        }
        return out;
    }

    /** Time spent in each power state up to the last integration, in definition order. */
    public Map<String, Long> timeInStatePs() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < stateCount; i++) {
            out.put(stateNames[i], stateTimePs[i]);
        }
        return out;
    }

    /** Static energy per power state up to the last integration, in definition order. */
    public Map<String, Double> energyInStatePj() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < stateCount; i++) {
            out.put(stateNames[i], stateEnergyPj[i]);
        }
        return out;
    }

    private void checkEnergy(String action, double energyPj) {
        if (Double.isNaN(energyPj) || Double.isInfinite(energyPj) || energyPj < 0) {
            throw new IllegalArgumentException(path + ": action '" + action
                    + "': energy must be finite and >= 0: " + energyPj + " pJ");
        }
    }

    /** Count and energy of one action. */
    public record ActionTotal(long count, double energyPj) {
    }
}
