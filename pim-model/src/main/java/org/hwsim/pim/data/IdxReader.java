package org.hwsim.pim.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.hwsim.core.config.ConfigException;

/**
 * Reads gzipped IDX files, the format of the original MNIST distribution (LeCun, Cortes and
 * Burges): a big-endian magic number (2051 for unsigned-byte image tensors of rank 3, 2049 for
 * label vectors), the dimension sizes, then the bytes. Errors name the source, the field and the
 * value found.
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /** Reads a gzipped image file and its label file from the class path. */
    public static DigitSet readResources(String imagesResource, String labelsResource) {
        try (InputStream images = open(imagesResource); InputStream labels = open(labelsResource)) {
            return read(images, imagesResource, labels, labelsResource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads gzipped images and labels; {@code *Source} name them in error messages. */
    public static DigitSet read(InputStream images, String imagesSource, InputStream labels, String labelsSource) {
        try (DataInputStream im = new DataInputStream(new GZIPInputStream(images));
             DataInputStream lb = new DataInputStream(new GZIPInputStream(labels))) {
            expect(im.readInt(), IMAGES_MAGIC, imagesSource, "magic");
            int count = positive(im.readInt(), imagesSource, "count");
            int rows = positive(im.readInt(), imagesSource, "rows");
            int cols = positive(im.readInt(), imagesSource, "cols");
            expect(lb.readInt(), LABELS_MAGIC, labelsSource, "magic");
            int labelCount = lb.readInt();
            if (labelCount != count) {
                throw new ConfigException(labelsSource + ": field 'count' must equal the image count " + count
                        + ": " + labelCount);
            }
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(count, rows), cols)];
            byte[] labelBytes = new byte[count];
            readFully(im, pixels, imagesSource);
            readFully(lb, labelBytes, labelsSource);
            for (int i = 0; i < count; i++) {
                if (labelBytes[i] < 0 || labelBytes[i] > 9) {
                    throw new ConfigException(labelsSource + ": label " + i + " must be a digit 0-9: " + labelBytes[i]);
                }
            }
            return new DigitSet(rows, cols, pixels, labelBytes);
        } catch (EOFException e) {
            throw new ConfigException(imagesSource + " / " + labelsSource + ": file ends early", e);
        } catch (IOException e) {
            throw new ConfigException(imagesSource + " / " + labelsSource + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = IdxReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ConfigException("resource not found: " + resource);
        }
        return in;
    }

    private static void readFully(DataInputStream in, byte[] out, String source) throws IOException {
        try {
            in.readFully(out);
        } catch (EOFException e) {
            throw new ConfigException(source + ": file ends before its " + out.length + " data bytes", e);
        }
    }

    private static void expect(int found, int expected, String source, String field) {
        if (found != expected) {
            throw new ConfigException(source + ": field '" + field + "' must be " + expected + ": " + found);
        }
    }

    private static int positive(int value, String source, String field) {
        if (value < 1) {
            throw new ConfigException(source + ": field '" + field + "' must be >= 1: " + value);
        }
        return value;
    }
}
