package org.hwsim.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hwsim.core.event.Simulator;
import org.junit.jupiter.api.Test;

/** The latency-bandwidth model of {@link Link} and {@link Memory}, computed by hand. */
class LinkAndMemoryTest {

    @Test
    void transfersSerialiseAndThenPropagate() {
        Simulator sim = Simulator.create(1);
        // 1 GB/s: 4096 bytes serialise in 4,096,000 ps; 100 ns = 100,000 ps latency.
        Link link = new Link(sim, "soc/noc", 100_000, 1e9, 0.5);
        List<Long> arrivals = new ArrayList<>();
        long a1 = link.transfer(4096, arg -> arrivals.add(sim.nowPs()), 1);
        long a2 = link.transfer(4096, arg -> arrivals.add(sim.nowPs()), 2);
        assertEquals(4_196_000, a1);
        assertEquals(8_292_000, a2);
        sim.run();
        assertEquals(List.of(4_196_000L, 8_292_000L), arrivals);
        assertEquals(8192, link.bytesMoved());
        assertEquals(4_096_000, link.waitTally().max(), 0.0); // the second waited one serialisation
        // busy 8,192,000 ps of the 8,292,000 ps elapsed
        assertEquals(8_192_000.0 / 8_292_000.0, link.utilisation(), 1e-12);
        assertEquals(8192 * 0.5, sim.energy().component("soc/noc").actionEnergyPj("transfer"), 1e-9);
    }

    @Test
    void memoryChargesReadsAndWritesSeparately() {
        Simulator sim = Simulator.create(1);
        Memory dram = new Memory(sim, "soc/dram", 50_000, 25.6e9, 20.0, 25.0);
        long done = dram.read(64, null, 0);
        dram.write(128, null, 0);
        // 64 B at 25.6 GB/s = 2,500 ps, plus 50 ns.
        assertEquals(52_500, done);
        var c = sim.energy().component("soc/dram");
        assertEquals(64 * 20.0, c.actionEnergyPj("read"), 1e-9);
        assertEquals(128 * 25.0, c.actionEnergyPj("write"), 1e-9);
        assertEquals(64, c.actionCount("read"));
        assertEquals(64 * 20.0 + 128 * 25.0, sim.energy().totalPj(), 1e-9);
    }

    @Test
    void badParametersNameTheComponent() {
        Simulator sim = Simulator.create(1);
        var e = assertThrows(IllegalArgumentException.class, () -> new Link(sim, "soc/noc", -1, 1e9, 0));
        assertTrue(e.getMessage().contains("soc/noc") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Link(sim, "soc/bus", 0, Double.NaN, 0));
        assertTrue(e.getMessage().contains("soc/bus") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Link(sim, "soc/pcie", 0, 1e9, Double.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("soc/pcie") && e.getMessage().contains("Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServerQueue.fifo(sim, "dsp/queue", 0));
        assertTrue(e.getMessage().contains("dsp/queue"), e.getMessage());
        ServerQueue q = ServerQueue.fifo(sim, "dsp/q2", 1);
        e = assertThrows(IllegalArgumentException.class, () -> q.submit(-5, null));
        assertTrue(e.getMessage().contains("dsp/q2") && e.getMessage().contains("-5"), e.getMessage());
    }
}
