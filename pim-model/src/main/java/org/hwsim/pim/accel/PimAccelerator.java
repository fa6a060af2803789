package org.hwsim.pim.accel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hwsim.core.energy.EnergyComponent;
import org.hwsim.core.energy.EnergyLedger;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.NetworkSpec;
import org.hwsim.pim.array.CrossbarConfig;

/**
 * A PIM accelerator chip on the sim-core kernel: tiles (crossbars with their DACs), ADCs shared by
 * {@code columnsPerAdc} columns, shift-and-add units, an on-chip buffer and an interconnect, each
 * with latency and energy per action from a {@link PimActionTable}. Running a {@link NetworkSpec}
 * gives the latency of one inference, the energy per component and per layer (charged to the
 * simulator's ledger under {@code <root>/<layer>/<component>}), ADC conversions and utilisation.
 *
 * <h2>Timing model (event-driven)</h2>
 * <ul>
 *   <li><b>Weight stationary, layer by layer.</b> Every weight layer has tiles of its own (see
 *       {@link PimLayerMapping}); layers run one after another (a layer starts when the previous
 *       one's last output is written). Layers without weights run in the digital periphery and
 *       are not charged. {@link PimRunResult#pipelinedIntervalPs()} gives the interval if layers
 *       were pipelined across inferences instead.
 *   <li><b>Fetch.</b> Input vectors (im2col patches, no reuse between overlapping windows) are read
 *       from the buffer and sent over the bus one after another, each taking {@code words x
 *       accessNs + flits x flitNs}; the buffer runs ahead of the tiles. Activations are stored
 *       {@code ceil(inputBits / 8)} bytes wide (the network's {@code bytesPerElement} is not used).
 *   <li><b>Tiles, in parallel.</b> Each tile applies a vector's input steps (bit-planes in the
 *       bit-serial schemes) in order. A step is an analog read ({@code readNs}) whose column
 *       outputs are held in sample-and-hold stages; the tile's ADCs then convert its {@code cols x
 *       convertedArrays} columns, {@code ceil(columns / ADCs)} conversions of {@code convertNs} in
 *       series on each ADC. The next read may start once the held samples have been taken by the
 *       ADCs, so a tile streams {@code n} steps in {@code read + convert + (n - 1) max(read,
 *       convert)}.
 *   <li><b>Zero planes.</b> A step whose input plane is all zero on the tile's rows is skipped: no
 *       read, no conversion, no time. With zero-plane probability {@code p}, step {@code k} of a
 *       tile is skipped iff {@code floor((k + 1) p + phase) > floor(k p + phase)}, with {@code
 *       phase = frac(segment x 0.618...)} for the tile's input segment: skips are spread evenly
 *       (exactly {@code floor(n p + phase)} of the first {@code n}), reproducibly, and differently
 *       for different input segments.
 *   <li><b>Output.</b> Once every tile has converted a vector, its row blocks' partial sums are
 *       reduced over the interconnect in a tree ({@code ceil(log2 rowBlocks)} levels), shifted and
 *       added, and the outputs are written to the buffer; one vector at a time.
 *   <li><b>Too many tiles.</b> {@link OverflowPolicy#ERROR} refuses the network; {@link
 *       OverflowPolicy#REPROGRAM} splits it into tile sets that fit (layers larger than the chip
 *       into parts by output columns, reported as {@code name#part}) and programs each set before
 *       it runs. Weights that fit are programmed once and their programming is not charged to the
 *       inference.
 * </ul>
 *
 * <h2>Energy model</h2>
 * ADC {@code convert}: per conversion, by resolution ({@link PimActionTable#adcConvertPj(int)}).
 * DAC {@code drive}: per driven wordline per step. Array {@code read}: per cell on driven rows per
 * step (all {@code cols x slices x 2} cells of a row); {@code program}: per cell written.
 * Shift-add {@code accumulate}: per conversion; {@code reduce}: per partial sum added across row
 * blocks. Buffer {@code read}/{@code write}: per word. Interconnect {@code bus}/{@code router}: per
 * flit. Dynamic energy only (no leakage).
 *
 * <p>Not thread-safe; one instance may run many networks, one at a time per simulator.
 */
public final class PimAccelerator {
    private final PimAcceleratorConfig config;
    private final String root;

    private PimAccelerator(PimAcceleratorConfig config, String root) {
        this.config = config;
        this.root = root;
    }

    /** An accelerator charging its energy under {@code root} (e.g. {@code "pim"}). */
    public static PimAccelerator create(PimAcceleratorConfig config, String root) {
        if (config == null) {
            throw new IllegalArgumentException("config must be given: null");
        }
        if (root == null || root.isEmpty() || root.startsWith("/") || root.endsWith("/")) {
            throw new IllegalArgumentException("root must be a component path like \"pim\": " + root);
        }
        return new PimAccelerator(config, root);
    }

    /** The configuration. */
    public PimAcceleratorConfig config() {
        return config;
    }

    /**
     * Maps {@code network}, checks that it fits (or splits it under {@link
     * OverflowPolicy#REPROGRAM}), and runs one inference on {@code sim} from its current time,
     * running the simulator until its event list is empty. When zero planes are skipped, the
     * dense counterfactual (for {@link PimLayerResult#denseLatencyPs()}) runs on a private
     * simulator with the same seed.
     *
     * @throws IllegalArgumentException naming the layer, the tiles it needs and {@code chipTiles}
     *     if it does not fit
     */
    public PimRunResult run(Simulator sim, NetworkSpec network) {
        List<PimLayerMapping> layers = PimLayerMapping.of(network, config);
        for (String named : config.zeroPlaneProbabilityByLayer().keySet()) {
            if (layers.stream().noneMatch(l -> l.name().equals(named))) {
                throw new IllegalArgumentException("zeroPlaneProbabilityByLayer names '" + named
                        + "', which is not a weight layer of " + network.name());
            }
        }
        PimRunResult[] out = new PimRunResult[1];
        start(sim, network.name(), layers, r -> out[0] = r);
        sim.run();
        if (out[0] == null) {
            throw new IllegalStateException("the simulator stopped before the inference of " + network.name()
                    + " completed");
        }
        PimRunResult r = out[0];
        if (config.skipsZeroPlanes()) {
            r = withDenseLatencies(r, network, sim.masterSeed());
        }
        return r;
    }

    /**
     * Schedules one inference of {@code network} on {@code sim} from its current time without
     * running the simulator, for studies that compose the accelerator with other components on one
     * kernel; {@code onDone} receives the result (with {@code denseLatencyPs == latencyPs}) when
     * the last layer ends.
     *
     * @throws IllegalArgumentException as {@link #run} does, before anything is scheduled
     */
    public void start(Simulator sim, NetworkSpec network, Consumer<PimRunResult> onDone) {
        start(sim, network.name(), PimLayerMapping.of(network, config), onDone);
    }

    private void start(Simulator sim, String network, List<PimLayerMapping> layers, Consumer<PimRunResult> onDone) {
        List<List<PimLayerMapping>> rounds = rounds(network, layers);
        long tilesUsed = layers.stream().mapToLong(PimLayerMapping::tiles).sum();
        new Runner(sim, network, rounds, tilesUsed, onDone).next();
    }

    private List<List<PimLayerMapping>> rounds(String network, List<PimLayerMapping> mapped) {
        List<PimLayerMapping> layers = new ArrayList<>();
        long total = 0;
        for (PimLayerMapping l : mapped) {
            if (l.tiles() > config.chipTiles() && config.overflow() == OverflowPolicy.ERROR) {
                throw new IllegalArgumentException("layer '" + l.name() + "' of " + network + " needs " + l.tiles()
                        + " tiles of " + config.tile().rows() + " x " + config.tile().cols()
                        + " but chipTiles is " + config.chipTiles()
                        + " (overflow: error; set overflow: reprogram to time-multiplex the tiles)");
            }
            for (PimLayerMapping part : l.splitToFit(config.chipTiles(), config)) {
                layers.add(part);
                total += part.tiles();
            }
        }
        List<List<PimLayerMapping>> rounds = new ArrayList<>();
        if (total <= config.chipTiles()) {
            rounds.add(layers);
            return rounds;
        }
        if (config.overflow() == OverflowPolicy.ERROR) {
            throw new IllegalArgumentException(network + " needs " + total + " tiles but chipTiles is "
                    + config.chipTiles() + " (overflow: error; set overflow: reprogram to time-multiplex the tiles)");
        }
        List<PimLayerMapping> current = new ArrayList<>();
        long used = 0;
        for (PimLayerMapping l : layers) {
            if (used + l.tiles() > config.chipTiles()) {
                rounds.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(l);
            used += l.tiles();
        }
        rounds.add(current);
        return rounds;
    }

    private PimRunResult withDenseLatencies(PimRunResult sparse, NetworkSpec network, long seed) {
        PimAccelerator dense = new PimAccelerator(
                config.withZeroPlaneProbability(0).withZeroPlaneProbabilityByLayer(Map.of()), root);
        PimRunResult d = dense.run(Simulator.create(seed), network);
        List<PimLayerResult> merged = new ArrayList<>();
        for (int i = 0; i < sparse.layers().size(); i++) {
            PimLayerResult s = sparse.layers().get(i);
            merged.add(new PimLayerResult(s.name(), s.typeId(), s.tiles(), s.vectors(), s.macs(), s.analogMacs(),
                    s.adcConversions(), s.adcConversionsSkipped(), s.adcs(), s.adcUtilisation(),
                    s.mappingUtilisation(), s.startPs(), s.latencyPs(), d.layers().get(i).latencyPs(),
                    s.programmingPs(), s.energyPj(), s.adcEnergySavedPj(), s.energyByComponentPj()));
        }
        return new PimRunResult(sparse.network(), config, merged, sparse.latencyPs(), sparse.tilesUsed(),
                sparse.programmingRounds());
    }

    /** Stage times of a layer, in ps. */
    LayerRun.Timing timing(PimLayerMapping l) {
        PimActionTable a = config.actions();
        CrossbarConfig tile = config.tile();
        long readPs = PimActionTable.ps(a.value("array", "readNs"));
        long perAdc = (config.convertedColumnsPerTile() + config.adcsPerTile() - 1) / config.adcsPerTile();
        long convertPs = PimActionTable.ps(perAdc * a.value("adc", "convertNs"));
        Traffic tr = traffic(l);
        long accessPs = PimActionTable.ps(a.value("buffer", "accessNs"));
        long flitPs = PimActionTable.ps(a.value("interconnect", "flitNs"));
        long fetchPs = tr.readWords * accessPs + tr.busInFlits * flitPs;
        int depth = 32 - Integer.numberOfLeadingZeros(l.rowBlocks() - 1); // ceil(log2(rowBlocks))
        long flitsPerLevel = ceilDiv((long) tile.cols() * tr.psumBytes, tr.flitBytes);
        long outputPs = depth * flitsPerLevel * flitPs + PimActionTable.ps(a.value("shiftAdd", "latencyNs"))
                + tr.writeWords * accessPs + tr.busOutFlits * flitPs;
        return new LayerRun.Timing(readPs, convertPs, fetchPs, outputPs);
    }

    /** Buffer and interconnect traffic of one input vector of a layer. */
    record Traffic(long readWords, long busInFlits, long writeWords, long busOutFlits, long routerFlits,
                   long reduceAdds, int psumBytes, int flitBytes) {
    }

    Traffic traffic(PimLayerMapping l) {
        PimActionTable a = config.actions();
        int wordBytes = (int) a.value("buffer", "wordBytes");
        int flitBytes = (int) a.value("interconnect", "flitBytes");
        int inBytes = (config.tile().dac().bits() + 7) / 8;
        int psumBytes = (config.psumBits() + 7) / 8;
        long inputBytes = l.inputsPerVector() * inBytes;
        long outputBytes = l.outputsPerVector() * inBytes;
        long routerFlits = 0;
        long reduceAdds = 0;
        if (l.rowBlocks() > 1) {
            routerFlits = ceilDiv(l.outputsPerVector() * l.rowBlocks() * psumBytes, flitBytes);
            reduceAdds = l.outputsPerVector() * (l.rowBlocks() - 1);
        }
        return new Traffic(ceilDiv(inputBytes, wordBytes), ceilDiv(inputBytes, flitBytes),
                ceilDiv(outputBytes, wordBytes), ceilDiv(outputBytes, flitBytes), routerFlits, reduceAdds,
                psumBytes, flitBytes);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Cells of the tiles holding a layer's weights: weights x slices x 2 (the signed pair). */
    long cellsProgrammed(PimLayerMapping l) {
        return l.weights() * config.tile().slices() * 2;
    }

    /** Walks the rounds and layers, one layer at a time, charging each as it ends. */
    private final class Runner implements EventHandler {
        private final Simulator sim;
        private final String network;
        private final List<List<PimLayerMapping>> rounds;
        private final long tilesUsed;
        private final Consumer<PimRunResult> onDone;
        private final List<PimLayerResult> results = new ArrayList<>();
        private final long startPs;
        private int round;
        private int index;
        private long programmingPs;
        private LayerRun current;

        Runner(Simulator sim, String network, List<List<PimLayerMapping>> rounds, long tilesUsed,
               Consumer<PimRunResult> onDone) {
            this.sim = sim;
            this.network = network;
            this.rounds = rounds;
            this.tilesUsed = tilesUsed;
            this.onDone = onDone;
            this.startPs = sim.nowPs();
        }

        @Override
        public String componentPath() {
            return root;
        }

        void next() {
            if (round == rounds.size()) {
                onDone.accept(new PimRunResult(network, config, results, sim.nowPs() - startPs, tilesUsed,
                        rounds.size()));
                return;
            }
            if (index == 0 && rounds.size() > 1) {
                programmingPs = (long) config.tile().rows()
                        * PimActionTable.ps(config.actions().value("array", "rowWriteNs"));
                sim.schedule(programmingPs, this, 0);
                return;
            }
            startLayer();
        }

        @Override
        public void handle(long arg) {
            startLayer();
        }

        private void startLayer() {
            PimLayerMapping l = rounds.get(round).get(index);
            current = new LayerRun(sim, l, config, root + "/" + safe(l.id()), timing(l), this::layerDone);
            current.start();
        }

        private void layerDone() {
            PimLayerMapping l = rounds.get(round).get(index);
            boolean programmed = index == 0 && rounds.size() > 1;
            results.add(charge(sim.energy(), l, current, programmed ? programmingPs : 0,
                    rounds.size() > 1 ? cellsProgrammed(l) : 0));
            current = null;
            index++;
            if (index == rounds.get(round).size()) {
                index = 0;
                round++;
            }
            next();
        }
    }

    private static String safe(String name) {
        return name.replace('/', '_');
    }

    private PimLayerResult charge(EnergyLedger ledger, PimLayerMapping l, LayerRun run, long programmingPs,
                                  long cellsWritten) {
        PimActionTable a = config.actions();
        CrossbarConfig tile = config.tile();
        String base = root + "/" + safe(l.id());
        Traffic tr = traffic(l);
        long vectors = l.vectors();
        Map<String, Double> byComponent = new LinkedHashMap<>();

        double adcPj = a.adcConvertPj(tile.adc().bits());
        long conversions = run.conversions();
        long skipped = run.conversionsSkipped();
        byComponent.put("adc", record(ledger, base + "/adc", "convert", conversions, adcPj));
        int dacBits = tile.scheme().bitSerialInputs() ? 1 : tile.dac().bits();
        byComponent.put("dac", record(ledger, base + "/dac", "drive", run.rowDrives, a.dacDrivePj(dacBits)));
        double array = record(ledger, base + "/array", "read", run.cellReads, a.value("array", "cellReadPj"));
        if (cellsWritten > 0) {
            array += record(ledger, base + "/array", "program", cellsWritten, a.value("array", "cellWritePj"));
        }
        byComponent.put("array", array);
        double sa = record(ledger, base + "/shift-add", "accumulate", conversions, a.value("shiftAdd", "accumulatePj"));
        sa += record(ledger, base + "/shift-add", "reduce", vectors * tr.reduceAdds(), a.value("shiftAdd", "accumulatePj"));
        byComponent.put("shift-add", sa);
        double buf = record(ledger, base + "/buffer", "read", vectors * tr.readWords(), a.value("buffer", "readPj"));
        buf += record(ledger, base + "/buffer", "write", vectors * tr.writeWords(), a.value("buffer", "writePj"));
        byComponent.put("buffer", buf);
        double ic = record(ledger, base + "/interconnect", "bus", vectors * (tr.busInFlits() + tr.busOutFlits()),
                a.value("interconnect", "busPj"));
        ic += record(ledger, base + "/interconnect", "router", vectors * tr.routerFlits(),
                a.value("interconnect", "routerPj"));
        byComponent.put("interconnect", ic);
        double energy = byComponent.values().stream().mapToDouble(Double::doubleValue).sum();

        long adcs = (long) l.tiles() * config.adcsPerTile();
        long latencyPs = run.endPs() - run.startPs();
        double adcUtil = latencyPs == 0 ? 0
                : conversions * a.value("adc", "convertNs") * 1000.0 / ((double) adcs * latencyPs);
        long analogMacs = l.analogMacs(tile.rows(), tile.cols());
        return new PimLayerResult(l.id(), l.typeId(), l.tiles(), vectors, l.macs(), analogMacs, conversions,
                skipped, adcs, adcUtil, l.utilisation(tile.rows(), tile.cols()), run.startPs(), latencyPs, latencyPs,
                programmingPs, energy, skipped * adcPj, byComponent);
    }

    private static double record(EnergyLedger ledger, String path, String action, long count, double pjEach) {
        EnergyComponent c = ledger.component(path);
        double before = c.actionEnergyPj(action);
        c.record(c.defineAction(action, pjEach), count);
        return c.actionEnergyPj(action) - before;
    }
}
