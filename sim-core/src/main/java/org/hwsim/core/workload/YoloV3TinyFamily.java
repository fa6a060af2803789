package org.hwsim.core.workload;

import java.util.List;

/**
 * YOLOv3-tiny as defined by Darknet's {@code cfg/yolov3-tiny.cfg} (Redmon and Farhadi, "YOLOv3:
 * An Incremental Improvement", arXiv:1804.02767; pjreddie.com/darknet/yolo lists it at 416 px
 * with 5.56 BFLOPs).
 *
 * <p>Darknet layers 0-22, each named {@code l<index>_<kind>}: convolutions are {@code
 * batch_normalize=1} without bias and with leaky ReLU, except the two 1x1 detection heads
 * (layers 15 and 22), which have bias and a linear activation and output {@code 3 * (classes +
 * 5)} channels. Darknet's {@code maxpool} pads {@code size - 1} at the end only, so the stride-1
 * pool (layer 11) keeps 13x13. The {@code yolo} layers (16, 23) only decode boxes and are not
 * modelled; the two heads are the network's outputs. Darknet counts {@code 2 * MACs} of its
 * convolutions as its "BFLOPs".
 */
final class YoloV3TinyFamily {

    private YoloV3TinyFamily() {}

    static NetworkSpec build(String name, int resolutionPx, int classes) {
        if (resolutionPx < 32 || resolutionPx % 32 != 0) {
            throw new WorkloadFormatException(
                    "resolutionPx of YOLOv3-tiny must be a positive multiple of 32: " + resolutionPx);
        }
        if (classes < 1) {
            throw new WorkloadFormatException("classes must be >= 1: " + classes);
        }
        int headChannels = 3 * (classes + 5);
        NetworkSpec.Builder b =
                NetworkSpec.builder(name).input("input", TensorShape.chw(3, resolutionPx, resolutionPx));
        convBnLeaky(b, 0, 16, 3);
        maxpool(b, 1, 2);
        convBnLeaky(b, 2, 32, 3);
        maxpool(b, 3, 2);
        convBnLeaky(b, 4, 64, 3);
        maxpool(b, 5, 2);
        convBnLeaky(b, 6, 128, 3);
        maxpool(b, 7, 2);
        String route8 = convBnLeaky(b, 8, 256, 3);
        maxpool(b, 9, 2);
        convBnLeaky(b, 10, 512, 3);
        maxpool(b, 11, 1);
        convBnLeaky(b, 12, 1024, 3);
        String route13 = convBnLeaky(b, 13, 256, 1);
        convBnLeaky(b, 14, 512, 3);
        b.then("l15_conv", LayerOp.conv2d(headChannels, 1, 1, 0, true));
        // l16 yolo; l17 route -4 = layer 13.
        b.layer("l18_conv", LayerOp.conv2d(128, 1, 1, 0, false), route13);
        b.then("l18_bn", LayerOp.batchNorm()).then("l18_leaky", LayerOp.activation(
                LayerOp.ActivationFunction.LEAKY_RELU));
        String up = b.layer("l19_upsample", LayerOp.upsampleNearest(2));
        b.layer("l20_route", LayerOp.concat(), up, route8);
        convBnLeaky(b, 21, 256, 3);
        b.then("l22_conv", LayerOp.conv2d(headChannels, 1, 1, 0, true));
        return b.build();
    }

    private static String convBnLeaky(NetworkSpec.Builder b, int index, int filters, int size) {
        String p = "l" + index + "_";
        b.then(p + "conv", LayerOp.conv2d(filters, size, 1, (size - 1) / 2, false));
        b.then(p + "bn", LayerOp.batchNorm());
        return b.layer(p + "leaky", LayerOp.activation(LayerOp.ActivationFunction.LEAKY_RELU));
    }

    private static void maxpool(NetworkSpec.Builder b, int index, int stride) {
        Window window =
                Window.square(2, stride, 0).withPadding(List.of(0, 0), List.of(1, 1));
        b.then("l" + index + "_maxpool", new LayerOp.MaxPool(window));
    }
}
