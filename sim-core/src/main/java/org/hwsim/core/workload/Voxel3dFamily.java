package org.hwsim.core.workload;

/**
 * {@code voxel3d}: a small 3D convolutional occupancy network that maps a partial occupancy grid
 * {@code [1, G, G, G]} to per-voxel occupancy probabilities of the same size. It is a two-level
 * 3D U-Net (Cicek et al., "3D U-Net: Learning Dense Volumetric Segmentation from Sparse
 * Annotation", MICCAI 2016, arXiv:1606.06650) scaled down for edge devices, not a published
 * model: its counts are checked against their closed form.
 *
 * <p>With base width {@code c}: two 3x3x3 convolutions to {@code c} at {@code G^3}, a 2x2x2 max
 * pool, two 3x3x3 convolutions to {@code 2c} at {@code (G/2)^3}, nearest upsampling by 2,
 * concatenation with the skip ({@code 3c} channels), a 3x3x3 convolution to {@code c}, and a 1x1x1
 * convolution with bias to one channel followed by a sigmoid. Every 3x3x3 convolution is padded,
 * has no bias, and is followed by batch norm and ReLU.
 */
final class Voxel3dFamily {

    private Voxel3dFamily() {}

    static NetworkSpec build(String name, int gridSize, int baseChannels) {
        if (gridSize < 4 || gridSize % 2 != 0) {
            throw new WorkloadFormatException("gridSize must be even and >= 4: " + gridSize);
        }
        if (baseChannels < 1) {
            throw new WorkloadFormatException("baseChannels must be >= 1: " + baseChannels);
        }
        int c = baseChannels;
        NetworkSpec.Builder b =
                NetworkSpec.builder(name)
                        .input("occupancy", TensorShape.cdhw(1, gridSize, gridSize, gridSize));
        convBnRelu(b, "enc1a", c);
        String skip = convBnRelu(b, "enc1b", c);
        b.then("pool", LayerOp.maxPool3d(2, 2, 0));
        convBnRelu(b, "enc2a", 2 * c);
        convBnRelu(b, "enc2b", 2 * c);
        String up = b.layer("up", LayerOp.upsampleNearest(2));
        b.layer("skip_concat", LayerOp.concat(), up, skip);
        convBnRelu(b, "dec1", c);
        return b.then("head", LayerOp.conv3d(1, 1, 1, 0, true))
                .then("probability", LayerOp.activation(LayerOp.ActivationFunction.SIGMOID))
                .build();
    }

    private static String convBnRelu(NetworkSpec.Builder b, String name, int channels) {
        b.then(name, LayerOp.conv3d(channels, 3, 1, 1, false)).then(name + "_bn", LayerOp.batchNorm());
        return b.layer(name + "_relu", LayerOp.relu());
    }
}
