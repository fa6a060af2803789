package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Zoo counts: the exact integers this package computes, and their agreement with published
 * figures (source and tolerance stated per test). Published MAC figures follow the same
 * convention as {@link LayerOp} (convolution and linear multiply-accumulates only).
 */
class NetworkZooTest {

    /** Relative difference |actual - published| / published. */
    private static double relativeError(double actual, double published) {
        return Math.abs(actual - published) / published;
    }

    private static void assertWithin(double published, double actual, double tolerance, String what) {
        double error = relativeError(actual, published);
        assertTrue(
                error <= tolerance,
                what + ": " + actual + " differs from published " + published + " by " + error
                        + " > " + tolerance);
    }

    // ---------------------------------------------------------------------------------------------
    // ResNet

    /**
     * torchvision {@code ResNet50_Weights.IMAGENET1K_V1}: {@code num_params = 25557032}, {@code
     * _ops = 4.089} (GMACs of conv + linear, stride on the 3x3). He et al. 2016 Table 1 reports
     * 3.8x10^9 multiply-adds for the original stride placement (on the first 1x1), which moves
     * MACs by about 6%; tolerance 10% for the paper figure.
     */
    @Test
    void resnet50MatchesTorchvisionExactlyAndPaperApproximately() {
        NetworkProfile p = NetworkZoo.resnet50().profile();
        assertEquals(4_089_184_256L, p.macs());
        assertEquals(25_557_032L, p.parameters()); // torchvision num_params, exact
        assertWithin(4.089e9, p.macs(), 0.0005, "torchvision _ops 4.089 GMACs (3 decimals)");
        assertWithin(3.8e9, p.macs(), 0.10, "He et al. Table 1, 3.8e9 (v1 stride placement)");
        assertWithin(25.6e6, p.parameters(), 0.01, "25.6M parameters");
        assertEquals(TensorShape.features(1000), p.layer("fc").orElseThrow().outputShape());
        assertEquals(TensorShape.chw(2048, 7, 7),
                p.layer("layer4.2.relu_out").orElseThrow().outputShape());
    }

    /**
     * torchvision {@code ResNet18_Weights.IMAGENET1K_V1}: {@code num_params = 11689512}, {@code
     * _ops = 1.814}; He et al. 2016 Table 1: 1.8x10^9 FLOPs (multiply-adds), 1% tolerance.
     */
    @Test
    void resnet18MatchesTorchvisionExactlyAndPaperApproximately() {
        NetworkProfile p = NetworkZoo.resnet18().profile();
        assertEquals(1_814_073_344L, p.macs());
        assertEquals(11_689_512L, p.parameters());
        assertWithin(1.814e9, p.macs(), 0.0005, "torchvision _ops 1.814");
        assertWithin(1.8e9, p.macs(), 0.01, "He et al. Table 1, 1.8e9");
    }

    /**
     * He et al. 2016, Sec. 4.2 and Table 6: CIFAR ResNets with option A shortcuts have 0.27M (20),
     * 0.46M (32), 0.66M (44), 0.85M (56) and 1.7M (110) parameters; the table rounds to 2
     * significant digits, so the tolerance is 2%. ResNet-20's ~41M MACs (brief) with 2%.
     */
    @ParameterizedTest(name = "ResNet-{0}: {1}M params")
    @CsvSource({"20, 0.27", "32, 0.46", "44, 0.66", "56, 0.85", "110, 1.7"})
    void cifarResNetsMatchPaperTable6(int depth, double publishedMillions) {
        NetworkProfile p = NetworkZoo.cifarResNet(depth).profile();
        assertWithin(publishedMillions * 1e6, p.parameters(), 0.02, "He et al. Table 6");
    }

    /** Exact counts of ResNet-20, re-derived by hand below. */
    @Test
    void resnet20CifarExactCounts() {
        NetworkProfile p = NetworkZoo.resnet20Cifar().profile();
        // Parameters: stem 3*16*9 + BN 32; stage 1: 3 blocks of 2*(16*16*9) + 2*32;
        // stage 2: 16*32*9 + 32*32*9 + 2*64, then 2 blocks of 2*(32*32*9) + 2*64;
        // stage 3 likewise with 64; fc 64*10 + 10.
        long params =
                (432 + 32)
                        + 3 * (2 * 2304 + 64)
                        + (4608 + 9216 + 128) + 2 * (2 * 9216 + 128)
                        + (18432 + 36864 + 256) + 2 * (2 * 36864 + 256)
                        + 650;
        assertEquals(269_722L, params);
        assertEquals(params, p.parameters());
        // MACs: every 3x3 conv with Cout*H*W*Cin = 16*32*32*16 = 32*16*16*32 = 64*8*8*64 costs
        // 2,359,296; the stem 442,368; the two stride-2 convs 1,179,648 each; fc 640.
        long macs = 442_368L + 16 * 2_359_296L + 2 * 1_179_648L + 640;
        assertEquals(40_551_040L, macs);
        assertEquals(macs, p.macs());
        assertWithin(41e6, p.macs(), 0.02, "~41 MMACs");
        assertEquals(TensorShape.chw(64, 8, 8),
                p.layer("layer3.0.shortcut.pad").orElseThrow().outputShape());
    }

    // ---------------------------------------------------------------------------------------------
    // MobileNetV2

    /**
     * torchvision {@code mobilenet_v2}: {@code num_params = 3504872}; Sandler et al. 2018 Table 4:
     * 300M multiply-adds and 3.4M parameters (the paper's TensorFlow model has batch norm without
     * gamma and 1001 classes: 4% tolerance on parameters, 1% on MACs).
     */
    @Test
    void mobileNetV2MatchesTorchvisionExactlyAndPaperApproximately() {
        NetworkProfile p = NetworkZoo.mobileNetV2().profile();
        assertEquals(300_774_272L, p.macs());
        assertEquals(3_504_872L, p.parameters());
        assertWithin(300e6, p.macs(), 0.01, "Sandler et al. Table 4, 300M");
        assertWithin(3.4e6, p.parameters(), 0.04, "Sandler et al. Table 4, 3.4M");
    }

    /**
     * The width/resolution table of the reference TensorFlow MobileNetV2 (tensorflow/models
     * research/slim/nets/mobilenet/README.md, repeated in keras.applications.mobilenet_v2): MACs
     * in millions, truncated to an integer, so {@code published <= ours < published + 1}.
     * Parameters (millions, 2 decimals) differ by the 1001-way classifier and batch norm gamma:
     * 2%.
     */
    @ParameterizedTest(name = "width {0} at {1} px: {2} MMACs, {3}M params")
    @CsvSource({
        "1.4, 224, 582, 6.06",
        "1.3, 224, 509, 5.34",
        "1.0, 224, 300, 3.47",
        "1.0, 192, 221, 3.47",
        "1.0, 160, 154, 3.47",
        "1.0, 128, 99, 3.47",
        "1.0, 96, 56, 3.47",
        "0.75, 224, 209, 2.61",
        "0.75, 160, 107, 2.61",
        "0.75, 96, 39, 2.61",
        "0.5, 224, 97, 1.95",
        "0.5, 128, 32, 1.95",
        "0.5, 96, 18, 1.95",
        "0.35, 224, 59, 1.66",
        "0.35, 160, 30, 1.66",
        "0.35, 96, 11, 1.66",
    })
    void mobileNetV2WidthAndResolutionMatchReferenceTable(
            double width, int resolutionPx, int publishedMegaMacs, double publishedMegaParams) {
        NetworkProfile p = NetworkZoo.mobileNetV2(width, resolutionPx).profile();
        double megaMacs = p.macs() / 1e6;
        assertTrue(
                megaMacs >= publishedMegaMacs && megaMacs < publishedMegaMacs + 1,
                "MMACs " + megaMacs + " should truncate to " + publishedMegaMacs);
        assertWithin(publishedMegaParams * 1e6, p.parameters(), 0.02, "parameters");
    }

    @Test
    void makeDivisibleMatchesTorchvision() {
        // torchvision _make_divisible(v, 8): 32*0.35=11.2 -> 8 is < 0.9*11.2, so 16; 16*0.5 -> 8;
        // 1280*1.4 = 1792; 24*0.75 = 18 -> 16 (>= 16.2? no: 16 < 16.2, so 24).
        assertEquals(16, MobileNetV2Family.makeDivisible(11.2, 8));
        assertEquals(8, MobileNetV2Family.makeDivisible(8.0, 8));
        assertEquals(1792, MobileNetV2Family.makeDivisible(1792.0, 8));
        assertEquals(24, MobileNetV2Family.makeDivisible(18.0, 8));
        assertEquals(8, MobileNetV2Family.makeDivisible(3.0, 8));
    }

    // ---------------------------------------------------------------------------------------------
    // VGG-16, YOLOv3-tiny

    /**
     * torchvision {@code VGG16_Weights.IMAGENET1K_V1}: {@code num_params = 138357544}, {@code _ops
     * = 15.47}; Simonyan and Zisserman 2015 Table 2: 138M parameters.
     */
    @Test
    void vgg16MatchesTorchvision() {
        NetworkProfile p = NetworkZoo.vgg16().profile();
        assertEquals(15_470_264_320L, p.macs());
        assertEquals(138_357_544L, p.parameters());
        assertWithin(15.47e9, p.macs(), 0.0005, "torchvision _ops 15.47");
        assertWithin(138e6, p.parameters(), 0.005, "Simonyan and Zisserman Table 2, 138M");
    }

    /**
     * pjreddie.com/darknet/yolo: YOLOv3-tiny at 416 px is 5.56 Bn FLOPs. Darknet's
     * make_convolutional_layer (src/convolutional_layer.c) prints {@code 2.0 * n * size * size * c
     * / groups * out_h * out_w / 1e9} BFLOPs per convolution, i.e. {@code 2 * MACs}, and nothing
     * for maxpool, route, upsample or yolo layers; we compare {@code 2 * macs / 1e9} rounded to 2
     * decimals. Parameters: about 8.8-8.9M as
     * reported by ultralytics/yolov3 for yolov3-tiny; 2%.
     */
    @Test
    void yolov3TinyMatchesDarknetBflops() {
        NetworkProfile p = NetworkZoo.yolov3Tiny().profile();
        assertEquals(2_782_480_896L, p.macs());
        assertEquals(8_852_366L, p.parameters());
        assertEquals(5.56, Math.round(2.0 * p.macs() / 1e7) / 100.0);
        assertWithin(8.85e6, p.parameters(), 0.02, "~8.85M parameters");
        List<LayerProfile> outputs = p.outputs();
        assertEquals(2, outputs.size());
        assertEquals(TensorShape.chw(255, 13, 13), outputs.get(0).outputShape());
        assertEquals(TensorShape.chw(255, 26, 26), outputs.get(1).outputShape());
        // Darknet's maxpool size=2 stride=1 keeps 13x13 (padding size-1 at the end).
        assertEquals(TensorShape.chw(512, 13, 13),
                p.layer("l11_maxpool").orElseThrow().outputShape());
        assertEquals(TensorShape.chw(384, 26, 26), p.layer("l20_route").orElseThrow().outputShape());
    }

    /** Darknet conv MACs scale with the pixel count: 608 px has (608/416)^2 times the MACs. */
    @Test
    void yolov3TinyScalesWithResolutionAndClasses() {
        NetworkProfile at608 = NetworkZoo.yolov3Tiny(608, 80).profile();
        NetworkProfile at416 = NetworkZoo.yolov3Tiny().profile();
        assertEquals(at416.macs() * 608L * 608L, at608.macs() * 416L * 416L);
        NetworkProfile voc = NetworkZoo.yolov3Tiny(416, 20).profile();
        assertEquals(TensorShape.chw(75, 13, 13), voc.outputs().get(0).outputShape());
        assertThrows(WorkloadFormatException.class, () -> NetworkZoo.yolov3Tiny(400, 80));
    }

    // ---------------------------------------------------------------------------------------------
    // sr-small, voxel3d: closed forms

    /**
     * ESPCN (Shi et al. 2016, Sec. 3.1): (f1, n1) = (5, 64), (f2, n2) = (3, 32), f3 = 3, r^2 * C
     * output maps, all with bias. Closed form per low-resolution pixel: 5*5*1*64 + 3*3*64*32 +
     * 3*3*32*9 = 22,624 MACs; parameters 1,664 + 18,464 + 2,601 = 22,729.
     */
    @Test
    void srSmallDefaultIsEspcn() {
        NetworkProfile p = NetworkZoo.srSmall().profile();
        assertEquals(22_729L, p.parameters());
        assertEquals(22_624L * 360 * 640, p.macs());
        assertEquals(TensorShape.chw(1, 1080, 1920), p.outputs().get(0).outputShape());
    }

    @Property(tries = 60)
    void srSmallMatchesClosedForm(
            @ForAll @IntRange(min = 1, max = 3) int channels,
            @ForAll @IntRange(min = 1, max = 4) int r,
            @ForAll @IntRange(min = 1, max = 32) int halfWidth,
            @ForAll @IntRange(min = 1, max = 4) int mappings,
            @ForAll @IntRange(min = 3, max = 64) int h,
            @ForAll @IntRange(min = 3, max = 64) int w) {
        int f = 2 * halfWidth;
        SuperResolutionConfig config = new SuperResolutionConfig(channels, r, f, mappings, h, w);
        NetworkProfile p = NetworkZoo.srSmall(config).profile();
        long out = (long) channels * r * r;
        long perPixel = 25L * channels * f + 9L * f * halfWidth
                + (mappings - 1) * 9L * halfWidth * halfWidth + 9L * halfWidth * out;
        long params = perPixel + f + (long) mappings * halfWidth + out;
        assertEquals(perPixel * h * w, p.macs());
        assertEquals(params, p.parameters());
        assertEquals(TensorShape.chw(channels, h * r, w * r), p.outputs().get(0).outputShape());
    }

    /**
     * Closed form of the voxel3d network (see {@link Voxel3dFamily}): at G^3, 27*c + 27*c^2 +
     * 27*3c*c + c MACs per voxel; at (G/2)^3, 27*c*2c + 27*4c^2; batch norm 2*(c+c+2c+2c+c).
     */
    @Property(tries = 40)
    void voxel3dMatchesClosedForm(
            @ForAll @IntRange(min = 2, max = 24) int halfGrid,
            @ForAll @IntRange(min = 1, max = 16) int c) {
        int g = 2 * halfGrid;
        NetworkProfile p = NetworkZoo.voxel3d(g, c).profile();
        long full = (long) g * g * g;
        long half = full / 8;
        long cc = (long) c * c;
        long macs = full * (27L * c + 27 * cc + 81 * cc + c) + half * (54 * cc + 108 * cc);
        long params = 27L * c + 27 * cc + 54 * cc + 108 * cc + 81 * cc + c + 1 + 14L * c;
        assertEquals(macs, p.macs());
        assertEquals(params, p.parameters());
        assertEquals(TensorShape.cdhw(1, g, g, g), p.outputs().get(0).outputShape());
    }

    @Test
    void voxel3dDefaults() {
        NetworkProfile p = NetworkZoo.voxel3d().profile();
        assertEquals(276_299_776L, p.macs());
        assertEquals(17_617L, p.parameters());
    }

    // ---------------------------------------------------------------------------------------------
    // Ids

    @Test
    void everyIdBuildsAndIsNamedAfterItself() {
        assertEquals(
                List.of("resnet20-cifar", "resnet18", "resnet50", "mobilenetv2", "vgg16", "yolov3-tiny",
                        "sr-small", "voxel3d"),
                List.copyOf(NetworkZoo.ids()));
        for (String id : NetworkZoo.ids()) {
            NetworkSpec spec = NetworkZoo.get(id);
            assertEquals(id, spec.name());
            assertEquals(1, spec.bytesPerElement());
        }
    }

    @Test
    void variantsCarryTheirParametersInTheName() {
        assertEquals("resnet50-r160", NetworkZoo.resnet50(160).name());
        assertEquals("mobilenetv2-w0.75-r160", NetworkZoo.mobileNetV2(0.75, 160).name());
        assertEquals("voxel3d-g16-c4", NetworkZoo.voxel3d(16, 4).name());
        assertEquals("yolov3-tiny-r608-c80", NetworkZoo.yolov3Tiny(608, 80).name());
        assertEquals("resnet56-cifar", NetworkZoo.cifarResNet(56).name());
    }

    @Test
    void resolutionOverrideKeepsParametersAndScalesMacs() {
        NetworkProfile r224 = NetworkZoo.resnet50().profile();
        NetworkProfile r448 = NetworkZoo.resnet50(448).profile();
        assertEquals(r224.parameters(), r448.parameters());
        // Convolution MACs scale exactly by 4 (every map doubles in both dimensions); fc does not.
        long fc = 2048L * 1000;
        assertEquals(4 * (r224.macs() - fc), r448.macs() - fc);
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NetworkZoo.get("resnet-50"));
        assertTrue(e.getMessage().contains("'resnet-50'"), e.getMessage());
        assertTrue(e.getMessage().contains("resnet50"), e.getMessage());
    }

    @Test
    void everyZooEntryBuildsAtItsStandardInputAndNamesOtherInputs() {
        for (ZooModel model : NetworkZoo.models()) {
            NetworkSpec spec = model.build();
            assertEquals(model.id(), spec.name());
            assertEquals(spec, NetworkZoo.get(model.id(), model.defaultHeightPx(), model.defaultWidthPx()));
        }
        NetworkSpec small = NetworkZoo.get("resnet50", 160, 160);
        assertEquals("resnet50-160x160", small.name());
        assertEquals(NetworkZoo.resnet50(160).profile().macs(), small.profile().macs());
        WorkloadFormatException e = assertThrows(WorkloadFormatException.class,
                () -> NetworkZoo.get("resnet50", 160, 200));
        assertEquals("input of resnet50 must be square: 160x200", e.getMessage());
        e = assertThrows(WorkloadFormatException.class, () -> NetworkZoo.get("vgg16", 160, 160));
        assertEquals("input of vgg16 is fixed at 224x224: 160x160", e.getMessage());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> NetworkZoo.model("resnet51"));
        assertTrue(unknown.getMessage().startsWith("network id must be one of [resnet20-cifar,"),
                unknown.getMessage());
    }
}
