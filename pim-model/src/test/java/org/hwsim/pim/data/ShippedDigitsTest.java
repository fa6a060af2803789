package org.hwsim.pim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.rng.simple.RandomSource;
import org.hwsim.core.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The shipped digits against the npm package's own per-class file sizes, and IDX errors. */
class ShippedDigitsTest {

    @Test
    void holdsTheTenThousandDigitsOfTheNpmPackage() {
        DigitSet d = ShippedDigits.load();
        assertEquals(10_000, d.count());
        assertEquals(28, d.rows());
        assertEquals(28, d.cols());
        // Samples per class in mnist 1.1.0's src/digits/<d>.json (array length / 784), see PROVENANCE.md.
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, d.classCounts(10));
        // Values read off mnist 1.1.0's src/digits/0.json and 9.json (three-decimal grey levels):
        // the first image's first inked pixel is index 127 at 0.2 and its levels sum to 121.921;
        // the last image's levels sum to 75.5. Each level is within 0.0005 of the shipped k/255.
        float[] first = d.image(0);
        for (int p = 0; p < 127; p++) {
            assertEquals(0f, first[p]);
        }
        assertEquals(0.2, first[127], 0.0006);
        assertEquals(121.921, sum(first), 784 * 0.0005);
        assertEquals(9, d.label(9_999));
        assertEquals(75.5, sum(d.image(9_999)), 784 * 0.0005);
    }

    private static double sum(float[] image) {
        double s = 0;
        for (float v : image) {
            assertTrue(v >= 0 && v <= 1);
            s += v;
        }
        return s;
    }

    @Test
    void splitIsAPartitionAndDependsOnlyOnTheStream() {
        DigitSet d = ShippedDigits.load();
        DigitSet[] a = d.split(0.2, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        DigitSet[] b = d.split(0.2, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        assertEquals(8_000, a[0].count());
        assertEquals(2_000, a[1].count());
        assertArrayEquals(a[1].labels(), b[1].labels());
        int[] total = d.classCounts(10);
        int[] train = a[0].classCounts(10);
        int[] test = a[1].classCounts(10);
        for (int c = 0; c < 10; c++) {
            assertEquals(total[c], train[c] + test[c]);
        }
    }

    private static byte[] gzip(int... ints) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            for (int i : ints) {
                out.writeInt(i);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void malformedFilesNameTheFieldAndValue() throws IOException {
        var e = assertThrows(ConfigException.class, () -> IdxReader.read(
                new ByteArrayInputStream(gzip(2050, 1, 28, 28)), "img.gz",
                new ByteArrayInputStream(gzip(2049, 1)), "lbl.gz"));
        assertTrue(e.getMessage().contains("img.gz") && e.getMessage().contains("magic")
                && e.getMessage().contains("2050"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> IdxReader.read(
                new ByteArrayInputStream(gzip(2051, 2, 28, 28)), "img.gz",
                new ByteArrayInputStream(gzip(2049, 3)), "lbl.gz"));
        assertTrue(e.getMessage().contains("lbl.gz") && e.getMessage().contains("count")
                && e.getMessage().contains("3"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> IdxReader.read(
                new ByteArrayInputStream(gzip(2051, 1, 28, 28)), "img.gz",
                new ByteArrayInputStream(gzip(2049, 1)), "lbl.gz"));
        assertTrue(e.getMessage().contains("img.gz") && e.getMessage().contains("784"), e.getMessage());
    }
}
