package org.hwsim.examples.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plots render headless to a readable PNG of the asked size, with each line's colour on it. */
class LinePlotTest {
    @TempDir
    Path dir;

    @Test
    void writesAPngWithBothLines() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path png = dir.resolve("accuracy.png");
        new LinePlot("Accuracy vs ADC resolution", "ADC resolution (bits)", "accuracy")
                .line("pim-qat", new double[] {3, 4, 5, 6, 8}, new double[] {0.90, 0.95, 0.97, 0.97, 0.98})
                .line("qat-deployed", new double[] {3, 4, 5, 6, 8}, new double[] {0.20, 0.45, 0.80, 0.93, 0.97})
                .integerX()
                .writePng(png, 800, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        int blue = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                blue += rgb == 0x1f77b4 ? 1 : 0;
                red += rgb == 0xd62728 ? 1 : 0;
            }
        }
        assertTrue(blue > 200 && red > 200, "line pixels: blue " + blue + ", red " + red);
    }

    @Test
    void badSeriesNameTheLineAndPoint() {
        LinePlot p = new LinePlot("t", "x", "y");
        var e = assertThrows(IllegalArgumentException.class, () -> p.line("a", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("'a'"));
        e = assertThrows(IllegalArgumentException.class, () -> p.line("b", new double[] {1}, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("NaN"));
        assertThrows(IllegalStateException.class, () -> p.render(10, 10));
    }
}
