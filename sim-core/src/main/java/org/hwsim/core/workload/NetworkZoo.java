package org.hwsim.core.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Built-in networks, each under a stable string id, plus factories for their configurable
 * variants. Every spec uses {@link NetworkSpec#DEFAULT_BYTES_PER_ELEMENT} (int8); change it with
 * {@link NetworkSpec#withBytesPerElement(int)}. The spec's {@link NetworkSpec#name()} is the id
 * for the defaults and carries the parameters otherwise (e.g. {@code "resnet50-r160"}).
 *
 * <table>
 *   <caption>Ids, exact counts at the defaults, and the published figures they reproduce</caption>
 *   <tr><th>id</th><th>input</th><th>MACs</th><th>parameters</th><th>published</th></tr>
 *   <tr><td>{@code resnet20-cifar}</td><td>3x32x32</td><td>40,551,040</td><td>269,722</td>
 *       <td>He et al. 2016 Sec. 4.2: 0.27M params; ~41M MACs</td></tr>
 *   <tr><td>{@code resnet18}</td><td>3x224x224</td><td>1,814,073,344</td><td>11,689,512</td>
 *       <td>torchvision: 1.81 GFLOPS (MACs), 11,689,512 params; He et al. Table 1: 1.8x10^9</td></tr>
 *   <tr><td>{@code resnet50}</td><td>3x224x224</td><td>4,089,184,256</td><td>25,557,032</td>
 *       <td>torchvision: 4.09 GFLOPS (MACs), 25,557,032 params; He et al. Table 1: 3.8x10^9</td></tr>
 *   <tr><td>{@code mobilenetv2}</td><td>3x224x224</td><td>300,774,272</td><td>3,504,872</td>
 *       <td>Sandler et al. 2018 Table 4: 300M multiply-adds, 3.4M params; torchvision
 *       3,504,872</td></tr>
 *   <tr><td>{@code vgg16}</td><td>3x224x224</td><td>15,470,264,320</td><td>138,357,544</td>
 *       <td>torchvision: 15.47 GFLOPS (MACs), 138,357,544 params</td></tr>
 *   <tr><td>{@code yolov3-tiny}</td><td>3x416x416</td><td>2,782,480,896</td><td>8,852,366</td>
 *       <td>Darknet: 5.56 BFLOPs = 2 x MACs</td></tr>
 *   <tr><td>{@code sr-small}</td><td>1x360x640</td><td>5,212,569,600</td><td>22,729</td>
 *       <td>ESPCN (Shi et al. 2016), x3 to 1080p; closed form</td></tr>
 *   <tr><td>{@code voxel3d}</td><td>1x32x32x32</td><td>276,299,776</td><td>17,617</td>
 *       <td>not published; closed form</td></tr>
 * </table>
 */
public final class NetworkZoo {

    /** CIFAR-10 ResNet-20 (He et al. 2016, Sec. 4.2). */
    public static final String RESNET20_CIFAR = "resnet20-cifar";
    /** ImageNet ResNet-18, torchvision layout. */
    public static final String RESNET18 = "resnet18";
    /** ImageNet ResNet-50, torchvision layout (v1.5). */
    public static final String RESNET50 = "resnet50";
    /** MobileNetV2, width 1.0, 224 px. */
    public static final String MOBILENETV2 = "mobilenetv2";
    /** VGG-16 (configuration D). */
    public static final String VGG16 = "vgg16";
    /** Darknet YOLOv3-tiny, 416 px, 80 classes. */
    public static final String YOLOV3_TINY = "yolov3-tiny";
    /** ESPCN-class super-resolution; see {@link SuperResolutionConfig#espcn()}. */
    public static final String SR_SMALL = "sr-small";
    /** Small 3D U-Net occupancy network, 32^3 grid, base width 8. */
    public static final String VOXEL3D = "voxel3d";

    private static final Map<String, ZooModel> MODELS = models(List.of(
            new ZooModel(RESNET20_CIFAR, "CIFAR-10 ResNet-20, option A shortcuts (He et al. 2016)", 32, 32,
                    ZooModel.fixed(RESNET20_CIFAR, 32, 32, NetworkZoo::resnet20Cifar)),
            new ZooModel(RESNET18, "ResNet-18 (torchvision)", 224, 224,
                    (name, h, w) -> ResNetFamily.basic(name, new int[] {2, 2, 2, 2}, square(RESNET18, h, w))),
            new ZooModel(RESNET50, "ResNet-50 v1.5 (torchvision)", 224, 224,
                    (name, h, w) -> ResNetFamily.bottleneck(name, new int[] {3, 4, 6, 3},
                            square(RESNET50, h, w))),
            new ZooModel(MOBILENETV2, "MobileNetV2, width 1.0 (torchvision)", 224, 224,
                    (name, h, w) -> MobileNetV2Family.build(name, 1.0, square(MOBILENETV2, h, w))),
            new ZooModel(VGG16, "VGG-16, configuration D (torchvision)", 224, 224,
                    ZooModel.fixed(VGG16, 224, 224, NetworkZoo::vgg16)),
            new ZooModel(YOLOV3_TINY, "YOLOv3-tiny, 80 classes (Darknet)", 416, 416,
                    (name, h, w) -> YoloV3TinyFamily.build(name, square(YOLOV3_TINY, h, w), 80)),
            new ZooModel(SR_SMALL, "ESPCN x3 super-resolution on a luminance frame (Shi et al. 2016)", 360, 640,
                    (name, h, w) -> new SuperResolutionConfig(1, 3, 64, 1, h, w).build(name)),
            new ZooModel(VOXEL3D, "3D U-Net occupancy network, base width 8", 32, 32,
                    (name, h, w) -> Voxel3dFamily.build(name, square(VOXEL3D, h, w), 8))));

    private NetworkZoo() {}

    /** The ids {@link #get(String)} accepts, in a stable order. */
    public static Set<String> ids() {
        return MODELS.keySet();
    }

    /** Every zoo entry, in the order of {@link #ids()}. */
    public static List<ZooModel> models() {
        return List.copyOf(MODELS.values());
    }

    /**
     * The zoo entry with id {@code id}.
     *
     * @throws IllegalArgumentException if the id is unknown; the message lists the known ids
     */
    public static ZooModel model(String id) {
        ZooModel model = MODELS.get(id);
        if (model == null) {
            throw new IllegalArgumentException(
                    "network id must be one of " + MODELS.keySet() + ": '" + id + "'");
        }
        return model;
    }

    /**
     * The network with id {@code id}, built with its default parameters.
     *
     * @throws IllegalArgumentException if the id is unknown; the message lists the known ids
     */
    public static NetworkSpec get(String id) {
        return model(id).build();
    }

    /**
     * The network with id {@code id} at input {@code heightPx x widthPx}.
     *
     * @throws IllegalArgumentException if the id is unknown
     * @throws WorkloadFormatException if the network cannot take that input
     */
    public static NetworkSpec get(String id, int heightPx, int widthPx) {
        return model(id).build(heightPx, widthPx);
    }

    /** The side of a square input; a non-square one is an error naming the network. */
    static int square(String id, int heightPx, int widthPx) {
        if (heightPx != widthPx) {
            throw new WorkloadFormatException(
                    "input of " + id + " must be square: " + heightPx + "x" + widthPx);
        }
        return heightPx;
    }

    /** CIFAR-10 ResNet-20 with option A shortcuts. */
    public static NetworkSpec resnet20Cifar() {
        return cifarResNet(20);
    }

    /**
     * A CIFAR-10 ResNet of depth {@code 6n + 2} (20, 32, 44, 56, 110, ...), He et al. 2016, Sec.
     * 4.2 and Table 6.
     */
    public static NetworkSpec cifarResNet(int depth) {
        String name = depth == 20 ? RESNET20_CIFAR : "resnet" + depth + "-cifar";
        return ResNetFamily.cifar(name, depth);
    }

    /** ResNet-18 at 224x224. */
    public static NetworkSpec resnet18() {
        return resnet18(224);
    }

    /** ResNet-18 at {@code resolutionPx x resolutionPx} (at least 32); parameters do not change. */
    public static NetworkSpec resnet18(int resolutionPx) {
        return ResNetFamily.basic(withResolution(RESNET18, resolutionPx, 224),
                new int[] {2, 2, 2, 2}, resolutionPx);
    }

    /** ResNet-50 at 224x224. */
    public static NetworkSpec resnet50() {
        return resnet50(224);
    }

    /** ResNet-50 at {@code resolutionPx x resolutionPx} (at least 32); parameters do not change. */
    public static NetworkSpec resnet50(int resolutionPx) {
        return ResNetFamily.bottleneck(withResolution(RESNET50, resolutionPx, 224),
                new int[] {3, 4, 6, 3}, resolutionPx);
    }

    /** MobileNetV2, width 1.0, 224x224. */
    public static NetworkSpec mobileNetV2() {
        return mobileNetV2(1.0, 224);
    }

    /**
     * MobileNetV2 with a width multiplier in (0, 4] (channels rounded to multiples of 8) at {@code
     * resolutionPx x resolutionPx} (at least 32).
     */
    public static NetworkSpec mobileNetV2(double widthMultiplier, int resolutionPx) {
        String name =
                widthMultiplier == 1.0 && resolutionPx == 224
                        ? MOBILENETV2
                        : MobileNetV2Family.name(widthMultiplier, resolutionPx);
        return MobileNetV2Family.build(name, widthMultiplier, resolutionPx);
    }

    /** VGG-16 at 224x224 (fixed: the classifier's size depends on the resolution). */
    public static NetworkSpec vgg16() {
        return Vgg16Family.build(VGG16);
    }

    /** YOLOv3-tiny at 416x416 with 80 classes (COCO). */
    public static NetworkSpec yolov3Tiny() {
        return yolov3Tiny(416, 80);
    }

    /**
     * YOLOv3-tiny at {@code resolutionPx x resolutionPx} (a multiple of 32) with {@code classes}
     * classes (heads of {@code 3 * (classes + 5)} channels).
     */
    public static NetworkSpec yolov3Tiny(int resolutionPx, int classes) {
        String name =
                resolutionPx == 416 && classes == 80
                        ? YOLOV3_TINY
                        : YOLOV3_TINY + "-r" + resolutionPx + "-c" + classes;
        return YoloV3TinyFamily.build(name, resolutionPx, classes);
    }

    /** ESPCN as published: x3 on a 640x360 luminance frame. */
    public static NetworkSpec srSmall() {
        return srSmall(SuperResolutionConfig.espcn());
    }

    /** An ESPCN-class super-resolution network of the given size. */
    public static NetworkSpec srSmall(SuperResolutionConfig config) {
        String name =
                config.equals(SuperResolutionConfig.espcn())
                        ? SR_SMALL
                        : SR_SMALL
                                + "-x" + config.upscaleFactor()
                                + "-f" + config.featureChannels()
                                + "-m" + config.mappingLayers()
                                + "-c" + config.imageChannels()
                                + "-" + config.inputHeightPx() + "x" + config.inputWidthPx();
        return config.build(name);
    }

    /** The 3D occupancy network on a 32^3 grid with base width 8. */
    public static NetworkSpec voxel3d() {
        return voxel3d(32, 8);
    }

    /**
     * The 3D occupancy network on a {@code gridSize^3} grid (even, at least 4) with base width
     * {@code baseChannels}.
     */
    public static NetworkSpec voxel3d(int gridSize, int baseChannels) {
        String name =
                gridSize == 32 && baseChannels == 8
                        ? VOXEL3D
                        : VOXEL3D + "-g" + gridSize + "-c" + baseChannels;
        return Voxel3dFamily.build(name, gridSize, baseChannels);
    }

    private static String withResolution(String id, int resolutionPx, int defaultPx) {
        return resolutionPx == defaultPx ? id : id + "-r" + resolutionPx;
    }

    private static Map<String, ZooModel> models(List<ZooModel> models) {
        Map<String, ZooModel> byId = new LinkedHashMap<>();
        for (ZooModel model : models) {
            if (byId.put(model.id(), model) != null) {
                throw new IllegalStateException("duplicate zoo id: " + model.id());
            }
        }
        return java.util.Collections.unmodifiableMap(byId);
    }
}
