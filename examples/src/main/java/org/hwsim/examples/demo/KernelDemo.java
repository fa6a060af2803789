package org.hwsim.examples.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.energy.ActionEnergyTable;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.resource.Job;
import org.hwsim.core.resource.Memory;
import org.hwsim.core.resource.ServerQueue;
import org.hwsim.core.time.Time;

/**
 * The kernel demo: inference requests arrive at a DSP as a Poisson stream and are served one at a
 * time with exponential service times (an M/M/1 queue), each request reading its weights from DRAM.
 * The report sets the simulated mean wait and utilisation beside the M/M/1 closed forms
 * (Kleinrock, Queueing Systems Vol. 1, 1975: W = rho / (mu - lambda), U = rho) and breaks the
 * energy down by component: the DSP's busy and idle power, its per-request MAC energy, and DRAM
 * read energy, from the action-energy table {@code demo-soc.yaml}.
 */
public final class KernelDemo {
    /** The action-energy table of the demo SoC (a class-path resource). */
    public static final String ENERGY_TABLE = "/org/hwsim/examples/demo/demo-soc.yaml";

    /**
     * The demo's inputs.
     *
     * @param seed                  master seed
     * @param requests              requests to simulate after the warm-up, at least 1,000
     * @param warmupRequests        requests discarded before measuring, at least 0
     * @param arrivalRatePerS       mean request arrivals per second, lambda
     * @param serviceRatePerS       mean services per second, mu; must exceed lambda
     * @param macsPerRequest        multiply-accumulates per request on the DSP
     * @param weightBytesPerRequest bytes read from DRAM per request
     */
    public record Config(long seed, long requests, long warmupRequests, double arrivalRatePerS,
                         double serviceRatePerS, long macsPerRequest, long weightBytesPerRequest) {
        /** Validates every field; the message names the field and the value. */
        public Config {
            if (requests < 1_000) {
                throw new IllegalArgumentException("requests must be >= 1000: " + requests);
            }
            if (warmupRequests < 0) {
                throw new IllegalArgumentException("warmupRequests must be >= 0: " + warmupRequests);
            }
            if (!(arrivalRatePerS > 0) || Double.isInfinite(arrivalRatePerS)) {
                throw new IllegalArgumentException("arrivalRatePerS must be finite and > 0: " + arrivalRatePerS);
            }
            if (!(serviceRatePerS > arrivalRatePerS) || Double.isInfinite(serviceRatePerS)) {
                throw new IllegalArgumentException("serviceRatePerS must be finite and > arrivalRatePerS ("
                        + arrivalRatePerS + ") for a stable queue: " + serviceRatePerS);
            }
            if (macsPerRequest < 0) {
                throw new IllegalArgumentException("macsPerRequest must be >= 0: " + macsPerRequest);
            }
            if (weightBytesPerRequest < 0) {
                throw new IllegalArgumentException("weightBytesPerRequest must be >= 0: " + weightBytesPerRequest);
            }
        }

        /** The defaults: 800 requests/s into a DSP serving 1,000/s (rho = 0.8). */
        public static Config defaults(long seed) {
            return new Config(seed, 200_000, 20_000, 800.0, 1_000.0, 1_000_000L, 1L << 20);
        }

        /** Utilisation lambda / mu. */
        @JsonProperty("rho")
        public double rho() {
            return arrivalRatePerS / serviceRatePerS;
        }
    }

    private KernelDemo() {
    }

    /** Runs the demo and returns its report. */
    public static Report run(Config config) {
        Simulator sim = Simulator.create(config.seed());
        ActionEnergyTable table = ActionEnergyTable.readResource(ENERGY_TABLE);

        EnergyComponent dsp = sim.energy().component("soc/dsp", table.componentClass("dsp"));
        int macAction = dsp.action("mac");
        int busy = dsp.powerState("busy");
        int idle = dsp.powerState("idle");
        dsp.enterPowerState(idle);
        var dramClass = table.componentClass("lpddr4");
        Memory dram = new Memory(sim, "soc/dram", Time.nsToPs(100), 12.8e9,
                dramClass.actionsPj().get("readByte"), dramClass.actionsPj().get("writeByte"));
        sim.energy().component("soc/dram").definePowerState("standby", dramClass.powerStatesMw().get("standby"));
        sim.energy().component("soc/dram").enterPowerState("standby");

        ServerQueue queue = ServerQueue.fifo(sim, "soc/dsp/queue", 1);
        var arrivals = ZigguratSampler.Exponential.of(sim.random().stream("demo/arrivals"));
        var services = ZigguratSampler.Exponential.of(sim.random().stream("demo/service"));
        double meanInterArrivalPs = Time.PS_PER_S / config.arrivalRatePerS();
        double meanServicePs = Time.PS_PER_S / config.serviceRatePerS();
        long total = config.warmupRequests() + config.requests();

        EventHandler source = new EventHandler() {
            long issued;

            @Override
            public void handle(long arg) {
                long n = issued++;
                if (n == config.warmupRequests()) {
                    queue.resetStatistics();
                }
                if (queue.busyServers() == 0) {
                    dsp.enterPowerState(busy);
                }
                dram.read(config.weightBytesPerRequest(), null, 0);
                queue.submit(Math.round(services.sample() * meanServicePs), 0, n, (Job job) -> {
                    dsp.record(macAction, config.macsPerRequest());
                    if (queue.busyServers() == 0) {
                        dsp.enterPowerState(idle);
                    }
                });
                if (issued < total) {
                    sim.schedule(Math.round(arrivals.sample() * meanInterArrivalPs), this);
                }
            }

            @Override
            public String componentPath() {
                return "demo/source";
            }
        };
        sim.schedule(0, source);
        sim.run();

        double lambda = config.arrivalRatePerS();
        double mu = config.serviceRatePerS();
        double rho = lambda / mu;
        double closedWaitMs = rho / (mu - lambda) * 1e3;
        double waitMs = queue.waitTally().mean() / Time.PS_PER_MS;
        sim.energy().settle();
        double totalPj = sim.energy().totalPj();
        double seconds = Time.psToS(sim.nowPs());

        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("energyTableSource", table.source());
        detail.put("eventsFired", sim.eventsFired());
        detail.put("eventQueue", sim.eventQueueId());
        detail.put("historyHash", Long.toHexString(sim.historyHash()));
        detail.put("dramUtilisation", dram.utilisation());
        detail.put("maxQueueLength", queue.maxQueueLength());

        return Report.builder("demo", config.seed())
                .config(config)
                .simulatedPs(sim.nowPs())
                .metric("requests", queue.waitTally().count())
                .metric("meanWaitMs", waitMs)
                .metric("meanWaitClosedFormMs", closedWaitMs)
                .metric("waitRelativeError", (waitMs - closedWaitMs) / closedWaitMs)
                .metric("utilisation", queue.utilisation())
                .metric("utilisationClosedForm", rho)
                .metric("meanQueueLength", queue.meanQueueLength())
                .metric("energyMj", totalPj * 1e-9)
                .metric("averagePowerMw", totalPj / seconds * 1e-9)
                .metric("energyPerRequestUj", totalPj / total * 1e-6)
                .latency("waitMs", queue.waitHistogram(), Time.PS_PER_MS)
                .latency("sojournMs", queue.sojournHistogram(), Time.PS_PER_MS)
                .energy(sim.energy())
                .section("kernel", detail)
                .build();
    }
}
