package org.hwsim.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hwsim.core.report.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A line chart of one or more series (e.g. accuracy vs ADC bits, one line per training method),
 * drawn with JFreeChart in headless mode and written as a PNG atomically.
 *
 * <p>Axis labels should carry units, as every hwsim figure does ({@code "ADC resolution (bits)"}).
 * Not thread-safe while being built.
 */
public final class LinePlot {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
    };

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<XYSeries> series = new ArrayList<>();
    private boolean integerX;

    /** A plot with a title and axis labels (with units). */
    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line; {@code xs} and {@code ys} must have equal lengths and finite values. */
    public LinePlot line(String name, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("line '" + name + "': " + xs.length + " x values but "
                    + ys.length + " y values");
        }
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("line '" + name + "': point " + i + " is not finite: ("
                        + xs[i] + ", " + ys[i] + ")");
            }
            s.add(xs[i], ys[i]);
        }
        series.add(s);
        return this;
    }

    /** Shows only whole numbers on the x axis (bits, layers, cores). */
    public LinePlot integerX() {
        this.integerX = true;
        return this;
    }

    /** Renders the chart at {@code widthPx x heightPx}. */
    public BufferedImage render(int widthPx, int heightPx) {
        if (series.isEmpty()) {
            throw new IllegalStateException("plot '" + title + "' has no line");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        if (integerX) {
            ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart.createBufferedImage(widthPx, heightPx);
    }

    /** Writes the chart as a PNG of {@code widthPx x heightPx}, atomically. */
    public void writePng(Path file, int widthPx, int heightPx) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = render(widthPx, heightPx);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
