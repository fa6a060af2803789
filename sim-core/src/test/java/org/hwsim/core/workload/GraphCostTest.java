package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operators transformers, U-Nets and mobile networks need, every operator's cost, mixed
 * element widths, batches and the graph's public order and edges. Expected values are closed
 * forms of the operator definitions (PyTorch's {@code ConvTranspose2d} output formula, the matrix
 * product's {@code M * K * N}) worked by hand in the comments.
 */
class GraphCostTest {

    private static long macs(LayerOp op, TensorShape... in) {
        return op.macs(List.of(in));
    }

    @Test
    void transposedConvolutionsFollowPyTorchsOutputFormula() {
        // DCGAN's generator step: ConvTranspose2d(16 -> 8, kernel 4, stride 2, padding 1):
        // out = (16 - 1) * 2 - 2 + 3 + 1 = 32.
        LayerOp.ConvTranspose up = new LayerOp.ConvTranspose(8, Window.square(4, 2, 1), 1, true);
        List<TensorShape> in = List.of(TensorShape.chw(16, 16, 16));
        assertEquals(TensorShape.chw(8, 32, 32), up.outputShape(in));
        assertEquals(16L * 16 * 16 * 8 * 16, up.macs(in)); // every input element x Cout x taps
        assertEquals(16L * 8 * 16 + 8, up.parameters(in));
        assertEquals(8L * 32 * 32, up.elementOps(in)); // the bias
        assertEquals("conv_transpose2d", up.typeId());

        // 3D U-Net up-convolution, 2x2x2 stride 2, 320 -> 256 channels on 4^3: the Javadoc example.
        LayerOp.ConvTranspose up3 = new LayerOp.ConvTranspose(256, Window.cube(2, 2, 0), 1, false);
        List<TensorShape> v = List.of(TensorShape.cdhw(320, 4, 4, 4));
        assertEquals(TensorShape.cdhw(256, 8, 8, 8), up3.outputShape(v));
        assertEquals(41_943_040L, up3.macs(v));
        assertEquals(655_360L, up3.parameters(v));

        // output padding adds at the end: (7 - 1) * 2 - 2 + 2 + 1 + 1 = 14.
        LayerOp.ConvTranspose padded =
                new LayerOp.ConvTranspose(4, Window.square(3, 2, 1), 1, false, List.of(1, 1));
        assertEquals(TensorShape.chw(4, 14, 14), padded.outputShape(List.of(TensorShape.chw(4, 7, 7))));
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> new LayerOp.ConvTranspose(4, Window.square(3, 2, 1), 1, false, List.of(2, 0)));
        assertTrue(e.getMessage().startsWith("outputPadding must be in [0, max(stride, dilation))"),
                e.getMessage());
    }

    @Test
    void attentionIsMatrixProductsOfActivations() {
        // BERT-large self-attention per layer: 16 heads, sequence 384, head size 64.
        LayerOp.MatMul mm = new LayerOp.MatMul();
        TensorShape q = TensorShape.of(16, 384, 64);
        TensorShape kT = TensorShape.of(16, 64, 384);
        assertEquals(TensorShape.of(16, 384, 384), mm.outputShape(List.of(q, kT)));
        assertEquals(16L * 384 * 64 * 384, macs(mm, q, kT));
        assertEquals(0L, mm.parameters(List.of(q, kT)));
        // A leading dimension of 1 broadcasts.
        assertEquals(TensorShape.of(16, 384, 384),
                mm.outputShape(List.of(q, TensorShape.of(1, 64, 384))));
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> mm.outputShape(List.of(q, TensorShape.of(16, 63, 384))));
        assertTrue(e.getMessage().contains("must agree in K"), e.getMessage());

        // Dense layers apply at every token: [1024, 384] -> [4096, 384].
        LayerOp.Linear ffn = LayerOp.linear(1024, 4096, true);
        List<TensorShape> tokens = List.of(TensorShape.of(1024, 384));
        assertEquals(TensorShape.of(4096, 384), ffn.outputShape(tokens));
        assertEquals(1024L * 4096 * 384, ffn.macs(tokens));
        assertEquals(1024L * 4096 + 4096, ffn.parameters(tokens));

        LayerOp.Embedding words = new LayerOp.Embedding(30_522, 1024);
        assertEquals(TensorShape.of(1024, 384), words.outputShape(List.of(TensorShape.of(1, 384))));
        assertEquals(31_254_528L, words.parameters(List.of(TensorShape.of(1, 384))));
        assertEquals(2048L, new LayerOp.LayerNorm().parameters(tokens));
        assertEquals(8L * 1024 * 384, new LayerOp.LayerNorm().elementOps(tokens));
        assertEquals(5L * 1024 * 384, new LayerOp.Softmax(1).elementOps(tokens));
    }

    @Test
    void dataMovementOpsReshapeWithoutArithmetic() {
        TensorShape x = TensorShape.of(1024, 384);
        LayerOp.Reshape heads = new LayerOp.Reshape(List.of(16, 64, -1));
        assertEquals(TensorShape.of(16, 64, 384), heads.outputShape(List.of(x)));
        LayerOp.Transpose swap = new LayerOp.Transpose(List.of(0, 2, 1));
        assertEquals(TensorShape.of(16, 384, 64), swap.outputShape(List.of(TensorShape.of(16, 64, 384))));
        assertEquals(TensorShape.of(6, 5, 7, 2, 3, 4),
                new LayerOp.Transpose(List.of(5, 4, 3, 0, 1, 2))
                        .outputShape(List.of(TensorShape.of(2, 3, 4, 7, 5, 6))));
        LayerOp.Slice half = new LayerOp.Slice(0, 32, 64);
        assertEquals(TensorShape.chw(32, 52, 52), half.outputShape(List.of(TensorShape.chw(64, 52, 52))));
        LayerOp.Resize logits = new LayerOp.Resize(List.of(257, 257), LayerOp.UpsampleMode.LINEAR);
        List<TensorShape> small = List.of(TensorShape.chw(21, 33, 33));
        assertEquals(TensorShape.chw(21, 257, 257), logits.outputShape(small));
        assertEquals(21L * 257 * 257 * 2 * 4, logits.elementOps(small)); // 4 taps, 2 ops each
        for (LayerOp op : List.of(heads, swap, half)) {
            assertEquals(0L, op.elementOps(List.of(op == half ? TensorShape.chw(64, 52, 52)
                    : op == swap ? TensorShape.of(16, 64, 384) : x)));
        }
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> new LayerOp.Reshape(List.of(7, -1)).outputShape(List.of(x)));
        assertTrue(e.getMessage().startsWith("shape cannot hold the 393216 elements"), e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> new LayerOp.Transpose(List.of(0, 0, 1)));
        assertTrue(e.getMessage().startsWith("permutation must hold each of 0..2 once"), e.getMessage());
    }

    @Test
    void squeezeExcitationScalesByBroadcasting() {
        LayerOp.Mul scale = new LayerOp.Mul();
        List<TensorShape> in = List.of(TensorShape.chw(96, 28, 28), TensorShape.chw(96, 1, 1));
        assertEquals(TensorShape.chw(96, 28, 28), scale.outputShape(in));
        assertEquals(96L * 28 * 28, scale.elementOps(in));
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> scale.outputShape(List.of(TensorShape.chw(96, 28, 28), TensorShape.chw(48, 1, 1))));
        assertTrue(e.getMessage().contains("(broadcast)"), e.getMessage());
        assertEquals(5, LayerOp.ActivationFunction.HARD_SWISH.opsPerElement());
        assertEquals("hard_swish", LayerOp.ActivationFunction.HARD_SWISH.id());
    }

    @Test
    void everyOperatorCostsSomethingOrMovesBytes() {
        NetworkSpec net = NetworkSpec.builder("costs")
                .input("image", TensorShape.chw(8, 16, 16))
                .then("conv", LayerOp.conv2d(8, 3, 1, 1, false))
                .then("bn", LayerOp.batchNorm())
                .then("relu", LayerOp.relu())
                .then("pool", LayerOp.maxPool2d(2, 2, 0))
                .build();
        NetworkProfile p = net.profile();
        long elements = 8L * 16 * 16;
        assertEquals(2 * elements, p.layer("bn").orElseThrow().elementOps());
        assertEquals(elements, p.layer("relu").orElseThrow().elementOps());
        assertEquals(8L * 8 * 8 * 4, p.layer("pool").orElseThrow().elementOps());
        // int8: the batch norm reads and writes one byte per element, and moves them.
        LayerProfile bn = p.layer("bn").orElseThrow();
        assertEquals(elements, bn.inputBytes());
        assertEquals(elements, bn.activationBytes());
        assertEquals(0L, bn.macs());
    }

    @Test
    void layersMayHaveTheirOwnElementWidth() {
        NetworkSpec net = NetworkSpec.builder("mixed")
                .input("x", TensorShape.features(100))
                .then("fc", LayerOp.linear(100, 10, true))
                .then("softmax", new LayerOp.Softmax(0))
                .build();
        List<LayerSpec> layers = List.of(net.layers().get(0),
                net.layers().get(1).withElementBytes(2));
        NetworkSpec mixed = new NetworkSpec("mixed", net.inputs(), layers, 1);
        NetworkProfile p = mixed.profile();
        LayerProfile fc = p.layer("fc").orElseThrow();
        LayerProfile softmax = p.layer("softmax").orElseThrow();
        assertEquals(1010L, fc.weightBytes()); // int8 weights
        assertEquals(10L, softmax.inputBytes()); // reads fc's int8 output
        assertEquals(20L, softmax.activationBytes()); // writes fp16
        assertEquals(2, softmax.elementBytes());
        assertEquals(mixed, NetworkFormat.fromJson(NetworkFormat.toJson(mixed)));
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> net.layers().get(0).withElementBytes(9));
        assertTrue(e.getMessage().startsWith("elementBytes must be 0 (the network's) or in [1, 8]: 9"),
                e.getMessage());
    }

    @Test
    void aBatchScalesWorkAndActivationsButNotWeights() {
        NetworkSpec one = NetworkZoo.resnet18();
        NetworkSpec four = one.withBatch(4);
        NetworkProfile p1 = one.profile();
        NetworkProfile p4 = four.profile();
        assertEquals(4 * p1.macs(), p4.macs());
        assertEquals(4 * p1.elementOps(), p4.elementOps());
        assertEquals(4 * p1.activationBytes(), p4.activationBytes());
        assertEquals(4 * p1.inputBytes(), p4.inputBytes());
        assertEquals(p1.parameters(), p4.parameters());
        assertEquals(p1.weightBytes(), p4.weightBytes());
        assertEquals(four, NetworkFormat.fromJson(NetworkFormat.toJson(four)));
        assertThrows(WorkloadFormatException.class, () -> one.withBatch(0));
    }

    @Test
    void theGraphHasAPublicOrderAndEdges() {
        // Declared consumer first: the order must still put producers first.
        List<LayerSpec> layers = List.of(
                LayerSpec.of("sum", LayerOp.add(), "a", "b"),
                LayerSpec.of("b", LayerOp.relu(), "a"),
                LayerSpec.of("a", LayerOp.conv2d(4, 3, 1, 1, false), "x"),
                LayerSpec.of("tail", LayerOp.relu6(), "sum"));
        NetworkSpec net = new NetworkSpec("dag",
                List.of(new NetworkInput("x", TensorShape.chw(4, 8, 8))), layers, 1);
        NetworkProfile p = net.profile();
        assertEquals(List.of("a", "b", "sum", "tail"),
                p.topologicalOrder().stream().map(LayerProfile::name).toList());
        LayerProfile a = p.layer("a").orElseThrow();
        LayerProfile sum = p.layer("sum").orElseThrow();
        assertEquals(List.of("sum", "b"), p.consumers(a).stream().map(LayerProfile::name).toList());
        assertEquals(List.of("a", "b"), p.producers(sum).stream().map(LayerProfile::name).toList());
        assertEquals(List.of(), p.producers(a)); // reads only the network input
        assertEquals(List.of("tail"), p.outputs().stream().map(LayerProfile::name).toList());
        // Every layer comes after each of its producers, on a zoo network with branches.
        NetworkProfile yolo = NetworkZoo.yolov3Tiny().profile();
        List<LayerProfile> order = yolo.topologicalOrder();
        for (int k = 0; k < order.size(); k++) {
            for (LayerProfile producer : yolo.producers(order.get(k))) {
                assertTrue(order.indexOf(producer) < k, producer.name() + " before " + order.get(k).name());
            }
        }
    }
}
