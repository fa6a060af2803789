package org.hwsim.edge.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads measurement tables in the format of the shipped {@code edge-measurements.csv}: comment
 * lines starting with {@code #}, a header, then {@code device, model, input, unit, threads,
 * precision, batch, power_mode, runtime, latency_ms, throughput_per_s, source, notes} with RFC 4180
 * quoting. A malformed row fails with the source, the line, the column and the value.
 */
public final class Measurements {
    /** The published measurements shipped with hwsim. */
    public static final String RESOURCE = "/org/hwsim/edge/calibration/edge-measurements.csv";

    private static final List<String> HEADER = List.of("device", "model", "input", "unit", "threads", "precision",
            "batch", "power_mode", "runtime", "latency_ms", "throughput_per_s", "source", "notes");

    private Measurements() {
    }

    /** The shipped measurements. */
    public static List<Measurement> shipped() {
        try (InputStream in = Measurements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Measurements from a CSV file. */
    public static List<Measurement> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Measurement> read(BufferedReader in, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<Measurement> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IllegalArgumentException(source + ": header must be " + HEADER + ": " + parser.getHeaderNames());
            }
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                if (record.size() != HEADER.size()) {
                    throw new IllegalArgumentException(source + ":" + line + ": expected " + HEADER.size()
                            + " columns: " + record.size());
                }
                rows.add(parse(record.toList(), source, line));
            }
        }
        return rows;
    }

    private static Measurement parse(List<String> c, String source, int line) {
        String where = source + ":" + line + ": ";
        int h = 0;
        int w = 0;
        String input = c.get(2).strip();
        if (!input.isEmpty()) {
            String[] hw = input.split("x");
            try {
                h = Integer.parseInt(hw[0]);
                w = hw.length > 1 ? Integer.parseInt(hw[1]) : h;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "input must be HxW: '" + input + "'");
            }
        }
        int threads = intOr(c.get(4), 0, where + "threads");
        int batch = intOr(c.get(6), 1, where + "batch");
        double latency = doubleOr(c.get(9), where + "latency_ms");
        double throughput = doubleOr(c.get(10), where + "throughput_per_s");
        if (Double.isNaN(latency) == Double.isNaN(throughput)) {
            throw new IllegalArgumentException(where + "exactly one of latency_ms and throughput_per_s must be given");
        }
        String mode = c.get(7).strip();
        return new Measurement(line, c.get(0).strip(), c.get(1).strip(), h, w, c.get(3).strip(), threads,
                c.get(5).strip(), batch, mode.equals("not stated") ? "" : mode, c.get(8).strip(), latency, throughput,
                c.get(11).strip());
    }

    private static int intOr(String cell, int missing, String field) {
        String s = cell.strip();
        if (s.isEmpty() || s.equals("not stated")) {
            return missing;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an integer: '" + s + "'");
        }
    }

    private static double doubleOr(String cell, String field) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a positive number: '" + s + "'");
        }
    }
}
