package org.hwsim.core.workload;

import java.util.Locale;

/**
 * MobileNetV2 of Sandler, Howard, Zhu, Zhmoginov and Chen, "MobileNetV2: Inverted Residuals and
 * Linear Bottlenecks", CVPR 2018 (arXiv:1801.04381), Table 2, as implemented by torchvision's
 * {@code mobilenet_v2}: channel counts rounded by {@code _make_divisible(c * width, 8)}, the last
 * 1x1 convolution kept at 1280 channels for widths below 1, convolutions without bias, batch norm
 * after every convolution, ReLU6 except after the linear bottleneck projections, and a 1000-way
 * linear classifier with bias (dropout has no cost and is omitted).
 */
final class MobileNetV2Family {

    /** Rows of Sandler et al. Table 2: expansion t, output channels c, repeats n, stride s. */
    private static final int[][] BOTTLENECKS = {
        {1, 16, 1, 1},
        {6, 24, 2, 2},
        {6, 32, 3, 2},
        {6, 64, 4, 2},
        {6, 96, 3, 1},
        {6, 160, 3, 2},
        {6, 320, 1, 1},
    };

    private MobileNetV2Family() {}

    static NetworkSpec build(String name, double widthMultiplier, int resolutionPx) {
        if (!(widthMultiplier > 0.0 && widthMultiplier <= 4.0)) {
            throw new WorkloadFormatException("widthMultiplier must be in (0, 4]: " + widthMultiplier);
        }
        if (resolutionPx < 32) {
            throw new WorkloadFormatException(
                    "resolutionPx of MobileNetV2 must be >= 32: " + resolutionPx);
        }
        int inChannels = makeDivisible(32 * widthMultiplier, 8);
        int lastChannels = makeDivisible(1280 * Math.max(1.0, widthMultiplier), 8);
        NetworkSpec.Builder b =
                NetworkSpec.builder(name).input("input", TensorShape.chw(3, resolutionPx, resolutionPx));
        b.then("features.0.conv", LayerOp.conv2d(inChannels, 3, 2, 1, false))
                .then("features.0.bn", LayerOp.batchNorm())
                .then("features.0.relu6", LayerOp.relu6());
        int index = 1;
        for (int[] row : BOTTLENECKS) {
            int t = row[0];
            int outChannels = makeDivisible(row[1] * widthMultiplier, 8);
            for (int i = 0; i < row[2]; i++) {
                int stride = i == 0 ? row[3] : 1;
                String p = "features." + index + ".";
                String x = b.last();
                int hidden = (int) Math.round((double) inChannels * t);
                if (t != 1) {
                    b.layer(p + "expand", LayerOp.conv2d(hidden, 1, 1, 0, false), x);
                    b.then(p + "expand_bn", LayerOp.batchNorm()).then(p + "expand_relu6", LayerOp.relu6());
                }
                b.layer(p + "depthwise", LayerOp.depthwiseConv2d(3, stride, 1, false), b.last());
                b.then(p + "depthwise_bn", LayerOp.batchNorm())
                        .then(p + "depthwise_relu6", LayerOp.relu6());
                b.then(p + "project", LayerOp.conv2d(outChannels, 1, 1, 0, false));
                String y = b.layer(p + "project_bn", LayerOp.batchNorm());
                if (stride == 1 && inChannels == outChannels) {
                    b.layer(p + "add", LayerOp.add(), y, x);
                }
                inChannels = outChannels;
                index++;
            }
        }
        String p = "features." + index + ".";
        return b.then(p + "conv", LayerOp.conv2d(lastChannels, 1, 1, 0, false))
                .then(p + "bn", LayerOp.batchNorm())
                .then(p + "relu6", LayerOp.relu6())
                .then("avgpool", LayerOp.globalAvgPool())
                .then("flatten", LayerOp.flatten())
                .then("classifier", LayerOp.linear(lastChannels, 1000, true))
                .build();
    }

    /**
     * torchvision's {@code _make_divisible}: round {@code value} to the nearest multiple of {@code
     * divisor}, at least {@code divisor}, and never more than 10% below {@code value}.
     */
    static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * value) {
            rounded += divisor;
        }
        return rounded;
    }

    static String name(double widthMultiplier, int resolutionPx) {
        return String.format(Locale.ROOT, "mobilenetv2-w%s-r%d",
                stripZeros(widthMultiplier), resolutionPx);
    }

    private static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
