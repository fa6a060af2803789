package org.hwsim.pim.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.data.DigitSet;
import org.hwsim.pim.data.ShippedDigits;
import org.hwsim.pim.scheme.Decomposition;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The PIM-QAT study (Jin et al., "PIM-QAT: Neural Network Quantization for Processing-In-Memory
 * (PIM) Systems", arXiv 2209.08617): trains each network digitally and with PIM quantization in
 * the loop, deploys on the PIM model at each ADC resolution with and without ADC non-idealities,
 * and measures test accuracy for every {@link TrainingMethod}.
 *
 * <p>Per network: one digital QAT training (ADC ideal), evaluated digitally ({@code digital}) and
 * deployed at each (scheme, ADC bits) ({@code qat-deployed}); one PIM-QAT training per (scheme,
 * ADC bits), deployed at the same resolution ({@code pim-qat}), then with batch-norm calibration
 * ({@code pim-qat-bncal}); and the PIM-QAT model trained one bit lower deployed with batch-norm
 * calibration ({@code pim-qat-adjusted}, when that resolution was trained). Every deployment is
 * measured with noise {@code off} (ideal ADC transfer) and {@code on} ({@link AdcNoise}).
 */
public final class PimStudy {
    private PimStudy() {
    }

    /**
     * The study's settings.
     *
     * @param networks networks to train, at least one
     * @param schemes decomposition schemes, at least one
     * @param adcBits deployed ADC resolutions in [1, 16], at least one
     * @param weightBits weight magnitude bits in [1, 16]
     * @param inputBits DAC bits (unsigned inputs) in [1, 16]
     * @param tileRows crossbar tile rows
     * @param tileCols crossbar tile columns
     * @param trainCount training images
     * @param testCount test images
     * @param calibrationCount training images used to calibrate ADC ranges and batch norm
     * @param epochs training epochs
     * @param batch mini-batch size
     * @param learningRate Adam step size
     * @param noise the "noise on" ADC non-idealities
     * @param seed master seed
     * @param synthetic use generated 8x8 data instead of the shipped digits (fast tests)
     * @param adcRange how every PIM ADC sets its range: {@code calibrated} from the calibration
     *     batch's largest column sum, or {@code max-possible}: the largest sum the tile can
     *     produce, a fixed full-range quantizer like the paper's PIM quantization
     */
    public record Config(List<Architecture> networks, List<Decomposition> schemes, List<Integer> adcBits,
                         int weightBits, int inputBits, int tileRows, int tileCols, int trainCount, int testCount,
                         int calibrationCount, int epochs, int batch, double learningRate, AdcNoise noise, long seed,
                         boolean synthetic, AdcRangeMode adcRange) {
        /** Validates every field. */
        public Config {
            networks = List.copyOf(networks);
            schemes = List.copyOf(schemes);
            adcBits = List.copyOf(adcBits);
            if (networks.isEmpty() || schemes.isEmpty() || adcBits.isEmpty()) {
                throw new IllegalArgumentException("networks, schemes and adcBits must not be empty: "
                        + networks + ", " + schemes + ", " + adcBits);
            }
            for (int b : adcBits) {
                if (b < 1 || b > 16) {
                    throw new IllegalArgumentException("adcBits must be in [1, 16]: " + b);
                }
            }
            if (weightBits < 1 || weightBits > 16 || inputBits < 1 || inputBits > 16) {
                throw new IllegalArgumentException("weightBits and inputBits must be in [1, 16]: " + weightBits
                        + ", " + inputBits);
            }
            if (tileRows < 1 || tileCols < 1 || trainCount < 1 || testCount < 1 || calibrationCount < 1
                    || epochs < 1 || batch < 1) {
                throw new IllegalArgumentException("tile size, counts, epochs and batch must be >= 1: tile "
                        + tileRows + "x" + tileCols + ", train " + trainCount + ", test " + testCount
                        + ", calibration " + calibrationCount + ", epochs " + epochs + ", batch " + batch);
            }
            if (calibrationCount > trainCount) {
                throw new IllegalArgumentException("calibrationCount must be <= trainCount = " + trainCount + ": "
                        + calibrationCount);
            }
            if (!synthetic && trainCount + testCount > 10_000) {
                throw new IllegalArgumentException("trainCount + testCount must be <= 10000 shipped digits: "
                        + (trainCount + testCount));
            }
            if (noise == null) {
                throw new IllegalArgumentException("noise must be given: null");
            }
            if (adcRange != AdcRangeMode.CALIBRATED && adcRange != AdcRangeMode.MAX_POSSIBLE) {
                throw new IllegalArgumentException("adcRange must be calibrated or max-possible: "
                    + (adcRange == null ? "null" : adcRange.id()));
            }
        }

        /** A study whose ADC ranges are calibrated from data. */
        public Config(List<Architecture> networks, List<Decomposition> schemes, List<Integer> adcBits,
                      int weightBits, int inputBits, int tileRows, int tileCols, int trainCount, int testCount,
                      int calibrationCount, int epochs, int batch, double learningRate, AdcNoise noise, long seed,
                      boolean synthetic) {
            this(networks, schemes, adcBits, weightBits, inputBits, tileRows, tileCols, trainCount, testCount,
                    calibrationCount, epochs, batch, learningRate, noise, seed, synthetic, AdcRangeMode.CALIBRATED);
        }

        /** This study with ADC ranges set by {@code mode}. */
        public Config withAdcRange(AdcRangeMode mode) {
            return new Config(networks, schemes, adcBits, weightBits, inputBits, tileRows, tileCols, trainCount,
                    testCount, calibrationCount, epochs, batch, learningRate, noise, seed, synthetic, mode);
        }

        /** The {@code --quick} study: both networks, native and bit-serial, 2-6 bit ADCs, 2,400 training digits. */
        public static Config quick(long seed) {
            return new Config(List.of(Architecture.MLP, Architecture.CNN),
                    List.of(Decomposition.NATIVE, Decomposition.BIT_SERIAL), List.of(2, 3, 4, 6), 4, 4, 128, 128,
                    2400, 1000, 500, 2, 64, 5e-3, AdcNoise.typical(), seed, false);
        }

        /** The full study: the three schemes of the paper, 1-8 bit ADCs, 9,000 digits. */
        public static Config full(long seed) {
            return new Config(List.of(Architecture.MLP, Architecture.CNN),
                    List.of(Decomposition.NATIVE, Decomposition.BIT_SERIAL, Decomposition.DIFFERENTIAL),
                    List.of(1, 2, 3, 4, 5, 6, 8), 4, 4, 128, 128, 8000, 2000, 1000, 4, 64, 3e-3,
                    AdcNoise.typical(), seed, false);
        }
    }

    /** One result: a network trained and deployed one way, and its test accuracy in [0, 1]. */
    public record Row(String network, String scheme, int adcBits, int trainAdcBits, String method, String noise,
                      double accuracy) {
    }

    /** Runs the study; {@code progress} gets one line per training and deployment. */
    public static List<Row> run(Config c, Consumer<String> progress) {
        List<Row> rows = new ArrayList<>();
        for (Architecture arch : c.networks()) {
            Data d = data(c, arch);
            PimNetworks.Shape shape = new PimNetworks.Shape(arch, d.side, d.side, 10);
            String base = "pim/study/" + arch.id();
            long initSeed = RandomStreams.seedOf(c.seed(), base + "/init");
            PimSettings digitalSettings = PimSettings.quantized(c.tileRows(), c.tileCols(), Decomposition.NATIVE,
                    c.weightBits(), c.inputBits(), 0, false, RandomStreams.seedOf(c.seed(), base + "/digital"));
            MultiLayerNetwork digital = train(c, shape, digitalSettings, d, initSeed, base);
            double digitalAcc = PimNetworks.accuracy(PimNetworks.deploy(digital, shape, digitalSettings, d.calibration),
                    d.test);
            rows.add(new Row(arch.id(), "none", 0, 0, TrainingMethod.DIGITAL.id(), "off", digitalAcc));
            progress.accept(arch.id() + " digital: " + format(digitalAcc));
            for (Decomposition scheme : c.schemes()) {
                Map<Integer, MultiLayerNetwork> pimTrained = new HashMap<>();
                for (int bits : c.adcBits()) {
                    String where = base + "/" + scheme.id() + "/" + bits;
                    PimSettings train = PimSettings.quantized(c.tileRows(), c.tileCols(), scheme, c.weightBits(),
                            c.inputBits(), bits, c.adcRange(), true, RandomStreams.seedOf(c.seed(), where + "/train"));
                    pimTrained.put(bits, train(c, shape, train, d, initSeed, base));
                }
                for (int bits : c.adcBits()) {
                    String where = base + "/" + scheme.id() + "/" + bits;
                    long chip = RandomStreams.seedOf(c.seed(), where + "/chip");
                    for (String noise : List.of("off", "on")) {
                        PimSettings deploy = PimSettings.quantized(c.tileRows(), c.tileCols(), scheme, c.weightBits(),
                                c.inputBits(), bits, c.adcRange(), false, chip);
                        if (noise.equals("on")) {
                            deploy = deploy.withAdc(c.noise().applyTo(deploy.tile().adc()));
                        }
                        double qat = PimNetworks.accuracy(PimNetworks.deploy(digital, shape, deploy, d.calibration),
                                d.test);
                        rows.add(new Row(arch.id(), scheme.id(), bits, 0, TrainingMethod.QAT_DEPLOYED.id(), noise, qat));
                        MultiLayerNetwork pim = PimNetworks.deploy(pimTrained.get(bits), shape,
                                deploy.withRescale(true), d.calibration);
                        double pimAcc = PimNetworks.accuracy(pim, d.test);
                        rows.add(new Row(arch.id(), scheme.id(), bits, bits, TrainingMethod.PIM_QAT.id(), noise, pimAcc));
                        PimNetworks.calibrateBatchNorm(pim, d.calibration);
                        double bncal = PimNetworks.accuracy(pim, d.test);
                        rows.add(new Row(arch.id(), scheme.id(), bits, bits, TrainingMethod.PIM_QAT_BNCAL.id(), noise,
                                bncal));
                        String line = String.format("%s %s %d-bit ADC noise %s: qat-deployed %s, pim-qat %s, "
                                + "pim-qat-bncal %s", arch.id(), scheme.id(), bits, noise, format(qat), format(pimAcc),
                                format(bncal));
                        MultiLayerNetwork lower = pimTrained.get(bits - 1);
                        if (lower != null) {
                            MultiLayerNetwork adj = PimNetworks.deploy(lower, shape, deploy.withRescale(true),
                                    d.calibration);
                            PimNetworks.calibrateBatchNorm(adj, d.calibration);
                            double adjAcc = PimNetworks.accuracy(adj, d.test);
                            rows.add(new Row(arch.id(), scheme.id(), bits, bits - 1,
                                    TrainingMethod.PIM_QAT_ADJUSTED.id(), noise, adjAcc));
                            line += ", pim-qat-adjusted " + format(adjAcc);
                        }
                        progress.accept(line);
                    }
                }
            }
        }
        return rows;
    }

    private static String format(double acc) {
        return String.format("%.3f", acc);
    }

    private static MultiLayerNetwork train(Config c, PimNetworks.Shape shape, PimSettings pim, Data d, long initSeed,
                                           String base) {
        MultiLayerNetwork net = PimNetworks.build(shape, pim, initSeed, c.learningRate());
        PimNetworks.train(net, d.train, c.epochs(), c.batch(), new RandomStreams(c.seed()).fresh(base + "/order"));
        return net;
    }

    private record Data(DataSet train, DataSet test, INDArray calibration, int side) {
    }

    private static Data data(Config c, Architecture arch) {
        DataSet train;
        DataSet test;
        int side;
        RandomStreams streams = new RandomStreams(c.seed());
        if (c.synthetic()) {
            side = 8;
            train = SyntheticData.prototypes(10, side, side, c.trainCount(), 0.35,
                    streams.fresh("pim/study/synthetic/prototypes"), streams.fresh("pim/study/synthetic/train"));
            test = SyntheticData.prototypes(10, side, side, c.testCount(), 0.35,
                    streams.fresh("pim/study/synthetic/prototypes"), streams.fresh("pim/study/synthetic/test"));
        } else {
            DigitSet all = ShippedDigits.load();
            side = all.rows();
            DigitSet[] split = all.split((double) c.testCount() / all.count(), streams.fresh("pim/study/split"));
            train = toDataSet(split[0], c.trainCount());
            test = toDataSet(split[1], c.testCount());
        }
        INDArray calibration = train.getFeatures().get(NDArrayIndex.interval(0, c.calibrationCount()),
                NDArrayIndex.all()).dup();
        return new Data(train, test, calibration, side);
    }

    private static DataSet toDataSet(DigitSet set, int count) {
        int n = Math.min(count, set.count());
        float[] x = set.batch(0, n);
        float[] y = new float[n * 10];
        for (int i = 0; i < n; i++) {
            y[i * 10 + set.label(i)] = 1;
        }
        return new DataSet(Nd4j.create(x, new long[] {n, set.features()}, 'c'), Nd4j.create(y, new long[] {n, 10}, 'c'));
    }
}
