package org.hwsim.pim.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds, trains, deploys and evaluates the study's networks on DL4J with PIM layers.
 *
 * <p>Every PIM layer of a network shares the {@link PimSettings}; each has its own random streams
 * ({@code "pim/layer-<index>"} under the settings' seed). Deploying a trained network builds the
 * same architecture with other settings, copies every parameter (weights, biases, batch-norm
 * statistics), and calibrates the ADC ranges and rescaling factors on a calibration batch.
 */
public final class PimNetworks {
    /** Hidden width of the MLP's two PIM layers. */
    public static final int MLP_HIDDEN = 64;
    /** Filters of the CNN's two PIM convolutions. */
    public static final int[] CNN_FILTERS = {8, 16};

    private PimNetworks() {
    }

    /**
     * The shape of a network's data.
     *
     * @param architecture the network
     * @param height image height, at least 4 for the CNN (two 2x2 poolings)
     * @param width image width, as height
     * @param classes output classes, at least 2
     */
    public record Shape(Architecture architecture, int height, int width, int classes) {
        /** Validates the fields. */
        public Shape {
            if (architecture == null) {
                throw new IllegalArgumentException("architecture must be given: null");
            }
            int min = architecture == Architecture.CNN ? 4 : 1;
            if (height < min || width < min) {
                throw new IllegalArgumentException("image must be at least " + min + "x" + min + " for "
                        + architecture.id() + ": " + height + "x" + width);
            }
            if (classes < 2) {
                throw new IllegalArgumentException("classes must be >= 2: " + classes);
            }
        }
    }

    /**
     * A new, initialised network; DL4J's weight initialisation is seeded with {@code initSeed}.
     *
     * @param learningRate Adam step size, positive
     */
    public static MultiLayerNetwork build(Shape shape, PimSettings pim, long initSeed, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite: " + learningRate);
        }
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(initSeed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.NONE)
                .inferenceWorkspaceMode(WorkspaceMode.NONE)
                .list();
        if (shape.architecture() == Architecture.MLP) {
            b.layer(new PimDense.Builder().nIn((long) shape.height() * shape.width()).nOut(MLP_HIDDEN).pim(pim)
                            .activation(Activation.IDENTITY).build())
                    .layer(batchNorm())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                    .layer(new PimDense.Builder().nIn(MLP_HIDDEN).nOut(MLP_HIDDEN).pim(pim)
                            .activation(Activation.IDENTITY).build())
                    .layer(batchNorm())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(shape.classes())
                            .activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.feedForward((long) shape.height() * shape.width()));
        } else {
            for (int filters : CNN_FILTERS) {
                b.layer(new PimConv.Builder().nOut(filters).kernel(3).padding(1).pim(pim)
                                .activation(Activation.IDENTITY).build())
                        .layer(batchNorm())
                        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                                .stride(2, 2).build());
            }
            b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(shape.classes())
                            .activation(Activation.SOFTMAX).build())
                    .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), 1));
        }
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().useLogStd(false).build();
    }

    /**
     * Trains for {@code epochs} passes over {@code train} in mini-batches of {@code batch}, in an
     * order drawn from {@code order}.
     */
    public static void train(MultiLayerNetwork net, DataSet train, int epochs, int batch, UniformRandomProvider order) {
        if (epochs < 0 || batch < 1) {
            throw new IllegalArgumentException("epochs must be >= 0 and batch >= 1: " + epochs + ", " + batch);
        }
        int n = train.numExamples();
        int[] perm = PermutationSampler.natural(n);
        for (int e = 0; e < epochs; e++) {
            PermutationSampler.shuffle(order, perm);
            for (int start = 0; start < n; start += batch) {
                int[] idx = java.util.Arrays.copyOfRange(perm, start, Math.min(n, start + batch));
                net.fit(new DataSet(train.getFeatures().getRows(idx), train.getLabels().getRows(idx)));
            }
        }
    }

    /**
     * The trained network on other PIM settings (another ADC, noise on, rescaling off): same
     * architecture and parameters, crossbars programmed and calibrated on {@code calibration}.
     */
    public static MultiLayerNetwork deploy(MultiLayerNetwork trained, Shape shape, PimSettings pim,
                                           INDArray calibration) {
        MultiLayerNetwork net = build(shape, pim, 0, 1e-3);
        if (net.numParams() != trained.numParams()) {
            throw new IllegalArgumentException("trained network has " + trained.numParams()
                    + " parameters, the " + shape.architecture().id() + " shape needs " + net.numParams());
        }
        net.setParams(trained.params().dup());
        calibrate(net, calibration);
        return net;
    }

    /** Programs every PIM layer and calibrates its ADC range and rescaling on this batch. */
    public static void calibrate(MultiLayerNetwork net, INDArray calibration) {
        for (Layer l : net.getLayers()) {
            if (l instanceof PimLayer p) {
                p.engine().redeploy();
            }
        }
        net.output(calibration, false);
    }

    /**
     * Batch-norm calibration: for each batch-norm layer in order, replaces its running mean and
     * variance by the per-channel mean and (population) variance of its input over
     * {@code calibration}, computed through the deployed network (its PIM quantization,
     * non-linearity and noise) with the earlier layers already calibrated.
     *
     * @return the new means, one array per batch-norm layer, in order
     */
    public static List<INDArray> calibrateBatchNorm(MultiLayerNetwork net, INDArray calibration) {
        List<INDArray> means = new ArrayList<>();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (!(layers[i].conf().getLayer() instanceof BatchNormalization)) {
                continue;
            }
            if (i == 0) {
                throw new IllegalArgumentException("batch-norm calibration needs a layer before batch norm");
            }
            List<INDArray> acts = net.feedForwardToLayer(i - 1, calibration, false);
            INDArray in = acts.get(i);
            long[] dims = in.rank() == 4 ? new long[] {0, 2, 3} : new long[] {0};
            int[] d = java.util.Arrays.stream(dims).mapToInt(v -> (int) v).toArray();
            INDArray mean = in.mean(d);
            INDArray var = in.var(false, d);
            INDArray pMean = layers[i].getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
            INDArray pVar = layers[i].getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
            pMean.assign(mean.reshape(pMean.shape()));
            pVar.assign(var.reshape(pVar.shape()));
            means.add(mean.dup());
        }
        return means;
    }

    /** Fraction of {@code data} classified correctly (inference mode, batches of 500). */
    public static double accuracy(MultiLayerNetwork net, DataSet data) {
        int n = data.numExamples();
        long correct = 0;
        for (int start = 0; start < n; start += 500) {
            int end = Math.min(n, start + 500);
            INDArray x = data.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray y = data.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            INDArray out = net.output(x, false);
            INDArray predicted = out.argMax(1);
            INDArray actual = y.argMax(1);
            correct += predicted.eq(actual).castTo(DataType.INT).sumNumber().longValue();
        }
        return (double) correct / n;
    }
}
