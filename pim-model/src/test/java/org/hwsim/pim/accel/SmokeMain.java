package org.hwsim.pim.accel;

import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.NetworkZoo;

class SmokeMain {
    public static void main(String[] args) {
        for (String id : args) {
            long t0 = System.nanoTime();
            Simulator sim = Simulator.create(1);
            PimRunResult r = PimAccelerator.create(PimAcceleratorConfig.defaults().withOverflow(OverflowPolicy.REPROGRAM), "pim").run(sim, NetworkZoo.get(id));
            System.out.printf("%s: %.1f us, %.3f uJ, %d conv, tiles %d rounds %d, events %d, wall %.2f s util %.3f%n", id,
                r.latencyPs() / 1e6, r.energyPj() / 1e6, r.adcConversions(), r.tilesUsed(), r.programmingRounds(),
                sim.eventsFired(), (System.nanoTime() - t0) / 1e9, r.adcUtilisation());
            System.out.println(r.energyByComponentPj());
        }
    }
}
