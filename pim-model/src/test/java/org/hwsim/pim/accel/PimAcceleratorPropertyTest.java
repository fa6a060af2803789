package org.hwsim.pim.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.DoubleRange;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.LayerOp;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.core.workload.TensorShape;
import org.hwsim.pim.scheme.Decomposition;

/**
 * Over random chips and layers, the event-driven run equals two independent models exactly:
 * the max-plus {@link RecurrenceModel} for the latency (0 ps tolerance), and the counting
 * formulas for conversions (all columns of every tile on every live step, {@code floor(n p +
 * phase)} skipped per input segment), analog MACs (= the layer's MACs) and energy (sum of the
 * per-action products, 1e-9 relative).
 */
class PimAcceleratorPropertyTest {

    @Property(tries = 60)
    void eventRunEqualsTheRecurrenceAndTheCounts(
            @ForAll("schemes") Decomposition scheme,
            @ForAll @IntRange(min = 2, max = 40) int tileRows,
            @ForAll @IntRange(min = 1, max = 24) int tileCols,
            @ForAll @IntRange(min = 2, max = 8) int inputBits,
            @ForAll @IntRange(min = 1, max = 6) int weightBits,
            @ForAll @IntRange(min = 0, max = 3) int cellBitsRaw,
            @ForAll @IntRange(min = 1, max = 64) int columnsPerAdc,
            @ForAll @IntRange(min = 1, max = 4) int groups,
            @ForAll @IntRange(min = 1, max = 12) int channelsPerGroup,
            @ForAll @IntRange(min = 1, max = 12) int outPerGroup,
            @ForAll @IntRange(min = 1, max = 3) int kernel,
            @ForAll @IntRange(min = 3, max = 7) int imagePx,
            @ForAll @DoubleRange(min = 0, max = 1) double pRaw,
            @ForAll boolean sparse,
            @ForAll @IntRange(min = 0, max = 3) int slowBuffer) {
        int cellBits = Math.min(cellBitsRaw, weightBits);
        double p = sparse ? pRaw : 0;
        PimAcceleratorConfig d = PimAcceleratorConfig.defaults();
        PimAcceleratorConfig c = d.withTile(d.tile().withSize(tileRows, tileCols).withScheme(scheme)
                        .withWeightBits(weightBits, cellBits))
                .withInputBits(inputBits).withColumnsPerAdc(columnsPerAdc).withChipTiles(1_000_000)
                .withZeroPlaneProbability(p)
                .withActions(PimActionTable.defaults().with("buffer", "accessNs", 0.833 + 100 * slowBuffer));
        NetworkSpec net = NetworkSpec.builder("prop")
                .input("x", TensorShape.chw(groups * channelsPerGroup, imagePx, imagePx))
                .then("conv", LayerOp.conv2d(groups * outPerGroup, kernel, 1, 0, false).withGroups(groups))
                .build();

        PimLayerMapping l = PimLayerMapping.of(net, c).get(0);
        Simulator sim = Simulator.create(3);
        PimRunResult r = PimAccelerator.create(c, "pim").run(sim, net);
        PimLayerResult lr = r.layers().get(0);
        Aggregate a = new Aggregate(c, l);

        int planes = scheme.bitSerialInputs() ? inputBits : 1;
        int vectors = (int) l.vectors();
        long n = (long) vectors * planes;
        int[] segments = new int[l.tiles()];
        long live = 0;
        long drives = 0;
        long columns = (long) tileCols * c.tile().slices() * (scheme.digitalSubtraction() ? 2 : 1);
        for (int t = 0; t < l.tiles(); t++) {
            segments[t] = l.inputSegmentOf(t);
            long tileLive = n - Aggregate.skipped(n, p, segments[t]);
            live += tileLive;
            drives += tileLive * l.usedRows(t, tileRows);
        }
        assertEquals(live * columns, lr.adcConversions(), "conversions");
        assertEquals(((long) l.tiles() * n - live) * columns, lr.adcConversionsSkipped(), "skipped conversions");
        assertEquals(lr.macs(), lr.analogMacs(), "analog MACs");
        assertEquals(RecurrenceModel.layerLatencyPs(l.tiles(), vectors, planes, p, segments, a.readPs, a.convertPs,
                a.fetchPs, a.outputPs), lr.latencyPs(), "latency");
        assertEquals(lr.latencyPs(), r.latencyPs(), "one layer: end-to-end latency");

        PimActionTable t = c.actions();
        double dacPj = t.value("dac", "drivePj") * (scheme.bitSerialInputs() ? 1 : Math.pow(2, inputBits - 1));
        double cellsPerRow = tileCols * c.tile().slices() * 2.0;
        double expected = lr.adcConversions() * t.value("adc", "waldenFomFjPerStep") * 256e-3
                + drives * dacPj
                + drives * cellsPerRow * t.value("array", "cellReadPj")
                + (lr.adcConversions() + vectors * a.reduceAdds) * t.value("shiftAdd", "accumulatePj")
                + vectors * (a.readWords * t.value("buffer", "readPj") + a.writeWords * t.value("buffer", "writePj"))
                + vectors * (a.busFlits * t.value("interconnect", "busPj")
                        + a.routerFlits * t.value("interconnect", "routerPj"));
        assertEquals(expected, lr.energyPj(), 1e-9 * expected, "energy");
        assertEquals(sim.energy().totalPj(), r.energyPj(), 1e-9 * expected, "ledger total");
    }

    @Provide
    Arbitrary<Decomposition> schemes() {
        return Arbitraries.of(Decomposition.values());
    }
}
