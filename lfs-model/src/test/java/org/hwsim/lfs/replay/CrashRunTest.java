package org.hwsim.lfs.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.hwsim.core.report.Report;
import org.hwsim.lfs.workload.Workload;
import org.junit.jupiter.api.Test;

/**
 * Seeded power cuts in every synthetic workload, through the same path as {@code lfs run --crash}:
 * the checker finds no lost acknowledged write and no inconsistency (F2FS's guarantee, Lee et
 * al., FAST 2015, section 2.7), and the same seeds give the same crash section.
 */
class CrashRunTest {
    private static LfsRun.Config config(String workload, long seed) {
        return new LfsRun.Config(workload, "disksim", 1, "mlc", 0.85, "greedy", false, 6000, 0, seed, 2000, 0.1,
                seed % 2 == 0);
    }

    @Test
    void everySyntheticWorkloadRecoversConsistentlyFromSeededCrashes() {
        int rolledForward = 0;
        for (String w : Workload.syntheticIds()) {
            for (long crashSeed = 1; crashSeed <= 3; crashSeed++) {
                Report r = CrashRun.run(config(w, crashSeed), CrashRun.Plan.seeded(crashSeed));
                JsonNode c = r.json().get("crash");
                assertEquals("consistent", c.get("verdict").asText(), w + " crash seed " + crashSeed + ": " + c);
                double s = c.get("crashAtSeconds").asDouble();
                assertTrue(s >= 0 && s < 3.0, "within 6,000 requests at 2,000 IOPS: " + s);
                rolledForward += c.get("nodesRolledForward").asInt();
            }
        }
        assertTrue(rolledForward > 0, "sqlite, append and mix fsync: some crash must need roll-forward");
    }

    @Test
    void withDeltasOnEverySyntheticWorkloadRecoversConsistently() {
        long inlineRolled = 0;
        long chains = 0;
        for (String w : Workload.syntheticIds()) {
            for (long crashSeed = 1; crashSeed <= 2; crashSeed++) {
                LfsRun.Config cfg = new LfsRun.Config(w, "disksim", 1, "mlc", 0.85, "greedy", true, 6000, 0, crashSeed,
                        2000, 0.1, crashSeed % 2 == 0);
                Report r = CrashRun.run(cfg, CrashRun.Plan.seeded(crashSeed));
                JsonNode c = r.json().get("crash");
                assertEquals("consistent", c.get("verdict").asText(), w + " delta on, crash seed " + crashSeed + ": " + c);
                assertTrue(c.has("deltaChains") && c.has("deltaPagesTorn"), c.toString());
                inlineRolled += c.get("inlineChainsRolledForward").asLong();
                chains += c.get("deltaChains").asLong();
            }
        }
        assertTrue(inlineRolled > 0, "sqlite edits pages in place and fsyncs: inline deltas must roll forward");
        assertTrue(chains > 0, "recovered file systems keep delta chains");
    }

    @Test
    void sameSeedsGiveTheSameCrashSection() {
        JsonNode a = CrashRun.run(config("mix", 4), CrashRun.Plan.seeded(9)).json().get("crash");
        JsonNode b = CrashRun.run(config("mix", 4), CrashRun.Plan.seeded(9)).json().get("crash");
        assertEquals(a, b);
        JsonNode other = CrashRun.run(config("mix", 4), CrashRun.Plan.seeded(10)).json().get("crash");
        assertTrue(a.get("crashAtPs").asLong() != other.get("crashAtPs").asLong());
    }

    @Test
    void badCrashInputIsRejectedWithItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrashRun.Plan.at(-5));
        assertTrue(e.getMessage().contains("crashAtPs") && e.getMessage().contains("-5"), e.getMessage());
    }
}
