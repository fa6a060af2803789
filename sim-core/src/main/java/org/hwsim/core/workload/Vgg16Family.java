package org.hwsim.core.workload;

/**
 * VGG-16 (configuration D) of Simonyan and Zisserman, "Very Deep Convolutional Networks for
 * Large-Scale Image Recognition", ICLR 2015 (arXiv:1409.1556), Table 1, as torchvision's {@code
 * vgg16}: thirteen 3x3 convolutions with bias and ReLU, five 2x2 max pools, and three linear
 * layers 25088-4096-4096-1000 with bias (dropout omitted). At 224 px torchvision's {@code
 * AdaptiveAvgPool2d(7)} is an identity on the 7x7 map and is omitted; the input is fixed at 224 px
 * because the first linear layer's size depends on it.
 */
final class Vgg16Family {

    /** Configuration D: output channels, 0 = 2x2 max pool. */
    private static final int[] CONFIG_D = {
        64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0
    };

    private Vgg16Family() {}

    static NetworkSpec build(String name) {
        NetworkSpec.Builder b = NetworkSpec.builder(name).input("input", TensorShape.chw(3, 224, 224));
        int conv = 0;
        int pool = 0;
        for (int channels : CONFIG_D) {
            if (channels == 0) {
                b.then("pool" + ++pool, LayerOp.maxPool2d(2, 2, 0));
            } else {
                conv++;
                b.then("conv" + conv, LayerOp.conv2d(channels, 3, 1, 1, true))
                        .then("relu" + conv, LayerOp.relu());
            }
        }
        return b.then("flatten", LayerOp.flatten())
                .then("fc6", LayerOp.linear(512 * 7 * 7, 4096, true))
                .then("relu_fc6", LayerOp.relu())
                .then("fc7", LayerOp.linear(4096, 4096, true))
                .then("relu_fc7", LayerOp.relu())
                .then("fc8", LayerOp.linear(4096, 1000, true))
                .build();
    }
}
