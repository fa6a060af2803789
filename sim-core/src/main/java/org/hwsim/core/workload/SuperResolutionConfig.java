package org.hwsim.core.workload;

/**
 * Size of the {@code sr-small} super-resolution network, an ESPCN-class model (Shi et al.,
 * "Real-Time Single Image and Video Super-Resolution Using an Efficient Sub-Pixel Convolutional
 * Neural Network", CVPR 2016, arXiv:1609.05158).
 *
 * <p>Layers at the low resolution: a 5x5 convolution to {@code featureChannels}, then {@code
 * mappingLayers} 3x3 convolutions to {@code featureChannels / 2} (tanh after each of these), then
 * a 3x3 convolution to {@code imageChannels * upscaleFactor^2} and a pixel shuffle to the high
 * resolution. All convolutions have bias. {@link #espcn()} (64 features, 1 mapping layer) is the
 * paper's network: (f1, n1) = (5, 64), (f2, n2) = (3, 32), f3 = 3.
 *
 * @param imageChannels channels of the image, at least 1 (1 = luminance only, as in ESPCN)
 * @param upscaleFactor the factor r, in [1, 8]
 * @param featureChannels width of the first layer, at least 2 and even
 * @param mappingLayers number of 3x3 mapping layers, at least 1
 * @param inputHeightPx low-resolution height, at least 3
 * @param inputWidthPx low-resolution width, at least 3
 */
public record SuperResolutionConfig(
        int imageChannels,
        int upscaleFactor,
        int featureChannels,
        int mappingLayers,
        int inputHeightPx,
        int inputWidthPx) {

    /** Validates every field. */
    public SuperResolutionConfig {
        if (imageChannels < 1) {
            throw new WorkloadFormatException("imageChannels must be >= 1: " + imageChannels);
        }
        if (upscaleFactor < 1 || upscaleFactor > 8) {
            throw new WorkloadFormatException("upscaleFactor must be in [1, 8]: " + upscaleFactor);
        }
        if (featureChannels < 2 || featureChannels % 2 != 0) {
            throw new WorkloadFormatException(
                    "featureChannels must be even and >= 2: " + featureChannels);
        }
        if (mappingLayers < 1) {
            throw new WorkloadFormatException("mappingLayers must be >= 1: " + mappingLayers);
        }
        if (inputHeightPx < 3 || inputWidthPx < 3) {
            throw new WorkloadFormatException(
                    "inputHeightPx and inputWidthPx must be >= 3: " + inputHeightPx + "x" + inputWidthPx);
        }
    }

    /**
     * ESPCN as published, upscaling a 640x360 luminance frame by 3 to 1920x1080 (the paper's
     * real-time 1080p video setting).
     */
    public static SuperResolutionConfig espcn() {
        return new SuperResolutionConfig(1, 3, 64, 1, 360, 640);
    }

    /** This configuration with another upscale factor. */
    public SuperResolutionConfig withUpscaleFactor(int upscaleFactor) {
        return new SuperResolutionConfig(
                imageChannels, upscaleFactor, featureChannels, mappingLayers, inputHeightPx, inputWidthPx);
    }

    /** This configuration with another width and depth. */
    public SuperResolutionConfig withSize(int featureChannels, int mappingLayers) {
        return new SuperResolutionConfig(
                imageChannels, upscaleFactor, featureChannels, mappingLayers, inputHeightPx, inputWidthPx);
    }

    /** This configuration with another low-resolution input size. */
    public SuperResolutionConfig withInputPx(int inputHeightPx, int inputWidthPx) {
        return new SuperResolutionConfig(
                imageChannels, upscaleFactor, featureChannels, mappingLayers, inputHeightPx, inputWidthPx);
    }

    NetworkSpec build(String name) {
        NetworkSpec.Builder b =
                NetworkSpec.builder(name)
                        .input("input", TensorShape.chw(imageChannels, inputHeightPx, inputWidthPx));
        b.then("feature", LayerOp.conv2d(featureChannels, 5, 1, 2, true))
                .then("feature_tanh", LayerOp.activation(LayerOp.ActivationFunction.TANH));
        for (int i = 1; i <= mappingLayers; i++) {
            b.then("map" + i, LayerOp.conv2d(featureChannels / 2, 3, 1, 1, true))
                    .then("map" + i + "_tanh", LayerOp.activation(LayerOp.ActivationFunction.TANH));
        }
        return b.then(
                        "subpixel", LayerOp.conv2d(imageChannels * upscaleFactor * upscaleFactor, 3, 1, 1, true))
                .then("pixel_shuffle", LayerOp.pixelShuffle(upscaleFactor))
                .build();
    }
}
