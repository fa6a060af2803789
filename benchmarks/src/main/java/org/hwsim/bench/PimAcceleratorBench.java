package org.hwsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.pim.accel.PimAccelerator;
import org.hwsim.pim.accel.PimAcceleratorConfig;
import org.hwsim.pim.accel.PimLayerMapping;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One ResNet-18 inference (224 px, 1.81 G MACs, 727 tiles) through the event-driven PIM
 * accelerator with the default ISAAC-like chip, end to end: mapping, about 2.7 million events
 * (one per fetched vector, analog read, conversion batch and output), charging the ledger. The
 * score is inferences simulated per second; {@code events} counts simulator events per
 * inference.
 *
 * <ul>
 *   <li>{@code resnet18}: the full run. With {@code zeroPlaneProbability > 0} the run also
 *       simulates the dense counterfactual to report the time saved, so it does about twice the
 *       work.</li>
 *   <li>{@code mappingBaseline}: the baseline, the same network mapped onto tiles and its analog
 *       MAC work counted, without simulating (what an analytic model costs), so the difference is
 *       the price of the event-driven timing.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PimAcceleratorBench {

    /** The network and the chip. */
    @State(Scope.Thread)
    public static class Chip {
        @Param({"0", "0.3"})
        public double zeroPlaneProbability;

        NetworkSpec network;
        PimAccelerator accelerator;
        PimAcceleratorConfig config;

        @Setup(Level.Trial)
        public void setUp() {
            network = NetworkZoo.resnet18();
            config = PimAcceleratorConfig.defaults().withZeroPlaneProbability(zeroPlaneProbability);
            accelerator = PimAccelerator.create(config, "pim");
        }
    }

    /** Simulator events per inference. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Events {
        public long events;
    }

    /** One inference on a fresh simulator; returns the simulated latency (ps) so it is not dead code. */
    @Benchmark
    public long resnet18(Chip chip, Events events) {
        Simulator sim = Simulator.create(1);
        long latencyPs = chip.accelerator.run(sim, chip.network).latencyPs();
        events.events += sim.eventsFired();
        return latencyPs;
    }

    /** The mapping and MAC count alone, without simulating. */
    @Benchmark
    public long mappingBaseline(Chip chip) {
        List<PimLayerMapping> layers = PimLayerMapping.of(chip.network, chip.config);
        long macs = 0;
        for (PimLayerMapping l : layers) {
            macs += l.analogMacs(chip.config.tile().rows(), chip.config.tile().cols());
        }
        return macs;
    }
}
