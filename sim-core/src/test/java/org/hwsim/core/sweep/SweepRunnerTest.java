package org.hwsim.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.config.ConfigException;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.report.Report;
import org.hwsim.core.resource.ServerQueue;
import org.hwsim.core.time.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: enumeration, thread-count independence, resume after an interrupted run, bad specs. */
class SweepRunnerTest {
    @TempDir
    Path dir;

    private static SweepSpec spec() {
        return new SweepSpec(Map.of("rho", List.<Object>of(0.5, 0.8)), List.of(1L, 2L, 3L));
    }

    /** An M/M/1 queue at utilisation rho (service rate 1/us), 5,000 jobs. */
    private static Report mm1(SweepPoint p) {
        double rho = p.getDouble("rho");
        Simulator sim = Simulator.create(p.seed());
        ServerQueue q = ServerQueue.fifo(sim, "q", 1);
        var arrivals = ZigguratSampler.Exponential.of(sim.random().stream("arrivals"));
        var service = ZigguratSampler.Exponential.of(sim.random().stream("service"));
        EventHandler source = new EventHandler() {
            int n;

            @Override
            public void handle(long arg) {
                q.submit(Math.round(service.sample() * Time.PS_PER_US), null);
                if (++n < 5_000) {
                    sim.schedule(Math.round(arrivals.sample() / rho * Time.PS_PER_US), this);
                }
            }
        };
        sim.schedule(0, source);
        sim.run();
        return Report.builder("mm1", p.seed()).config(p.parameters()).simulatedPs(sim.nowPs())
                .metric("meanWaitUs", q.waitTally().mean() / Time.PS_PER_US)
                .metric("utilisation", q.utilisation())
                .build();
    }

    @Test
    void enumeratesTheFullFactorialWithSeedsFastest() {
        var withB = new java.util.LinkedHashMap<String, List<Object>>();
        withB.put("a", List.of(1, 2, 3));
        withB.put("b", List.of("x", "y"));
        SweepSpec s = new SweepSpec(withB, List.of(7L, 8L));
        List<SweepPoint> pts = s.points();
        assertEquals(12, s.size());
        assertEquals(12, pts.size());
        assertEquals(Map.of("a", 1, "b", "x"), pts.get(0).parameters());
        assertEquals(7L, pts.get(0).seed());
        assertEquals(8L, pts.get(1).seed());
        assertEquals(Map.of("a", 1, "b", "y"), pts.get(2).parameters());
        assertEquals(Map.of("a", 3, "b", "y"), pts.get(11).parameters());
        Set<String> ids = new HashSet<>();
        for (SweepPoint p : pts) {
            assertTrue(ids.add(p.id()), "duplicate id " + p.id());
            assertEquals(16, p.id().length());
        }
        // the id depends only on the parameters and the seed, not on the index
        assertEquals(pts.get(3).id(), new SweepPoint(99, pts.get(3).parameters(), pts.get(3).seed()).id());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        SweepRunner.Summary one = SweepRunner.run(spec(), SweepRunnerTest::mm1, dir.resolve("one"), 1, SweepProgress.none());
        SweepRunner.Summary two = SweepRunner.run(spec(), SweepRunnerTest::mm1, dir.resolve("two"), 2, SweepProgress.none());
        assertEquals(6, one.completed());
        assertEquals(6, two.completed());
        String csv = Files.readString(one.csv());
        assertEquals(csv, Files.readString(two.csv()));
        List<String> lines = Files.readAllLines(one.csv());
        assertEquals(7, lines.size());
        assertEquals("index,id,rho,seed,simulatedPs,meanWaitUs,utilisation", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,"), lines.get(1));
    }

    @Test
    void anInterruptedSweepResumesWithoutRepeatingFinishedPoints() throws Exception {
        Path out = dir.resolve("sweep");
        // First run: points with seed 2 fail (as if the run were killed before they finished).
        AtomicInteger calls = new AtomicInteger();
        SweepRunner.Summary first = SweepRunner.run(spec(), p -> {
            calls.incrementAndGet();
            if (p.seed() == 2) {
                throw new IllegalStateException("killed");
            }
            return mm1(p);
        }, out, 2, SweepProgress.none());
        assertEquals(4, first.completed());
        assertEquals(2, first.failed());
        assertEquals(6, calls.get());
        assertEquals(5, Files.readAllLines(first.csv()).size());
        try (var errors = Files.list(out.resolve("points"))) {
            assertEquals(2, errors.filter(f -> f.toString().endsWith(".error.txt")).count());
        }

        calls.set(0);
        SweepRunner.Summary second = SweepRunner.run(spec(), p -> {
            calls.incrementAndGet();
            return mm1(p);
        }, out, 2, SweepProgress.none());
        assertEquals(4, second.skipped());
        assertEquals(2, second.completed());
        assertEquals(2, calls.get(), "only the unfinished points run again");
        try (var errors = Files.list(out.resolve("points"))) {
            assertFalse(errors.anyMatch(f -> f.toString().endsWith(".error.txt")));
        }
        // the resumed table equals a sweep that was never interrupted
        SweepRunner.Summary clean = SweepRunner.run(spec(), SweepRunnerTest::mm1, dir.resolve("clean"), 2, SweepProgress.none());
        assertEquals(Files.readString(clean.csv()), Files.readString(second.csv()));
    }

    @Test
    void badSpecsNameTheFieldAndValue() throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, "parameters:\n  rho: []\nseeds: [1]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SweepSpec.read(f));
        assertTrue(e.getMessage().contains("sweep.yaml") && e.getMessage().contains("rho"), e.getMessage());

        Files.writeString(f, "parameters:\n  rho: [0.5]\nseeds: [1, 1]\n");
        e = assertThrows(ConfigException.class, () -> SweepSpec.read(f));
        assertTrue(e.getMessage().contains("seeds") && e.getMessage().contains("[1, 1]"), e.getMessage());

        Files.writeString(f, "parameters:\n  rho: [{a: 1}]\nseeds: [1]\n");
        e = assertThrows(ConfigException.class, () -> SweepSpec.read(f));
        assertTrue(e.getMessage().contains("rho") && e.getMessage().contains("a=1"), e.getMessage());

        Files.writeString(f, "parameters:\n  rho: [0.5, 0.8]\nseeds: [1, 2]\n");
        assertEquals(4, SweepSpec.read(f).size());
    }
}
