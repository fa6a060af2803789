package org.hwsim.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hwsim.core.report.AtomicFiles;
import org.hwsim.core.report.Csv;
import org.hwsim.core.report.Report;

/**
 * Runs every point of a {@link SweepSpec} on a pool of threads and writes each finished point at
 * once, so a killed sweep resumes where it stopped.
 *
 * <p>Output folder layout:
 * <ul>
 *   <li>{@code points/<id>.json}: one document per finished point, written atomically:
 *       {@code {"point": {index, id, parameters, seed}, "headline": {...}, "report": {...}}};</li>
 *   <li>{@code points/<id>.error.txt}: the failure of a point (retried on the next run);</li>
 *   <li>{@code results.csv}: one row per finished point in enumeration order (index, id, the
 *       parameters, then the report's headline metrics, seed included), rebuilt atomically from
 *       the point files at the end of every run.</li>
 * </ul>
 * A point whose {@code points/<id>.json} exists is skipped, whatever the order or thread count
 * of the run that wrote it. Each point runs its own simulator from its own seed, so results do not
 * depend on the number of threads.
 */
public final class SweepRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What one point computes. Runs on a pool thread; must not share mutable state with others. */
    @FunctionalInterface
    public interface Task {
        /** Runs the point and returns its report. */
        Report run(SweepPoint point) throws Exception;
    }

    /**
     * The result of a run.
     *
     * @param total     points in the sweep
     * @param skipped   points already finished by an earlier run
     * @param completed points finished by this run
     * @param failed    points that threw (their error files name the cause)
     * @param csv       the results table
     */
    public record Summary(int total, int skipped, int completed, int failed, Path csv) {
    }

    private SweepRunner() {
    }

    /**
     * Runs the points of {@code spec} not yet finished in {@code outDir}.
     *
     * @param threads  worker threads, at least 1 (e.g. {@code Runtime.availableProcessors()})
     * @param progress told after every finished point
     */
    public static Summary run(SweepSpec spec, Task task, Path outDir, int threads, SweepProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        Path pointsDir = outDir.resolve("points");
        try {
            Files.createDirectories(pointsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + pointsDir + ": " + e.getMessage(), e);
        }
        List<SweepPoint> all = spec.points();
        List<SweepPoint> todo = new ArrayList<>();
        for (SweepPoint p : all) {
            if (!Files.exists(pointFile(pointsDir, p))) {
                todo.add(p);
            }
        }
        int skipped = all.size() - todo.size();
        long startNanos = System.nanoTime();
        progress.update(skipped, all.size(), 0, 0L);
        int completed = 0;
        int failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hwsim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<SweepPoint> done = new ExecutorCompletionService<>(pool);
            for (SweepPoint p : todo) {
                done.submit(() -> {
                    runOne(task, p, pointsDir);
                    return p;
                });
            }
            for (int i = 0; i < todo.size(); i++) {
                Future<SweepPoint> f = done.take();
                try {
                    f.get();
                    completed++;
                } catch (ExecutionException e) {
                    failed++;
                }
                progress.update(skipped + completed, all.size(), failed, System.nanoTime() - startNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; finished points are saved in " + pointsDir, e);
        } finally {
            pool.shutdownNow();
        }
        Path csv = outDir.resolve("results.csv");
        writeCsv(all, pointsDir, csv);
        return new Summary(all.size(), skipped, completed, failed, csv);
    }

    private static Path pointFile(Path pointsDir, SweepPoint p) {
        return pointsDir.resolve(p.id() + ".json");
    }

    private static void runOne(Task task, SweepPoint p, Path pointsDir) throws Exception {
        Path errorFile = pointsDir.resolve(p.id() + ".error.txt");
        try {
            Report report = task.run(p);
            ObjectNode doc = JSON.createObjectNode();
            ObjectNode point = doc.putObject("point");
            point.put("index", p.index());
            point.put("id", p.id());
            point.set("parameters", JSON.valueToTree(p.parameters()));
            point.put("seed", p.seed());
            doc.set("headline", JSON.valueToTree(report.headline()));
            doc.set("report", report.json());
            AtomicFiles.writeString(pointFile(pointsDir, p), JSON.writeValueAsString(doc) + "\n");
            Files.deleteIfExists(errorFile);
        } catch (Exception | Error e) {
            StringWriter sw = new StringWriter();
            sw.append("point ").append(String.valueOf(p.index())).append(' ').append(p.parameters().toString())
                    .append(" seed ").append(String.valueOf(p.seed())).append(" failed:\n");
            e.printStackTrace(new PrintWriter(sw));
            AtomicFiles.writeString(errorFile, sw.toString());
            throw e;
        }
    }

    /** Rebuilds the results table from the point files, in enumeration order. */
    static void writeCsv(List<SweepPoint> all, Path pointsDir, Path csv) {
        List<JsonNode> docs = new ArrayList<>();
        Set<String> headlineColumns = new LinkedHashSet<>();
        for (SweepPoint p : all) {
            Path f = pointFile(pointsDir, p);
            if (!Files.exists(f)) {
                continue;
            }
            try {
                JsonNode doc = JSON.readTree(f.toFile());
                docs.add(doc);
                doc.get("headline").fieldNames().forEachRemaining(headlineColumns::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("index", "id"));
        List<String> paramNames = all.isEmpty() ? List.of() : new ArrayList<>(all.get(0).parameters().keySet());
        header.addAll(paramNames);
        for (String h : headlineColumns) {
            if (!paramNames.contains(h)) {
                header.add(h);
            }
        }
        sb.append(Csv.line(header)).append('\n');
        for (JsonNode doc : docs) {
            JsonNode point = doc.get("point");
            JsonNode headline = doc.get("headline");
            List<String> cells = new ArrayList<>();
            cells.add(point.get("index").asText());
            cells.add(point.get("id").asText());
            for (String name : paramNames) {
                cells.add(cell(point.get("parameters").get(name)));
            }
            for (String h : header.subList(2 + paramNames.size(), header.size())) {
                cells.add(cell(headline.get(h)));
            }
            sb.append(Csv.line(cells)).append('\n');
        }
        AtomicFiles.writeString(csv, sb.toString());
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
