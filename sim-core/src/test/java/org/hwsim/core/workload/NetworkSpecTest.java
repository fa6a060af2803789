package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph validation, profiling, sparsity and element width. */
class NetworkSpecTest {

    private static NetworkInput image() {
        return new NetworkInput("image", TensorShape.chw(3, 8, 8));
    }

    private static WorkloadFormatException rejected(List<LayerSpec> layers) {
        return assertThrows(
                WorkloadFormatException.class, () -> new NetworkSpec("net", List.of(image()), layers, 1));
    }

    /**
     * LeNet-5 as in LeCun, Bottou, Bengio and Haffner, "Gradient-Based Learning Applied to
     * Document Recognition", Proc. IEEE 86(11), 1998, Sec. II.B: C1 has 156 trainable parameters
     * and 122,304 connections (MACs plus one bias addition per output), C5 48,120 parameters, F6
     * 10,164. (C3 uses the full 6-to-16 connection here, so it has 2,416 parameters, not the
     * paper's 1,516; S2/S4 are plain average pools.)
     */
    @Test
    void lenet5ResourceMatchesLeCun1998() throws IOException {
        NetworkSpec lenet;
        try (InputStream in = getClass().getResourceAsStream("lenet5.json")) {
            lenet = NetworkFormat.read(in, "lenet5.json");
        }
        NetworkProfile p = lenet.profile();
        LayerProfile c1 = p.layer("c1").orElseThrow();
        assertEquals(TensorShape.chw(6, 28, 28), c1.outputShape());
        assertEquals(156L, c1.parameters());
        assertEquals(122_304L, c1.macs() + c1.outputShape().elementCount());
        assertEquals(TensorShape.chw(16, 10, 10), p.layer("c3").orElseThrow().outputShape());
        assertEquals(TensorShape.chw(16, 5, 5), p.layer("s4").orElseThrow().outputShape());
        assertEquals(48_120L, p.layer("c5").orElseThrow().parameters());
        assertEquals(TensorShape.chw(120, 1, 1), p.layer("c5").orElseThrow().outputShape());
        assertEquals(10_164L, p.layer("f6").orElseThrow().parameters());
        assertEquals(156L + 2416 + 48_120 + 10_164 + 850, p.parameters());
        // bytesPerElement 4 (fp32) from the file.
        assertEquals(4 * p.parameters(), p.weightBytes());
        assertEquals(4L * 6 * 28 * 28, c1.activationBytes());
    }

    @Test
    void profileTotalsAreSumsOfLayers() {
        NetworkProfile p = NetworkZoo.resnet18().profile();
        long macs = 0;
        long params = 0;
        long act = 0;
        for (LayerProfile l : p.layers()) {
            macs += l.macs();
            params += l.parameters();
            act += l.activationBytes();
            assertEquals(l.outputShape().elementCount(), l.activationBytes());
            assertEquals(l.parameters(), l.weightBytes());
        }
        assertEquals(macs, p.macs());
        assertEquals(params, p.parameters());
        assertEquals(act, p.activationBytes());
        assertEquals(3L * 224 * 224, p.inputBytes());
    }

    @Test
    void bytesPerElementScalesBytesNotCounts() {
        NetworkProfile int8 = NetworkZoo.mobileNetV2().profile();
        NetworkProfile fp16 = NetworkZoo.mobileNetV2().withBytesPerElement(2).profile();
        assertEquals(int8.macs(), fp16.macs());
        assertEquals(2 * int8.weightBytes(), fp16.weightBytes());
        assertEquals(2 * int8.activationBytes(), fp16.activationBytes());
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class,
                        () -> NetworkZoo.vgg16().withBytesPerElement(0));
        assertEquals("bytesPerElement must be in [1, 8]: 0", e.getMessage());
    }

    @Test
    void weightSparsityScalesEffectiveMacsOnly() {
        NetworkSpec dense = NetworkZoo.resnet18();
        NetworkProfile half = dense.withUniformWeightSparsity(0.5).profile();
        NetworkProfile full = dense.withUniformWeightSparsity(1.0).profile();
        NetworkProfile d = dense.profile();
        assertEquals(d.macs(), d.effectiveMacs());
        assertEquals(d.macs(), half.macs());
        assertEquals(d.parameters(), half.parameters());
        // Every layer's MAC count is even, so half is exact.
        assertEquals(d.macs() / 2, half.effectiveMacs());
        assertEquals(0L, full.effectiveMacs());
        LayerProfile conv = dense.withUniformWeightSparsity(0.3).profile().layer("conv1").orElseThrow();
        assertEquals(Math.round(conv.macs() * 0.7), conv.effectiveMacs());
    }

    @Test
    void sparsityOutOfRangeOrOnWeightlessLayersIsRejected() {
        LayerSpec relu = LayerSpec.of("r", LayerOp.relu(), "image");
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> relu.withWeightSparsity(0.5));
        assertTrue(e.getMessage().startsWith("weightSparsity must be 0 for relu"), e.getMessage());
        LayerSpec conv = LayerSpec.of("c", LayerOp.conv2d(4, 3, 1, 1, false), "image");
        e = assertThrows(WorkloadFormatException.class, () -> conv.withWeightSparsity(1.5));
        assertEquals("weightSparsity must be in [0, 1]: 1.5", e.getMessage());
        assertThrows(WorkloadFormatException.class, () -> conv.withWeightSparsity(Double.NaN));
    }

    @Test
    void layersMayBeDeclaredInAnyOrder() {
        NetworkSpec spec =
                new NetworkSpec(
                        "net",
                        List.of(image()),
                        List.of(
                                LayerSpec.of("sum", LayerOp.add(), "a", "b"),
                                LayerSpec.of("b", LayerOp.relu(), "a"),
                                LayerSpec.of("a", LayerOp.conv2d(4, 3, 1, 1, false), "image")),
                        1);
        NetworkProfile p = spec.profile();
        assertEquals(TensorShape.chw(4, 8, 8), p.layers().get(0).outputShape());
        assertEquals(0, p.layers().get(0).index());
        assertEquals(List.of("sum"), p.outputs().stream().map(LayerProfile::name).toList());
    }

    @Test
    void unknownInputIsNamed() {
        WorkloadFormatException e =
                rejected(List.of(LayerSpec.of("r", LayerOp.relu(), "imgae")));
        assertEquals(
                "layers[0] 'r' (relu): inputs names an unknown tensor 'imgae' (expected a network input"
                        + " [image] or the name of a layer)",
                e.getMessage());
    }

    @Test
    void cyclesAreNamed() {
        WorkloadFormatException e =
                rejected(
                        List.of(
                                LayerSpec.of("stem", LayerOp.relu(), "image"),
                                LayerSpec.of("a", LayerOp.add(), "stem", "c"),
                                LayerSpec.of("b", LayerOp.relu(), "a"),
                                LayerSpec.of("c", LayerOp.relu(), "b")));
        assertEquals(
                "layers[1] 'a' (add): inputs form a cycle, which a network graph must not have: "
                        + "'a' -> 'b' -> 'c' -> 'a'",
                e.getMessage());
        e = rejected(List.of(LayerSpec.of("self", LayerOp.add(), "image", "self")));
        assertTrue(e.getMessage().endsWith("'self' -> 'self'"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        WorkloadFormatException e =
                rejected(
                        List.of(
                                LayerSpec.of("x", LayerOp.relu(), "image"),
                                LayerSpec.of("x", LayerOp.relu(), "x")));
        assertEquals("layers[1] 'x' (relu): name duplicates layers[0]: 'x'", e.getMessage());
        e = rejected(List.of(LayerSpec.of("image", LayerOp.relu(), "image")));
        assertEquals("layers[0] 'image' (relu): name duplicates a network input: 'image'",
                e.getMessage());
    }

    @Test
    void unreadNetworkInputIsRejected() {
        WorkloadFormatException e =
                assertThrows(
                        WorkloadFormatException.class,
                        () ->
                                new NetworkSpec(
                                        "net",
                                        List.of(image(), new NetworkInput("depth", TensorShape.chw(1, 8, 8))),
                                        List.of(LayerSpec.of("r", LayerOp.relu(), "image")),
                                        1));
        assertEquals("inputs: network input 'depth' is not read by any layer", e.getMessage());
    }

    @Test
    void shapeErrorsNameLayerFieldValueAndInputs() {
        WorkloadFormatException e =
                rejected(
                        List.of(
                                LayerSpec.of("conv", LayerOp.conv2d(8, 3, 1, 1, false), "image"),
                                LayerSpec.of("flat", LayerOp.flatten(), "conv"),
                                LayerSpec.of("fc", LayerOp.linear(100, 10, true), "flat")));
        assertEquals(
                "layers[2] 'fc' (linear): inFeatures must equal the input's 512 features: 100 "
                        + "(input tensors: 'flat' [512])",
                e.getMessage());
    }

    @Test
    void builderChainsAndBranches() {
        NetworkSpec.Builder b =
                NetworkSpec.builder("tiny").input("image", TensorShape.chw(3, 32, 32));
        String stem = b.layer("conv", LayerOp.conv2d(16, 3, 1, 1, false));
        b.then("bn", LayerOp.batchNorm()).then("relu", LayerOp.relu());
        b.layer("sum", LayerOp.add(), b.last(), stem);
        NetworkSpec spec = b.bytesPerElement(2).build();
        assertEquals(List.of("image"), spec.layers().get(0).inputs());
        assertEquals(List.of("relu", "conv"), spec.layer("sum").orElseThrow().inputs());
        assertEquals(2, spec.bytesPerElement());
        assertEquals(16L * 32 * 32 * 27, spec.profile().macs());
    }

    @Test
    void emptyNetworksAreRejected() {
        WorkloadFormatException e = rejected(List.of());
        assertEquals("layers must declare at least one layer: []", e.getMessage());
    }
}
