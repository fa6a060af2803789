package org.hwsim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.resource.ServerQueue;
import org.hwsim.core.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel example of README.md, kept compiling and checked by hand-computed values. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void readmeKernelExample() throws Exception {
        Simulator sim = Simulator.create(42);                        // master seed
        EnergyComponent dsp = sim.energy().component("soc/dsp");     // a ledger account
        int mac = dsp.defineAction("mac", 0.23);                     // pJ per action
        dsp.definePowerState("busy", 150.0);                         // mW
        var delays = ZigguratSampler.Exponential.of(sim.random().stream("soc/dsp/jitter"));
        ServerQueue queue = ServerQueue.fifo(sim, "soc/dsp/queue", 1);
        sim.schedule(Time.usToPs(5), arg -> queue.submit(Time.usToPs(3), job -> dsp.record(mac, 1_000)));
        sim.run();
        Report.builder("example", 42).simulatedPs(sim.nowPs()).energy(sim.energy()).build()
              .writeJson(dir.resolve("report.json"));

        // The job arrives at 5 us and is served for 3 us: the run ends at 8 us with 1,000 MACs.
        assertTrue(delays.sample() >= 0);
        assertEquals(Time.usToPs(8), sim.nowPs());
        var json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(8_000_000L, json.get("simulatedPs").asLong());
        assertEquals(230.0, json.get("energy").get("components").get("soc/dsp").get("dynamicPj").asDouble(), 1e-9);
    }
}
