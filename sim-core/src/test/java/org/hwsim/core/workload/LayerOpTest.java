package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Shape inference and per-op counts against the formulas and examples of the PyTorch
 * documentation (torch.nn.Conv2d, MaxPool2d, PixelShuffle, Upsample) and hand-computed cases.
 */
class LayerOpTest {

    private static TensorShape out(LayerOp op, TensorShape... in) {
        return op.outputShape(List.of(in));
    }

    private static void assertRejected(LayerOp op, String fragment, TensorShape... in) {
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> op.outputShape(List.of(in)));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /**
     * torch.nn.Conv2d docs example: {@code nn.Conv2d(16, 33, (3, 5), stride=(2, 1), padding=(4,
     * 2), dilation=(3, 1))} on a 50x100 input. H_out = floor((50 + 8 - 3*2 - 1) / 2) + 1 = 26,
     * W_out = floor((100 + 4 - 1*4 - 1) / 1) + 1 = 100.
     */
    @Test
    void conv2dFollowsTheTorchFormulaWithDilationAndRectangularKernel() {
        Window window =
                new Window(List.of(3, 5), List.of(2, 1), List.of(3, 1), List.of(4, 2), List.of(4, 2));
        LayerOp.Conv2d conv = new LayerOp.Conv2d(33, window, 1, true);
        TensorShape in = TensorShape.chw(16, 50, 100);
        assertEquals(TensorShape.chw(33, 26, 100), out(conv, in));
        assertEquals(33L * 26 * 100 * 16 * 15, conv.macs(List.of(in)));
        assertEquals(33L * 16 * 15 + 33, conv.parameters(List.of(in)));
        assertTrue(conv.hasWeights());
    }

    /** ResNet stem (He et al. Table 1): 7x7/2 pad 3 at 224 -> 112; 3x3/2 pad 1 max pool -> 56. */
    @Test
    void resnetStemShapes() {
        TensorShape x = out(LayerOp.conv2d(64, 7, 2, 3, false), TensorShape.chw(3, 224, 224));
        assertEquals(TensorShape.chw(64, 112, 112), x);
        assertEquals(118_013_952L,
                LayerOp.conv2d(64, 7, 2, 3, false).macs(List.of(TensorShape.chw(3, 224, 224))));
        assertEquals(TensorShape.chw(64, 56, 56), out(LayerOp.maxPool2d(3, 2, 1), x));
    }

    @Test
    void groupedConvolutionDividesInputChannels() {
        LayerOp.Conv2d grouped = LayerOp.conv2d(64, 3, 1, 1, false).withGroups(4);
        TensorShape in = TensorShape.chw(32, 8, 8);
        assertEquals(TensorShape.chw(64, 8, 8), out(grouped, in));
        assertEquals(64L * 64 * (32 / 4) * 9, grouped.macs(List.of(in)));
        assertEquals(64L * 8 * 9, grouped.parameters(List.of(in)));
        assertRejected(grouped, "groups must divide the input channels (30): 4",
                TensorShape.chw(30, 8, 8));
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> LayerOp.conv2d(30, 3, 1, 1, false)
                        .withGroups(4));
        assertEquals("groups must divide outChannels (30): 4", e.getMessage());
    }

    /** Depthwise 3x3 (MobileNets): Cout * H * W * 9 MACs and Cout * 9 weights. */
    @Test
    void depthwiseConvolution() {
        LayerOp.DepthwiseConv2d dw = LayerOp.depthwiseConv2d(3, 2, 1, false);
        TensorShape in = TensorShape.chw(96, 112, 112);
        assertEquals(TensorShape.chw(96, 56, 56), out(dw, in));
        assertEquals(96L * 56 * 56 * 9, dw.macs(List.of(in)));
        assertEquals(96L * 9, dw.parameters(List.of(in)));
        LayerOp.DepthwiseConv2d twice = new LayerOp.DepthwiseConv2d(2, Window.square(3, 1, 1), true);
        assertEquals(TensorShape.chw(192, 112, 112), out(twice, in));
        assertEquals(192L * 9 + 192, twice.parameters(List.of(in)));
    }

    @Test
    void conv3dCountsAllThreeSpatialDimensions() {
        LayerOp.Conv3d conv = LayerOp.conv3d(8, 3, 2, 1, true);
        TensorShape in = TensorShape.cdhw(4, 16, 16, 16);
        assertEquals(TensorShape.cdhw(8, 8, 8, 8), out(conv, in));
        assertEquals(8L * 512 * 4 * 27, conv.macs(List.of(in)));
        assertEquals(8L * 4 * 27 + 8, conv.parameters(List.of(in)));
        assertRejected(conv, "inputs of conv3d must be a [C, D, H, W] tensor: [4, 16, 16]",
                TensorShape.chw(4, 16, 16));
    }

    @Test
    void linearChecksItsInputFeatures() {
        LayerOp.Linear fc = LayerOp.linear(512, 1000, true);
        assertEquals(TensorShape.features(1000), out(fc, TensorShape.features(512)));
        assertEquals(512_000L, fc.macs(List.of(TensorShape.features(512))));
        assertEquals(513_000L, fc.parameters(List.of(TensorShape.features(512))));
        assertRejected(fc, "inFeatures must equal the input's 1024 features: 512",
                TensorShape.features(1024));
        assertRejected(fc, "add a flatten layer", TensorShape.chw(512, 1, 1));
    }

    @Test
    void batchNormAndActivationsKeepShapeAndCountNoMacs() {
        TensorShape x = TensorShape.chw(64, 7, 7);
        assertEquals(x, out(LayerOp.batchNorm(), x));
        assertEquals(128L, LayerOp.batchNorm().parameters(List.of(x)));
        assertEquals(0L, LayerOp.batchNorm().macs(List.of(x)));
        for (LayerOp.ActivationFunction f : LayerOp.ActivationFunction.values()) {
            LayerOp.Activation a = LayerOp.activation(f);
            assertEquals(x, out(a, x));
            assertEquals(0L, a.macs(List.of(x)));
            assertEquals(0L, a.parameters(List.of(x)));
            assertFalse(a.hasWeights());
            assertEquals(f, LayerOp.ActivationFunction.fromId(f.id()).orElseThrow());
        }
        assertEquals("leaky_relu", LayerOp.ActivationFunction.LEAKY_RELU.id());
    }

    @Test
    void poolingAndGlobalPooling() {
        TensorShape x = TensorShape.chw(512, 14, 14);
        assertEquals(TensorShape.chw(512, 7, 7), out(LayerOp.maxPool2d(2, 2, 0), x));
        assertEquals(TensorShape.chw(512, 7, 7), out(LayerOp.avgPool2d(2, 2, 0), x));
        assertEquals(TensorShape.chw(512, 1, 1), out(LayerOp.globalAvgPool(), x));
        assertEquals(TensorShape.cdhw(8, 1, 1, 1),
                out(LayerOp.globalAvgPool(), TensorShape.cdhw(8, 4, 4, 4)));
        assertEquals(TensorShape.cdhw(8, 2, 2, 2),
                out(LayerOp.maxPool3d(2, 2, 0), TensorShape.cdhw(8, 4, 4, 4)));
        assertEquals("max_pool3d", LayerOp.maxPool3d(2, 2, 0).typeId());
        assertRejected(LayerOp.maxPool2d(2, 2, 0), "inputs of max_pool2d must be a [C, H, W]",
                TensorShape.cdhw(8, 4, 4, 4));
        assertRejected(LayerOp.maxPool2d(3, 1, 0), "must fit the max_pool2d input [4, 2, 2]: [3, 3]",
                TensorShape.chw(4, 2, 2));
    }

    /** Asymmetric padding: Darknet's maxpool size=2 stride=1 pads one at the end: 13 -> 13. */
    @Test
    void asymmetricPaddingAsDarknet() {
        Window w = Window.square(2, 1, 0).withPadding(List.of(0, 0), List.of(1, 1));
        assertEquals(TensorShape.chw(512, 13, 13),
                out(new LayerOp.MaxPool(w), TensorShape.chw(512, 13, 13)));
        Window w2 = Window.square(2, 2, 0).withPadding(List.of(0, 0), List.of(1, 1));
        assertEquals(TensorShape.chw(16, 208, 208),
                out(new LayerOp.MaxPool(w2), TensorShape.chw(16, 416, 416)));
    }

    @Test
    void addRequiresEqualShapes() {
        TensorShape a = TensorShape.chw(64, 16, 16);
        assertEquals(a, out(LayerOp.add(), a, a, a));
        assertRejected(LayerOp.add(),
                "inputs of add must all have the same shape: input 0 is [64, 16, 16], input 1 is "
                        + "[32, 16, 16]",
                a, TensorShape.chw(32, 16, 16));
        assertRejected(LayerOp.add(), "inputs of add must be at least 2 tensors: 1 given", a);
    }

    @Test
    void concatSumsChannels() {
        assertEquals(TensorShape.chw(384, 26, 26),
                out(LayerOp.concat(), TensorShape.chw(128, 26, 26), TensorShape.chw(256, 26, 26)));
        assertRejected(LayerOp.concat(), "must agree in every dimension but channels",
                TensorShape.chw(128, 26, 26), TensorShape.chw(256, 13, 13));
    }

    /** torch.nn.PixelShuffle docs example: PixelShuffle(3) maps (1, 9, 4, 4) to (1, 1, 12, 12). */
    @Test
    void pixelShuffleAsTorchDocs() {
        assertEquals(TensorShape.chw(1, 12, 12),
                out(LayerOp.pixelShuffle(3), TensorShape.chw(9, 4, 4)));
        assertRejected(LayerOp.pixelShuffle(3),
                "upscaleFactor squared (9) must divide the input channels (8): 3",
                TensorShape.chw(8, 4, 4));
    }

    @Test
    void upsampleFlattenPad() {
        assertEquals(TensorShape.chw(128, 26, 26),
                out(LayerOp.upsampleNearest(2), TensorShape.chw(128, 13, 13)));
        assertEquals(TensorShape.cdhw(4, 8, 8, 8),
                out(LayerOp.upsampleNearest(2), TensorShape.cdhw(4, 4, 4, 4)));
        assertEquals(TensorShape.features(25_088),
                out(LayerOp.flatten(), TensorShape.chw(512, 7, 7)));
        assertEquals(TensorShape.chw(32, 16, 16),
                out(LayerOp.pad(List.of(8, 0, 0), List.of(8, 0, 0)), TensorShape.chw(16, 16, 16)));
        assertRejected(LayerOp.pad(List.of(8, 0), List.of(8, 0)),
                "begin must have one entry per input dimension", TensorShape.chw(16, 16, 16));
    }

    @Test
    void constructorsRejectNonPositiveSizes() {
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> LayerOp.conv2d(0, 3, 1, 1, false));
        assertEquals("outChannels must be >= 1: 0", e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> LayerOp.conv2d(8, 0, 1, 1, false));
        assertEquals("kernel must be >= 1 in every dimension: [0, 0]", e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> LayerOp.conv2d(8, 3, 1, -1, false));
        assertTrue(e.getMessage().startsWith("padding must be >= 0"), e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> LayerOp.linear(10, -5, true));
        assertEquals("outFeatures must be >= 1: -5", e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> TensorShape.chw(3, 0, 224));
        assertEquals("shape must be >= 1 in every dimension: [3, 0, 224]", e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> LayerOp.pixelShuffle(0));
        assertEquals("upscaleFactor must be >= 1: 0", e.getMessage());
        assertThrows(WorkloadFormatException.class,
                () -> new LayerOp.Conv2d(8, Window.cube(3, 1, 1), 1, false));
    }

    /**
     * Property: for any window that fits, the output size is the largest n such that the last
     * window, starting at (n - 1) * stride, still ends inside the padded input (the definition the
     * floor formula implements).
     */
    @Property(tries = 300)
    void windowOutputSizeIsTheNumberOfWindowsThatFit(
            @ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 1, max = 11) int kernel,
            @ForAll @IntRange(min = 1, max = 4) int stride,
            @ForAll @IntRange(min = 0, max = 5) int padBegin,
            @ForAll @IntRange(min = 0, max = 5) int padEnd,
            @ForAll @IntRange(min = 1, max = 3) int dilation) {
        Window w =
                new Window(List.of(kernel), List.of(stride), List.of(dilation), List.of(padBegin),
                        List.of(padEnd));
        long span = (long) dilation * (kernel - 1) + 1;
        long padded = (long) size + padBegin + padEnd;
        long count = 0;
        while (count * stride + span <= padded) {
            count++;
        }
        assertEquals(count, w.outputSize(0, size));
    }
}
