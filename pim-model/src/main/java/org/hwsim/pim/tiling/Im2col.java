package org.hwsim.pim.tiling;

import org.hwsim.pim.array.Crossbar;

/**
 * Convolution as a matrix product: every output pixel's receptive field becomes one input vector
 * of length {@code C * kh * kw} (channel-major, then kernel row, then kernel column), and the
 * kernel {@code [O][C][kh][kw]} becomes a {@code (C * kh * kw) x O} matrix.
 */
public final class Im2col {
    private Im2col() {
    }

    /**
     * A convolution's geometry (zero padding, equal on both sides).
     *
     * @param channels input channels, at least 1
     * @param height input height, at least 1
     * @param width input width, at least 1
     * @param kernelHeight at least 1
     * @param kernelWidth at least 1
     * @param stride at least 1
     * @param padding at least 0
     */
    public record Shape(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride,
                        int padding) {
        /** Validates every field and that the kernel fits. */
        public Shape {
            if (channels < 1 || height < 1 || width < 1 || kernelHeight < 1 || kernelWidth < 1 || stride < 1
                    || padding < 0) {
                throw new IllegalArgumentException("conv shape fields must be positive (padding >= 0): " + this);
            }
            if (kernelHeight > height + 2 * padding || kernelWidth > width + 2 * padding) {
                throw new IllegalArgumentException("kernel " + kernelHeight + "x" + kernelWidth
                        + " must fit the padded input " + (height + 2 * padding) + "x" + (width + 2 * padding));
            }
        }

        /** Output height. */
        public int outHeight() {
            return (height + 2 * padding - kernelHeight) / stride + 1;
        }

        /** Output width. */
        public int outWidth() {
            return (width + 2 * padding - kernelWidth) / stride + 1;
        }

        /** Input vector length per output pixel. */
        public int patchLength() {
            return channels * kernelHeight * kernelWidth;
        }
    }

    /** Fills {@code patches[outH * outW][patchLength]} from a CHW image. */
    public static void patches(float[] chw, Shape s, float[][] patches) {
        if (chw.length != s.channels() * s.height() * s.width()) {
            throw new IllegalArgumentException("image length must be C*H*W = "
                    + s.channels() * s.height() * s.width() + ": " + chw.length);
        }
        int ow = s.outWidth();
        for (int oy = 0; oy < s.outHeight(); oy++) {
            for (int ox = 0; ox < ow; ox++) {
                float[] p = patches[oy * ow + ox];
                int k = 0;
                for (int c = 0; c < s.channels(); c++) {
                    for (int ky = 0; ky < s.kernelHeight(); ky++) {
                        int y = oy * s.stride() - s.padding() + ky;
                        for (int kx = 0; kx < s.kernelWidth(); kx++) {
                            int x = ox * s.stride() - s.padding() + kx;
                            boolean inside = y >= 0 && y < s.height() && x >= 0 && x < s.width();
                            p[k++] = inside ? chw[(c * s.height() + y) * s.width() + x] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** The {@code patchLength x O} matrix of a kernel given as {@code [O][C * kh * kw]} (flattened CHW per filter). */
    public static float[][] kernelMatrix(float[][] filters, Shape s) {
        int o = filters.length;
        float[][] m = new float[s.patchLength()][o];
        for (int f = 0; f < o; f++) {
            if (filters[f].length != s.patchLength()) {
                throw new IllegalArgumentException("filters[" + f + "].length must be " + s.patchLength() + ": "
                        + filters[f].length);
            }
            for (int k = 0; k < s.patchLength(); k++) {
                m[k][f] = filters[f][k];
            }
        }
        return m;
    }

    /** Runs the convolution on a crossbar holding {@link #kernelMatrix}: output {@code [outH * outW][O]}. */
    public static float[][] conv(Crossbar crossbar, float[] chw, Shape s) {
        float[][] p = new float[s.outHeight() * s.outWidth()][s.patchLength()];
        patches(chw, s, p);
        float[][] out = new float[p.length][crossbar.cols()];
        crossbar.mvm(p, out);
        return out;
    }
}
