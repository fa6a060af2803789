package org.hwsim.core.workload;

/**
 * Residual networks of He, Zhang, Ren and Sun, "Deep Residual Learning for Image Recognition",
 * CVPR 2016 (arXiv:1512.03385).
 *
 * <ul>
 *   <li>ImageNet models (Table 1) follow torchvision's {@code resnet18} and {@code resnet50}: the
 *       bottleneck's stride sits on the 3x3 convolution ("ResNet v1.5", which torchvision's
 *       published 4.09 GFLOPS for resnet50 refer to; the paper's placement on the first 1x1 gives
 *       3.8-3.9 G), projection shortcuts (1x1 convolution + batch norm) only where the shape
 *       changes, convolutions without bias, a 1000-way linear classifier with bias.
 *   <li>CIFAR models (Sec. 4.2): depth {@code 6n + 2}, 16/32/64 filters on 32/16/8 px maps, and
 *       the parameter-free "option A" shortcut: subsample by 2 (here a 1x1 max pool with stride 2)
 *       and zero-pad the new channels.
 * </ul>
 *
 * <p>Layer names follow torchvision ({@code layer2.0.conv1}, {@code layer2.0.downsample.0}).
 */
final class ResNetFamily {

    private ResNetFamily() {}

    /** ImageNet ResNet with basic blocks (18, 34 layers). */
    static NetworkSpec basic(String name, int[] blocksPerStage, int resolutionPx) {
        return imagenet(name, blocksPerStage, false, resolutionPx);
    }

    /** ImageNet ResNet with bottleneck blocks (50, 101, 152 layers). */
    static NetworkSpec bottleneck(String name, int[] blocksPerStage, int resolutionPx) {
        return imagenet(name, blocksPerStage, true, resolutionPx);
    }

    private static NetworkSpec imagenet(
            String name, int[] blocksPerStage, boolean bottleneck, int resolutionPx) {
        if (resolutionPx < 32) {
            throw new WorkloadFormatException(
                    "resolutionPx of an ImageNet ResNet must be >= 32: " + resolutionPx);
        }
        int expansion = bottleneck ? 4 : 1;
        NetworkSpec.Builder b =
                NetworkSpec.builder(name).input("input", TensorShape.chw(3, resolutionPx, resolutionPx));
        b.then("conv1", LayerOp.conv2d(64, 7, 2, 3, false))
                .then("bn1", LayerOp.batchNorm())
                .then("relu", LayerOp.relu())
                .then("maxpool", LayerOp.maxPool2d(3, 2, 1));
        int inChannels = 64;
        for (int stage = 0; stage < blocksPerStage.length; stage++) {
            int planes = 64 << stage;
            for (int block = 0; block < blocksPerStage[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + block + ".";
                String x = b.last();
                String body;
                if (bottleneck) {
                    b.layer(p + "conv1", LayerOp.conv2d(planes, 1, 1, 0, false), x);
                    b.then(p + "bn1", LayerOp.batchNorm()).then(p + "relu1", LayerOp.relu());
                    b.then(p + "conv2", LayerOp.conv2d(planes, 3, stride, 1, false));
                    b.then(p + "bn2", LayerOp.batchNorm()).then(p + "relu2", LayerOp.relu());
                    b.then(p + "conv3", LayerOp.conv2d(planes * expansion, 1, 1, 0, false));
                    body = b.layer(p + "bn3", LayerOp.batchNorm());
                } else {
                    b.layer(p + "conv1", LayerOp.conv2d(planes, 3, stride, 1, false), x);
                    b.then(p + "bn1", LayerOp.batchNorm()).then(p + "relu1", LayerOp.relu());
                    b.then(p + "conv2", LayerOp.conv2d(planes, 3, 1, 1, false));
                    body = b.layer(p + "bn2", LayerOp.batchNorm());
                }
                String shortcut = x;
                if (stride != 1 || inChannels != planes * expansion) {
                    b.layer(
                            p + "downsample.0", LayerOp.conv2d(planes * expansion, 1, stride, 0, false), x);
                    shortcut = b.layer(p + "downsample.1", LayerOp.batchNorm());
                }
                b.layer(p + "add", LayerOp.add(), body, shortcut);
                b.then(p + "relu_out", LayerOp.relu());
                inChannels = planes * expansion;
            }
        }
        return b.then("avgpool", LayerOp.globalAvgPool())
                .then("flatten", LayerOp.flatten())
                .then("fc", LayerOp.linear(512 * expansion, 1000, true))
                .build();
    }

    /**
     * CIFAR-10 ResNet of depth {@code 6n + 2} (Sec. 4.2): 20, 32, 44, 56, 110, ... with option A
     * shortcuts, 32x32 RGB input, 10 classes.
     */
    static NetworkSpec cifar(String name, int depth) {
        if (depth < 8 || (depth - 2) % 6 != 0) {
            throw new WorkloadFormatException("depth of a CIFAR ResNet must be 6n + 2 with n >= 1: "
                    + depth);
        }
        int n = (depth - 2) / 6;
        NetworkSpec.Builder b = NetworkSpec.builder(name).input("input", TensorShape.chw(3, 32, 32));
        b.then("conv1", LayerOp.conv2d(16, 3, 1, 1, false))
                .then("bn1", LayerOp.batchNorm())
                .then("relu", LayerOp.relu());
        int inChannels = 16;
        for (int stage = 0; stage < 3; stage++) {
            int planes = 16 << stage;
            for (int block = 0; block < n; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + block + ".";
                String x = b.last();
                b.layer(p + "conv1", LayerOp.conv2d(planes, 3, stride, 1, false), x);
                b.then(p + "bn1", LayerOp.batchNorm()).then(p + "relu1", LayerOp.relu());
                b.then(p + "conv2", LayerOp.conv2d(planes, 3, 1, 1, false));
                String body = b.layer(p + "bn2", LayerOp.batchNorm());
                String shortcut = x;
                if (stride != 1 || inChannels != planes) {
                    // Option A: x[:, :, ::2, ::2] zero-padded to `planes` channels, no parameters.
                    b.layer(p + "shortcut.subsample", LayerOp.maxPool2d(1, stride, 0), x);
                    int extra = planes - inChannels;
                    shortcut =
                            b.layer(
                                    p + "shortcut.pad",
                                    LayerOp.pad(
                                            java.util.List.of(extra / 2, 0, 0),
                                            java.util.List.of(extra - extra / 2, 0, 0)));
                }
                b.layer(p + "add", LayerOp.add(), body, shortcut);
                b.then(p + "relu_out", LayerOp.relu());
                inChannels = planes;
            }
        }
        return b.then("avgpool", LayerOp.globalAvgPool())
                .then("flatten", LayerOp.flatten())
                .then("fc", LayerOp.linear(64, 10, true))
                .build();
    }
}
