package org.hwsim.bench;

import java.util.concurrent.TimeUnit;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.scheme.Decomposition;
import org.hwsim.pim.train.Architecture;
import org.hwsim.pim.train.PimNetworks;
import org.hwsim.pim.train.PimSettings;
import org.hwsim.pim.train.SyntheticData;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step (forward, backward and Adam update on a mini-batch of 64 images of 28 x 28) of
 * the PIM study's MLP (784-64-64-10 with batch norm), in steps per second on one thread.
 *
 * <p>{@code network}: {@code dl4j}, the same layers as plain DL4J dense layers (the baseline: no
 * PIM model in the loop); {@code digital}, the PIM layers with an ideal ADC (conventional QAT:
 * 4-bit weights and inputs on 128 x 128 tiles); {@code pim-qat-native} and {@code
 * pim-qat-bit-serial}, PIM-QAT with a 4-bit ADC in the forward pass (the study's settings). Each
 * PIM step programs the layers' crossbars with the current weights and runs the batch through them
 * (784 x 64 on seven tiles, 64 x 64 on one), then back-propagates with the straight-through
 * estimator.
 *
 * <p>Figures and the command: {@code benchmarks/README.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PimTrainingBench {
    static final int SIDE = 28;
    static final int BATCH = 64;

    @Param({"dl4j", "digital", "pim-qat-native", "pim-qat-bit-serial"})
    public String network;

    private MultiLayerNetwork net;
    private DataSet batch;

    @Setup
    public void setUp() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        RandomStreams streams = new RandomStreams(7);
        batch = SyntheticData.prototypes(10, SIDE, SIDE, BATCH, 0.35, streams.fresh("bench/prototypes"),
                streams.fresh("bench/samples"));
        PimNetworks.Shape shape = new PimNetworks.Shape(Architecture.MLP, SIDE, SIDE, 10);
        net = switch (network) {
            case "dl4j" -> plainMlp();
            case "digital" -> PimNetworks.build(shape, settings(Decomposition.NATIVE, 0), 1, 5e-3);
            case "pim-qat-native" -> PimNetworks.build(shape, settings(Decomposition.NATIVE, 4), 1, 5e-3);
            case "pim-qat-bit-serial" -> PimNetworks.build(shape, settings(Decomposition.BIT_SERIAL, 4), 1, 5e-3);
            default -> throw new IllegalArgumentException("network: " + network);
        };
    }

    private static PimSettings settings(Decomposition scheme, int adcBits) {
        return PimSettings.quantized(128, 128, scheme, 4, 4, adcBits, adcBits > 0, 11);
    }

    /** The study's MLP with plain DL4J dense layers. */
    private static MultiLayerNetwork plainMlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(5e-3))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list()
                .layer(new DenseLayer.Builder().nIn(SIDE * SIDE).nOut(PimNetworks.MLP_HIDDEN)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().useLogStd(false).build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(PimNetworks.MLP_HIDDEN).nOut(PimNetworks.MLP_HIDDEN)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().useLogStd(false).build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward((long) SIDE * SIDE))
                .build();
        MultiLayerNetwork n = new MultiLayerNetwork(conf);
        n.init();
        return n;
    }

    /** One mini-batch step: forward through the network (PIM model or plain), backward, update. */
    @Benchmark
    public MultiLayerNetwork trainingStep() {
        net.fit(batch);
        return net;
    }
}
