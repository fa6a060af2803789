package org.hwsim.pim.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.workload.LayerOp;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.core.workload.TensorShape;
import org.hwsim.pim.tiling.PimMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PimAccelerator} against references outside its code: the closed-form pipeline latency
 * and the {@link PimMapping} conversion counts, ISAAC's published per-crossbar powers (Shafiee et
 * al., ISCA 2016, Table 6), the zoo networks' published MAC counts, and the ledger.
 */
class PimAcceleratorTest {
    private static final PimAcceleratorConfig DEFAULTS = PimAcceleratorConfig.defaults();

    private static PimRunResult run(PimAcceleratorConfig c, NetworkSpec net, Simulator sim) {
        return PimAccelerator.create(c, "pim").run(sim, net);
    }

    /**
     * Per layer of ResNet-20 (CIFAR) on the default chip: with every stage shorter than a tile's
     * per-vector time, a layer of M vectors x P planes takes exactly {@code fetch + read + convert
     * + (M P - 1) max(read, convert) + output} (tolerance 0 ps), and its conversions equal
     * {@link PimMapping#adcConversionsPerInference()} (exact).
     */
    @Test
    void resnet20LayersMatchTheClosedFormPipelineAndPimMapping() {
        NetworkSpec net = NetworkZoo.resnet20Cifar();
        Simulator sim = Simulator.create(1);
        PimRunResult r = run(DEFAULTS, net, sim);
        List<PimLayerMapping> maps = PimLayerMapping.of(net, DEFAULTS);
        assertEquals(maps.size(), r.layers().size());
        int planes = DEFAULTS.tile().dac().bits();
        long total = 0;
        for (int i = 0; i < maps.size(); i++) {
            PimLayerMapping m = maps.get(i);
            PimLayerResult lr = r.layers().get(i);
            Aggregate a = new Aggregate(DEFAULTS, m);
            long period = Math.max(a.readPs, a.convertPs);
            assertTrue(a.fetchPs <= a.readPs + (planes - 1) * period && a.outputPs <= planes * period,
                    m.name() + ": the closed form needs a compute-bound layer");
            long closed = a.fetchPs + a.readPs + a.convertPs + (m.vectors() * planes - 1) * period + a.outputPs;
            assertEquals(closed, lr.latencyPs(), m.name());
            PimMapping pm = PimMapping.matrix(m.groupRows(), m.groupCols(), m.vectors(), DEFAULTS.tile());
            assertEquals(pm.tiles(), lr.tiles(), m.name());
            assertEquals(pm.adcConversionsPerInference(), lr.adcConversions(), m.name());
            assertEquals(pm.utilisation(), lr.mappingUtilisation(), 1e-12, m.name());
            assertEquals(0, lr.adcConversionsSkipped());
            assertEquals(total, lr.startPs(), m.name() + " starts when the previous layer ends");
            total += lr.latencyPs();
        }
        assertEquals(total, r.latencyPs());
        assertEquals(total, sim.nowPs());
        // default chip: 100 ns read = 128 conversions x 0.78125 ns, so the ADCs are busy all the time
        assertTrue(r.adcUtilisation() > 0.99, "adc utilisation " + r.adcUtilisation());
    }

    /**
     * ISAAC's IMA crossbar: 128 x 128 2-bit cells, one 8-bit ADC per 128 columns at 1.28 GS/s, 1-bit
     * DACs, 100 ns reads; here 64 signed 2-bit weights on cell pairs with digital subtraction (128
     * converted columns, 16,384 cells). Streaming a long 1 x 1 convolution through it, the average
     * powers must be ISAAC's Table 6 per-array figures: ADC 16 mW / 8 = 2 mW, DACs 4 mW / 8 = 0.5
     * mW, array 2.4 mW / 8 = 0.3 mW (tolerance 1 %: pipeline fill and the 6.1 fJ rounding), and
     * shift-and-add 0.2 mW / 8 = 0.025 mW (tolerance 10 %: the 0.021 pJ per add is derived at 1.2
     * GS/s while the ADC runs at 1.28).
     */
    @Test
    void reproducesIsaacPerCrossbarPowers() {
        PimAcceleratorConfig isaac = DEFAULTS.withTile(DEFAULTS.tile().withSize(128, 64)
                .withScheme(org.hwsim.pim.scheme.Decomposition.DIFFERENTIAL_BIT_SERIAL).withWeightBits(2, 2));
        NetworkSpec net = NetworkSpec.builder("stream").input("x", TensorShape.chw(128, 32, 32))
                .then("conv", LayerOp.conv2d(64, 1, 1, 0, false)).build();
        Simulator sim = Simulator.create(1);
        PimRunResult r = run(isaac, net, sim);
        assertEquals(1, r.tilesUsed());
        assertEquals(128, isaac.columnsPerAdc() * isaac.adcsPerTile());
        double ns = r.latencyPs() / 1000.0;
        Map<String, Double> e = r.layers().get(0).energyByComponentPj();
        assertEquals(2.0, e.get("adc") / ns, 0.02, "ADC mW");
        assertEquals(0.5, e.get("dac") / ns, 0.005, "DAC mW");
        assertEquals(0.3, e.get("array") / ns, 0.003, "array mW");
        assertEquals(0.025, e.get("shift-add") / ns, 0.0025, "shift-add mW");
        // 1,024 vectors x 8 planes x 100 ns, plus one fetch, read, conversion and output of fill
        assertEquals(1024 * 8 * 100.0, ns, 0.0005 * ns);
    }

    /**
     * For every zoo network, the tiles' analog MAC work (weights held x vectors) equals the
     * network's MACs, which NetworkZoo reproduces from the published counts (He et al. 2016,
     * Sandler et al. 2018, Simonyan and Zisserman 2015, torchvision): exact.
     */
    @Test
    void analogMacWorkEqualsTheZooMacCounts() {
        for (String id : NetworkZoo.ids()) {
            NetworkSpec net = NetworkZoo.get(id);
            long analog = 0;
            for (PimLayerMapping m : PimLayerMapping.of(net, DEFAULTS)) {
                analog += m.analogMacs(DEFAULTS.tile().rows(), DEFAULTS.tile().cols());
            }
            assertEquals(net.profile().macs(), analog, id);
        }
        // ResNet-18: 1.814 G MACs (torchvision: 1.81 GFLOPS as multiply-adds)
        assertEquals(1_814_073_344L, NetworkZoo.resnet18().profile().macs());
    }

    @Test
    void energyTotalIsTheSumOfItsParts() {
        Simulator sim = Simulator.create(1);
        PimRunResult r = run(DEFAULTS.withZeroPlaneProbability(0.2), NetworkZoo.mobileNetV2(0.35, 96), sim);
        double layers = r.layers().stream().mapToDouble(PimLayerResult::energyPj).sum();
        double components = r.energyByComponentPj().values().stream().mapToDouble(Double::doubleValue).sum();
        double ledger = sim.energy().totalPj();
        assertEquals(ledger, layers, 1e-9 * ledger);
        assertEquals(ledger, components, 1e-9 * ledger);
        for (PimLayerResult l : r.layers()) {
            double parts = l.energyByComponentPj().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(parts, l.energyPj(), 1e-9 * parts, l.name());
            assertEquals(parts, sim.energy().subtreePj("pim/" + l.name()), 1e-9 * parts, l.name());
            assertEquals(l.macs(), l.analogMacs(), l.name());
        }
        Report rep = r.report("pim run", sim, Map.of());
        JsonNode json = rep.json();
        double sum = 0;
        for (Iterator<JsonNode> it = json.at("/energy/components").elements(); it.hasNext(); ) {
            JsonNode c = it.next();
            sum += c.get("dynamicPj").asDouble() + c.get("staticPj").asDouble();
        }
        assertEquals(json.at("/energy/totalPj").asDouble(), sum, 1e-9 * sum);
        assertEquals(r.layers().size(), json.get("layers").size());
        assertEquals(r.adcConversions(), json.get("adcConversions").asLong());
    }

    /**
     * Zero planes: with probability p the skipped conversions of a tile of input segment s are
     * {@code floor(M P p + frac(0.618 s))} steps x its converted columns (exact), the saved ADC
     * energy is those conversions x 1.5616 pJ, and each layer's latency is the closed form over the
     * busiest tile's live steps within one step and 0.5 %.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 0.6})
    void zeroPlanesSaveConversionsEnergyAndTime(double p) {
        PimAcceleratorConfig c = DEFAULTS.withZeroPlaneProbability(p);
        NetworkSpec net = NetworkZoo.resnet20Cifar();
        PimRunResult r = run(c, net, Simulator.create(1));
        PimRunResult dense = run(DEFAULTS, net, Simulator.create(1));
        List<PimLayerMapping> maps = PimLayerMapping.of(net, c);
        int planes = c.tile().dac().bits();
        long columns = c.convertedColumnsPerTile();
        double adcPj = 6.1e-3 * 256;
        for (int i = 0; i < maps.size(); i++) {
            PimLayerMapping m = maps.get(i);
            PimLayerResult lr = r.layers().get(i);
            long n = m.vectors() * planes;
            long skippedSteps = 0;
            long maxLive = 0;
            for (int t = 0; t < m.tiles(); t++) {
                long s = Aggregate.skipped(n, p, m.inputSegmentOf(t));
                skippedSteps += s;
                maxLive = Math.max(maxLive, n - s);
            }
            assertEquals(skippedSteps * columns, lr.adcConversionsSkipped(), m.name());
            assertEquals(dense.layers().get(i).adcConversions(), lr.adcConversions() + lr.adcConversionsSkipped());
            assertEquals(lr.adcConversionsSkipped() * adcPj, lr.adcEnergySavedPj(), 1e-6 * lr.adcEnergySavedPj() + 1e-9);
            assertEquals(dense.layers().get(i).latencyPs(), lr.denseLatencyPs(), m.name());
            Aggregate a = new Aggregate(c, m);
            long period = Math.max(a.readPs, a.convertPs);
            long closed = a.fetchPs + a.readPs + a.convertPs + (maxLive - 1) * period + a.outputPs;
            assertEquals(closed, lr.latencyPs(), period + 0.005 * closed, m.name());
        }
        assertTrue(r.latencyPs() < dense.latencyPs());
        assertEquals(dense.latencyPs(), r.denseLatencyPs());
        assertEquals(dense.energyPj() - r.energyPj() > 0, true);
    }

    /**
     * A chip of 20 tiles cannot hold ResNet-20 (59 tiles): under {@code error} the run fails naming
     * both counts; under {@code reprogram} it runs in rounds, each costing 128 rows x rowWriteNs of
     * programming, and every cell written (weights x 4 slices x 2 cells) costs cellWritePj.
     */
    @Test
    void networksLargerThanTheChipAreRefusedOrReprogrammed() {
        NetworkSpec net = NetworkZoo.resnet20Cifar();
        PimAcceleratorConfig small = DEFAULTS.withChipTiles(20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(small, net, Simulator.create(1)));
        assertTrue(e.getMessage().contains("59 tiles") && e.getMessage().contains("chipTiles is 20"), e.getMessage());

        PimRunResult fits = run(DEFAULTS, net, Simulator.create(1));
        Simulator sim = Simulator.create(1);
        PimRunResult r = run(small.withOverflow(OverflowPolicy.REPROGRAM), net, sim);
        assertTrue(r.programmingRounds() >= 3, "rounds " + r.programmingRounds());
        PimActionTable t = DEFAULTS.actions();
        long programmingPs = 128L * Math.round(t.value("array", "rowWriteNs") * 1000);
        assertEquals(fits.latencyPs() + r.programmingRounds() * programmingPs, r.latencyPs());
        long weights = PimLayerMapping.of(net, DEFAULTS).stream().mapToLong(PimLayerMapping::weights).sum();
        double programPj = sim.energy().components().values().stream()
                .mapToDouble(c -> c.actionEnergyPj("program")).sum();
        assertEquals(weights * 4 * 2 * t.value("array", "cellWritePj"), programPj, 1e-6 * programPj);
        assertEquals(fits.energyPj() + programPj, r.energyPj(), 1e-9 * r.energyPj());

        // ResNet-18's layer4 convolutions are 36 row blocks deep: one column of their tiles needs 36
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> run(
                DEFAULTS.withChipTiles(30).withOverflow(OverflowPolicy.REPROGRAM), NetworkZoo.resnet18(),
                Simulator.create(1)));
        assertTrue(tooBig.getMessage().contains("layer '") && tooBig.getMessage().contains("chipTiles = 30")
                && tooBig.getMessage().contains("36 tiles"), tooBig.getMessage());
    }

    /**
     * Under {@code reprogram} a layer larger than the chip runs in parts of whole column blocks:
     * a 2,048 x 2,048 linear layer (16 x 16 = 256 tiles) on 100 tiles runs as parts of 6, 6 and 4
     * column blocks (96, 96 and 64 tiles), each programmed before it runs; the parts' conversions
     * and MACs add up to the whole layer's (exact).
     */
    @Test
    void aLayerLargerThanTheChipRunsInPartsUnderReprogram() {
        NetworkSpec net = NetworkSpec.builder("wide").input("x", TensorShape.features(2048))
                .then("fc", LayerOp.linear(2048, 2048, false)).build();
        PimRunResult whole = run(DEFAULTS, net, Simulator.create(1));
        assertEquals(256, whole.tilesUsed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(DEFAULTS.withChipTiles(100), net, Simulator.create(1)));
        assertTrue(e.getMessage().contains("layer 'fc'") && e.getMessage().contains("256 tiles"), e.getMessage());
        PimRunResult parts = run(DEFAULTS.withChipTiles(100).withOverflow(OverflowPolicy.REPROGRAM), net,
                Simulator.create(1));
        assertEquals(List.of("fc#1", "fc#2", "fc#3"), parts.layers().stream().map(PimLayerResult::name).toList());
        assertEquals(List.of(96, 96, 64), parts.layers().stream().map(PimLayerResult::tiles).toList());
        assertEquals(3, parts.programmingRounds());
        assertEquals(whole.adcConversions(), parts.adcConversions());
        assertEquals(net.profile().macs(), parts.macs());
        assertEquals(net.profile().macs(), parts.layers().stream().mapToLong(PimLayerResult::analogMacs).sum());
    }

    /**
     * Schemes: differential doubles the conversions of bit-serial; native converts once per vector
     * instead of once per plane (exact ratios, same network).
     */
    @Test
    void schemesScaleConversionsAsTheirDecompositionSays() {
        NetworkSpec net = NetworkSpec.builder("mlp").input("x", TensorShape.features(300))
                .then("fc1", LayerOp.linear(300, 200, true)).then("relu", LayerOp.relu())
                .then("fc2", LayerOp.linear(200, 10, true)).build();
        long bitSerial = run(DEFAULTS, net, Simulator.create(1)).adcConversions();
        long diff = run(DEFAULTS.withScheme(org.hwsim.pim.scheme.Decomposition.DIFFERENTIAL_BIT_SERIAL), net,
                Simulator.create(1)).adcConversions();
        long nat = run(DEFAULTS.withScheme(org.hwsim.pim.scheme.Decomposition.NATIVE), net, Simulator.create(1))
                .adcConversions();
        assertEquals(2 * bitSerial, diff);
        assertEquals(bitSerial, 8 * nat);
        // fc1: 3 x 2 tiles, fc2: 2 x 1 tiles; 128 columns x 4 slices; 8 planes
        assertEquals((6 + 2) * 512L * 8, bitSerial);
    }

    /**
     * Measured per-layer statistics replace the chip-wide probability for the layers they name: a
     * layer whose every plane is zero converts nothing (its conversions are all skipped, exact),
     * the others are unchanged; a name that is not a weight layer is refused.
     */
    @Test
    void perLayerZeroPlaneProbabilitiesApplyToTheirLayers() {
        NetworkSpec net = NetworkZoo.resnet20Cifar();
        PimRunResult dense = run(DEFAULTS, net, Simulator.create(1));
        PimRunResult r = run(DEFAULTS.withZeroPlaneProbabilityByLayer(Map.of("conv1", 1.0)), net,
                Simulator.create(1));
        assertEquals(0, r.layers().get(0).adcConversions());
        assertEquals(dense.layers().get(0).adcConversions(), r.layers().get(0).adcConversionsSkipped());
        for (int i = 1; i < r.layers().size(); i++) {
            assertEquals(dense.layers().get(i).adcConversions(), r.layers().get(i).adcConversions());
            assertEquals(dense.layers().get(i).latencyPs(), r.layers().get(i).latencyPs());
        }
        assertTrue(r.layers().get(0).latencyPs() < dense.layers().get(0).latencyPs() / 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(
                DEFAULTS.withZeroPlaneProbabilityByLayer(Map.of("conv99", 0.5)), net, Simulator.create(1)));
        assertTrue(e.getMessage().contains("conv99"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withZeroPlaneProbabilityByLayer(Map.of("conv1", 1.5)));
        assertEquals("zeroPlaneProbabilityByLayer.conv1 must be in [0, 1]: 1.5", e.getMessage());
    }

    /** Two inferences scheduled on one simulator one after the other give the same result twice. */
    @Test
    void startComposesOnASharedSimulator() {
        Simulator sim = Simulator.create(1);
        PimAccelerator chip = PimAccelerator.create(DEFAULTS, "pim");
        NetworkSpec net = NetworkZoo.resnet20Cifar();
        PimRunResult[] results = new PimRunResult[2];
        chip.start(sim, net, first -> {
            results[0] = first;
            chip.start(sim, net, second -> results[1] = second);
        });
        sim.run();
        assertEquals(results[0].latencyPs(), results[1].latencyPs());
        assertEquals(results[0].energyPj(), results[1].energyPj(), 1e-9 * results[0].energyPj());
        assertEquals(2 * results[0].latencyPs(), sim.nowPs());
        assertEquals(results[0].latencyPs(), results[1].layers().get(0).startPs());
        assertEquals(2 * results[0].energyPj(), sim.energy().totalPj(), 1e-9 * sim.energy().totalPj());
    }
}
