package org.hwsim.core.energy;

import static org.hwsim.core.energy.ActionEnergyTableTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EnergyComponent}: static energy is power times time, {@code E = P * t} with
 * 1 mW x 1 ps = 1e-15 J = 1e-3 pJ (SI), to 1e-12 relative, across settles and state changes;
 * dynamic energy is count times energy per action; bad values throw naming the component and the
 * value.
 */
class EnergyComponentTest {

    /** Relative tolerance of static energy against the exact product, as stated in the brief. */
    static final double REL = 1e-12;

    private final ManualClock clock = new ManualClock();
    private final EnergyLedger ledger = new EnergyLedger(clock);

    static void assertRelative(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, Math.abs(expected) * rel, what);
    }

    /** {@code P mW * t ps * 1e-3}, exactly, from the exact values of the doubles. */
    static double exactPj(double powerMw, long ps) {
        return new BigDecimal(powerMw).multiply(BigDecimal.valueOf(ps)).multiply(new BigDecimal("0.001")).doubleValue();
    }

    @ParameterizedTest(name = "{0} mW for {1} ps = {2} pJ")
    @CsvSource({
        "2.5,    1000000,       2500",          // 2.5 mW for 1 us = 2.5 nJ
        "0.1,    1000000000000, 100000000",     // 0.1 mW for 1 s = 0.1 mJ
        "2000,   1000000000,    2000000000",    // 2 W for 1 ms = 2 mJ
        "0.3,    7,             0.0021",
        "0,      123456789,     0",
    })
    void idlingInAStateAccruesPowerTimesTime(double powerMw, long ps, double expectedPj) {
        EnergyComponent c = ledger.component("soc/cpu");
        c.definePowerState("idle", powerMw);
        c.enterPowerState("idle");
        clock.advance(ps);
        ledger.settle();
        assertRelative(expectedPj, c.staticPj(), REL, "staticPj");
        assertRelative(expectedPj, c.totalPj(), REL, "totalPj");
        assertRelative(expectedPj, ledger.totalPj(), REL, "ledger total");
        assertEquals(ps, c.timeInStatePs().get("idle"));
        assertRelative(expectedPj, c.energyInStatePj().get("idle"), REL, "energyInStatePj");
        assertEquals(0.0, c.dynamicPj());
    }

    @Test
    void settlingManyTimesChangesNothing() {
        EnergyComponent c = ledger.component("soc/cpu");
        c.definePowerState("idle", 1.7);
        c.enterPowerState("idle");
        long[] steps = {1, 0, 999, 123_456_789, 3, 0, 10_000_000_000L, 7};
        long total = 0;
        for (long step : steps) {
            clock.advance(step);
            total += step;
            ledger.settle();
            ledger.settle();
            assertRelative(exactPj(1.7, total), c.staticPj(), REL, "after " + total + " ps");
        }
        assertEquals(total, c.timeInStatePs().get("idle"));
    }

    @Test
    void stateChangesIntegrateEachStateAtItsOwnPower() {
        EnergyComponent c = ledger.component("jetson/gpu");
        c.definePowerState("idle", 0.4);
        c.definePowerState("active", 3500);
        c.definePowerState("turbo", 5200.5);
        String[] states = {"active", "idle", "turbo", "active", "off", "idle", "turbo"};
        long[] durations = {1_000_000, 250, 33_333_333, 0, 5_000, 1, 77};
        BigDecimal expected = BigDecimal.ZERO;
        Map<String, Double> power = Map.of("off", 0.0, "idle", 0.4, "active", 3500.0, "turbo", 5200.5);
        long[] timeIn = new long[4];
        String[] names = {"off", "idle", "active", "turbo"};
        for (int i = 0; i < states.length; i++) {
            c.enterPowerState(states[i]);
            assertEquals(states[i], c.currentPowerState());
            clock.advance(durations[i]);
            expected = expected.add(new BigDecimal(power.get(states[i])).multiply(BigDecimal.valueOf(durations[i])));
            timeIn[java.util.Arrays.asList(names).indexOf(states[i])] += durations[i];
        }
        ledger.settle();
        double expectedPj = expected.multiply(new BigDecimal("0.001")).doubleValue();
        assertRelative(expectedPj, c.staticPj(), REL, "staticPj");
        for (int k = 0; k < names.length; k++) {
            assertEquals(timeIn[k], c.timeInStatePs().get(names[k]), names[k]);
            assertRelative(exactPj(power.get(names[k]), timeIn[k]), c.energyInStatePj().get(names[k]), REL, names[k]);
        }
    }

    @Test
    void redefiningTheCurrentStatesPowerAppliesFromNowOn() {
        EnergyComponent c = ledger.component("soc/npu");
        c.definePowerState("idle", 1.0);
        c.enterPowerState("idle");
        clock.advance(1000);
        c.definePowerState("idle", 3.0); // e.g. a DVFS step changes leakage
        clock.advance(1000);
        ledger.settle();
        assertRelative(1.0 + 3.0, c.staticPj(), REL, "1 mW for 1 ns, then 3 mW for 1 ns");
    }

    @Test
    void redefiningAnotherStateChangesNothingNow() {
        EnergyComponent c = ledger.component("soc/npu");
        c.definePowerState("idle", 1.0);
        c.definePowerState("active", 5.0);
        c.enterPowerState("idle");
        clock.advance(1000);
        c.definePowerState("active", 50.0);
        clock.advance(1000);
        c.enterPowerState("active");
        clock.advance(10);
        ledger.settle();
        assertRelative(2.0 + 0.5, c.staticPj(), REL, "2 ns of 1 mW, 10 ps of 50 mW");
    }

    @Test
    void aNewComponentIsOffAndCountsFromItsCreation() {
        clock.set(5_000);
        EnergyComponent c = ledger.component("phone/ufs/die3");
        assertEquals(EnergyComponent.OFF, c.currentPowerState());
        clock.advance(1_000);
        ledger.settle();
        assertEquals(0.0, c.totalPj());
        assertEquals(1_000L, c.timeInStatePs().get(EnergyComponent.OFF), "time before creation is not counted");
    }

    @Test
    void dynamicEnergyIsCountTimesEnergyPerAction() {
        EnergyComponent c = ledger.component("pim/xbar0");
        int read = c.defineAction("read", 5.2);
        int write = c.defineAction("write", 6.1);
        assertEquals(read, c.action("read"));
        c.record(read, 10);
        c.record(write, 3);
        c.record(read, 0);
        c.record(write, 2, 100.0); // explicit total, e.g. a write whose energy depends on the data
        c.recordPj("adc-8b", 64, 12.8); // defined on first use
        assertRelative(52.0, c.actionEnergyPj("read"), 1e-15, "read");
        assertEquals(10, c.actionCount("read"));
        assertRelative(18.3 + 100.0, c.actionEnergyPj("write"), 1e-15, "write");
        assertEquals(5, c.actionCount("write"));
        assertEquals(64, c.actionCount("adc-8b"));
        assertEquals(0, c.actionCount("never"));
        assertEquals(0.0, c.actionEnergyPj("never"));
        assertRelative(52.0 + 118.3 + 12.8, c.dynamicPj(), 1e-15, "dynamicPj");
        assertEquals(c.dynamicPj(), c.totalPj());
        assertEquals(c.dynamicPj(), ledger.totalPj());
        assertEquals(new EnergyComponent.ActionTotal(5, c.actionEnergyPj("write")), c.actions().get("write"));
        assertEquals(java.util.List.of("read", "write", "adc-8b"), java.util.List.copyOf(c.actions().keySet()));

        c.defineAction("read", 1.0); // redefinition: applies to later records only
        c.record(read, 1);
        assertRelative(53.0, c.actionEnergyPj("read"), 1e-15, "read after redefinition");
    }

    @Test
    void badEnergiesThrowNamingComponentAndValue() {
        EnergyComponent c = ledger.component("pim/xbar0");
        int read = c.defineAction("read", 5.2);
        assertRejected(() -> c.defineAction("write", Double.NaN), "NaN");
        assertRejected(() -> c.defineAction("write", Double.POSITIVE_INFINITY), "Infinity");
        assertRejected(() -> c.defineAction("write", -1.0), "-1.0");
        assertRejected(() -> c.record(read, 1, Double.NaN), "NaN");
        assertRejected(() -> c.record(read, 1, Double.NEGATIVE_INFINITY), "-Infinity");
        assertRejected(() -> c.record(read, 1, -0.5), "-0.5");
        assertRejected(() -> c.record(read, -3), "-3");
        assertRejected(() -> c.recordPj("adc", 1, Double.NaN), "NaN");
        assertRejected(() -> c.definePowerState("idle", Double.NaN), "NaN");
        assertRejected(() -> c.definePowerState("idle", Double.POSITIVE_INFINITY), "Infinity");
        assertRejected(() -> c.definePowerState("idle", -2.0), "-2.0");
        // an overflowing product is infinite, and rejected too
        int huge = c.defineAction("huge", 1e300);
        assertRejected(() -> c.record(huge, Long.MAX_VALUE), "Infinity");
        // nothing was charged by the rejected calls
        assertEquals(0.0, c.totalPj());
        assertEquals(0.0, ledger.totalPj());
        assertEquals(0, c.actionCount("read"));
    }

    @Test
    void unknownActionsAndStatesAreNamed() {
        EnergyComponent c = ledger.component("pim/xbar0");
        c.defineAction("read", 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.action("wrte"));
        assertContains(e.getMessage(), "pim/xbar0");
        assertContains(e.getMessage(), "wrte");
        assertContains(e.getMessage(), "read");
        e = assertThrows(IllegalArgumentException.class, () -> c.enterPowerState("sleep"));
        assertContains(e.getMessage(), "pim/xbar0");
        assertContains(e.getMessage(), "sleep");
        e = assertThrows(IllegalArgumentException.class, () -> c.enterPowerState(7));
        assertContains(e.getMessage(), "pim/xbar0");
        assertContains(e.getMessage(), "7");
    }

    @Test
    void timeGoingBackwardsIsDetected() {
        EnergyComponent c = ledger.component("soc/cpu");
        c.definePowerState("idle", 1.0);
        clock.set(1_000);
        c.enterPowerState("idle");
        clock.set(999);
        IllegalStateException e = assertThrows(IllegalStateException.class, ledger::settle);
        assertContains(e.getMessage(), "soc/cpu");
        assertContains(e.getMessage(), "999");
    }

    @Test
    void theLedgerReturnsTheSameComponentForAPath() {
        assertSame(ledger.component("soc/cpu"), ledger.component("soc/cpu"));
        assertEquals("soc/cpu", ledger.component("soc/cpu").path());
    }

    private static void assertRejected(Executable call, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertContains(e.getMessage(), "pim/xbar0");
        assertContains(e.getMessage(), value);
    }
}
