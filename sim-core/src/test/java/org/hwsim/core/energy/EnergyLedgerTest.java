package org.hwsim.core.energy;

import static org.hwsim.core.energy.ActionEnergyTableTest.assertContains;
import static org.hwsim.core.energy.EnergyComponentTest.REL;
import static org.hwsim.core.energy.EnergyComponentTest.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hwsim.core.event.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link EnergyLedger}: totals, subtrees by whole path segments, path validation, tables applied
 * to components, and the ledger inside a {@link Simulator} integrating over simulated time.
 */
class EnergyLedgerTest {

    private final ManualClock clock = new ManualClock();
    private final EnergyLedger ledger = new EnergyLedger(clock);

    /** Charges each of the paths a distinct power of two, so any subset has a unique, exact sum. */
    private void chargePowersOfTwo(List<String> paths) {
        for (int i = 0; i < paths.size(); i++) {
            ledger.component(paths.get(i)).recordPj("op", 1, Math.scalb(1.0, i));
        }
    }

    @Test
    void subtreesMatchWholePathSegments() {
        List<String> paths = List.of("a", "a/b", "a/b/c", "a/bc", "a/b-x", "a/b.c", "b", "ab");
        chargePowersOfTwo(paths); // a=1, a/b=2, a/b/c=4, a/bc=8, a/b-x=16, a/b.c=32, b=64, ab=128

        assertEquals(List.of("a/b", "a/b/c"), List.copyOf(ledger.subtree("a/b").keySet()));
        assertEquals(2.0 + 4.0, ledger.subtreePj("a/b"), "a/bc, a/b-x and a/b.c are not below a/b");
        assertEquals(1.0 + 2 + 4 + 8 + 16 + 32, ledger.subtreePj("a"), "ab is not below a");
        assertEquals(4.0, ledger.subtreePj("a/b/c"));
        assertEquals(8.0, ledger.subtreePj("a/bc"));
        assertEquals(64.0, ledger.subtreePj("b"));
        assertEquals(0.0, ledger.subtreePj("a/b/c/d"));
        assertEquals(0.0, ledger.subtreePj("zzz"));
        assertEquals(0.0, ledger.subtreePj("a/"), "a trailing slash is not a segment boundary of any path");
        assertEquals(255.0, ledger.subtreePj(""));
        assertEquals(paths.size(), ledger.subtree("").size());
        assertEquals(255.0, ledger.totalPj());
    }

    @Test
    void totalIsTheSumOfComponentsIncludingStaticEnergy() {
        EnergyComponent cpu = ledger.component("soc/cpu");
        EnergyComponent gpu = ledger.component("soc/gpu");
        cpu.definePowerState("active", 800);
        gpu.definePowerState("active", 2500);
        cpu.enterPowerState("active");
        clock.advance(1_000_000);
        gpu.enterPowerState("active");
        gpu.recordPj("kernel", 1, 123.0);
        clock.advance(2_000_000);
        // static energy is integrated at a component's own state changes and at settle(): the cpu's
        // 3 us of 800 mW are not in the total yet (the gpu's change integrated only its 1 us "off")
        assertEquals(123.0, ledger.totalPj(), "before settle");
        ledger.settle();
        double cpuPj = 800.0 * 3_000_000 * 1e-3;
        double gpuPj = 2500.0 * 2_000_000 * 1e-3 + 123.0;
        assertRelative(cpuPj, cpu.totalPj(), REL, "cpu");
        assertRelative(gpuPj, gpu.totalPj(), REL, "gpu");
        assertRelative(cpuPj + gpuPj, ledger.totalPj(), REL, "ledger");
        assertRelative(cpuPj + gpuPj, ledger.subtreePj("soc"), REL, "subtree soc");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/a", "a/", "a//b", "/"})
    void badPathsAreRejectedNamingThePath(String path) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.component(path));
        assertContains(e.getMessage(), "'" + path + "'");
        assertEquals(0, ledger.components().size());
    }

    @Test
    void componentsAreAReadOnlyViewInPathOrder() {
        ledger.component("b");
        ledger.component("a/z");
        ledger.component("a");
        assertEquals(List.of("a", "a/z", "b"), List.copyOf(ledger.components().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> ledger.components().clear());
    }

    @Test
    void aComponentClassFromATableDefinesActionsAndStates() {
        ActionEnergyTable table = ActionEnergyTable.readResource(ActionEnergyTableTest.RESOURCE);
        EnergyComponent alu = ledger.component("npu/alu0", table.componentClass("int-alu-32b"));
        alu.record(alu.action("mult"), 1_000);
        alu.enterPowerState("active");
        clock.advance(1_000_000);
        ledger.settle();
        // 1,000 32-bit multiplies at 3.1 pJ (Horowitz 2014) plus 1.5 mW for 1 us
        assertRelative(3_100.0 + 1_500.0, alu.totalPj(), REL, "alu");
    }

    /** The simulator's ledger reads the simulated clock: a state held across events integrates over simulated time. */
    @Test
    void insideASimulatorStaticEnergyFollowsSimulatedTime() {
        Simulator sim = Simulator.create(1);
        EnergyComponent gpu = sim.energy().component("jetson/gpu");
        gpu.definePowerState("active", 5000); // 5 W
        gpu.definePowerState("idle", 100);
        gpu.enterPowerState("active");
        sim.schedule(2_000_000, arg -> gpu.enterPowerState("idle")); // 2 us active
        sim.runUntil(10_000_000); // then 8 us idle
        sim.energy().settle();
        assertRelative(5000.0 * 2e6 * 1e-3 + 100.0 * 8e6 * 1e-3, gpu.staticPj(), REL, "static energy");
        assertEquals(2_000_000L, gpu.timeInStatePs().get("active"));
        assertEquals(8_000_000L, gpu.timeInStatePs().get("idle"));
    }
}
