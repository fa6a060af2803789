package org.hwsim.lfs.flash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.resource.ServerQueue;
import org.junit.jupiter.api.Test;

/**
 * The flash device: busy-until timing against an event-by-event simulation of the same resources
 * with the kernel's FIFO {@link ServerQueue}s (the equivalence DESIGN.md asks of hot paths that
 * bypass events), NAND program/erase rules, wear counting and the preset figures.
 */
class FlashDeviceTest {
    static final FlashGeometry SMALL = new FlashGeometry(2, 1, 2, 2, 64, 8, 4096); // 8 planes, 4096 pages

    /** Event reference: channel then plane for a program, plane then channel for a read. */
    static long[] eventReference(FlashGeometry g, FlashTiming t, long[] pages, long[] readyPs, boolean[] isRead) {
        Simulator sim = Simulator.create(1);
        int planes = g.planes();
        ServerQueue[] plane = new ServerQueue[planes];
        ServerQueue[] channel = new ServerQueue[g.channels()];
        for (int p = 0; p < planes; p++) {
            plane[p] = ServerQueue.fifo(sim, "flash/plane" + p, 1);
        }
        for (int c = 0; c < g.channels(); c++) {
            channel[c] = ServerQueue.fifo(sim, "flash/channel" + c, 1);
        }
        long[] done = new long[pages.length];
        long xfer = t.transferPs(g.pageSizeBytes());
        for (int i = 0; i < pages.length; i++) {
            final int op = i;
            int p = (int) (pages[i] % planes);
            int c = p / (planes / g.channels());
            sim.scheduleAt(readyPs[i], 0, arg -> {
                if (isRead[op]) {
                    plane[p].submit(t.readPs(), j -> channel[c].submit(xfer, k -> done[op] = k.completionPs()));
                } else {
                    channel[c].submit(xfer, j -> plane[p].submit(t.programPs(), k -> done[op] = k.completionPs()));
                }
            }, i);
        }
        sim.run();
        return done;
    }

    @Test
    void programsMatchTheEventSimulationExactly() {
        FlashTiming t = FlashTiming.mlc();
        FlashDevice dev = FlashDevice.create(SMALL, t);
        SplittableRandom rng = new SplittableRandom(5);
        int n = 2000;
        long[] pages = new long[n];
        long[] ready = new long[n];
        boolean[] reads = new boolean[n];
        long[] got = new long[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            now += rng.nextLong(200_000_000L); // up to 200 us apart: the device is often busy
            pages[i] = i; // the log order: consecutive pages stripe over the planes
            ready[i] = now;
            got[i] = dev.program(pages[i], ready[i]);
        }
        assertArrayEquals(eventReference(SMALL, t, pages, ready, reads), got);
    }

    @Test
    void readsMatchTheEventSimulationWhenEachChannelHasOnePlane() {
        FlashGeometry g = new FlashGeometry(4, 1, 1, 1, 4, 8, 4096);
        FlashTiming t = FlashTiming.tlc();
        FlashDevice dev = FlashDevice.create(g, t);
        SplittableRandom rng = new SplittableRandom(9);
        int n = 1000;
        long[] pages = new long[n];
        long[] ready = new long[n];
        boolean[] reads = new boolean[n];
        long[] got = new long[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            now += rng.nextLong(50_000_000L);
            pages[i] = rng.nextLong(g.pages());
            ready[i] = now;
            reads[i] = true;
            got[i] = dev.read(pages[i], ready[i]);
        }
        assertArrayEquals(eventReference(g, t, pages, ready, reads), got);
    }

    @Test
    void programNeedsAnEraseAndEraseCountsWear() {
        FlashDevice dev = FlashDevice.create(SMALL, FlashTiming.slc());
        long t = dev.program(3, 0);
        // 4 KiB over 200 MB/s is 20.48 us, then tPROG 200 us (MT29F4G08ABADA typical).
        assertEquals(20_480_000L + 200_000_000L, t);
        assertThrows(IllegalStateException.class, () -> dev.program(3, t));
        long e = dev.eraseSuperblock(0, t);
        assertEquals(t + 700_000_000L, e);
        assertFalse(dev.isProgrammed(3));
        dev.program(3, e);
        assertEquals(1, dev.eraseCount(3, 0));
        assertEquals(0, dev.eraseCount(3, 1));
        FlashDevice.WearReport w = dev.wearReport();
        assertEquals(SMALL.planes(), w.totalErases());
        assertEquals(1, w.maxEraseCount());
        assertEquals(0, w.minEraseCount());
        assertTrue(dev.programRemapped(3, e) > e);
        assertEquals(1, dev.overwrites());
    }

    @Test
    void presetsAndEnergyFollowTheCitedFigures() {
        FlashTiming mlc = FlashTiming.byId("MLC");
        assertEquals(75_000_000L, mlc.readPs());       // MQSim ssdconfig.xml: 75,000 ns
        assertEquals(750_000_000L, mlc.programPs());   // 750,000 ns
        assertEquals(3_800_000_000L, mlc.erasePs());   // 3,800,000 ns
        // 3.3 V x 25 mA x 750 us = 61.875 uJ.
        assertEquals(61.875e6, mlc.programPj(), 1e-3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlashTiming.byId("qlc"));
        assertTrue(e.getMessage().contains("qlc") && e.getMessage().contains("slc"), e.getMessage());
    }

    @Test
    void geometryValidatesAndScales() {
        FlashGeometry g = FlashGeometry.forCapacityGib(256);
        assertEquals(256L << 30, g.capacityBytes());
        assertEquals(32, g.planes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FlashGeometry(0, 1, 1, 1, 4, 8, 4096));
        assertTrue(e.getMessage().contains("channels") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FlashGeometry(1, 1, 1, 1, 4, 8, 3000));
    }

    @Test
    void energyIsChargedInAggregateToTheLedger() {
        Simulator sim = Simulator.create(1);
        FlashDevice dev = FlashDevice.create(SMALL, FlashTiming.mlc());
        dev.enterIdle(sim.energy(), "lfs/flash");
        for (int i = 0; i < 10; i++) {
            dev.program(i, 0);
        }
        dev.read(0, 0);
        dev.eraseSuperblock(1, 0);
        sim.runUntil(1_000_000_000_000L); // 1 s idle
        dev.chargeEnergy(sim.energy(), "lfs/flash", FlashDevice.Counters.zero());
        sim.energy().settle();
        FlashTiming t = dev.timing();
        double dynamic = 10 * t.programPj() + t.readPj() + SMALL.planes() * t.erasePj()
                + 11 * 4096 * t.transferPjPerByte();
        double idle = t.idlePowerMwPerDie() * SMALL.dies() * 1e9; // mW x 1e12 ps x 1e-3 pJ/(mW ps)
        assertEquals(dynamic + idle, sim.energy().subtreePj("lfs/flash"), 1e-6 * (dynamic + idle));
        assertEquals(10, sim.energy().component("lfs/flash/array").actionCount("program"));
    }
}
