package org.hwsim.lfs.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every victim policy passes the same contract; each then its defining choice. */
class VictimPolicyContractTest {
    record View(int[] valid, long[] mtime, boolean[] candidate, int bps, long clock) implements SectionView {
        @Override public int sections() { return valid.length; }
        @Override public int blocksPerSection() { return bps; }
        @Override public boolean isCandidate(int s) { return candidate[s]; }
        @Override public int validBlocks(int s) { return valid[s]; }
        @Override public long lastModified(int s) { return mtime[s]; }
        @Override public long clock() { return clock; }
    }

    @ParameterizedTest
    @ValueSource(strings = {"greedy", "cost-benefit"})
    void noCandidateWithFreeSpaceGivesMinusOne(String id) {
        VictimPolicy p = VictimPolicy.byId(id);
        assertEquals(id, p.id());
        View full = new View(new int[] {8, 8}, new long[] {1, 2}, new boolean[] {true, true}, 8, 10);
        assertEquals(-1, p.selectVictim(full));
        View none = new View(new int[] {0, 3}, new long[] {1, 2}, new boolean[] {false, false}, 8, 10);
        assertEquals(-1, p.selectVictim(none));
    }

    @Property(tries = 300)
    void choosesACandidateWithInvalidBlocks(@ForAll @Size(min = 1, max = 40) int[] raw,
                                            @ForAll @IntRange(min = 0, max = 1) int policy) {
        int bps = 16;
        int n = raw.length;
        int[] valid = new int[n];
        long[] mtime = new long[n];
        boolean[] cand = new boolean[n];
        for (int i = 0; i < n; i++) {
            valid[i] = Math.floorMod(raw[i], bps + 1);
            mtime[i] = Math.floorMod(raw[i] * 31L, 1000);
            cand[i] = (raw[i] & 4) == 0;
        }
        View v = new View(valid, mtime, cand, bps, 1000);
        VictimPolicy p = policy == 0 ? VictimPolicy.greedy() : VictimPolicy.costBenefit();
        int s = p.selectVictim(v);
        boolean any = false;
        for (int i = 0; i < n; i++) {
            any |= cand[i] && valid[i] < bps;
        }
        if (!any) {
            assertEquals(-1, s);
        } else {
            assertTrue(s >= 0 && cand[s] && valid[s] < bps, "chose " + s);
        }
    }

    @Test
    void greedyTakesFewestValidLowestIndexOnTies() {
        View v = new View(new int[] {5, 2, 2, 1}, new long[4], new boolean[] {true, true, true, false}, 8, 0);
        assertEquals(1, VictimPolicy.greedy().selectVictim(v));
    }

    @Test
    void costBenefitPrefersOldColdSectionsOverYoungSparseOnes() {
        // Rosenblum and Ousterhout 1992: benefit/cost = (1 - u) age / (1 + u). Section 0: u = 0.25,
        // age 11 -> 0.75 * 11 / 1.25 = 6.6. Section 1: u = 0.75, age 1001 -> 0.25 * 1001 / 1.75 = 143.
        View v = new View(new int[] {2, 6}, new long[] {990, 0}, new boolean[] {true, true}, 8, 1000);
        assertEquals(1, VictimPolicy.costBenefit().selectVictim(v));
        assertEquals(0, VictimPolicy.greedy().selectVictim(v));
    }

    @Test
    void unknownIdNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VictimPolicy.byId("fifo"));
        assertTrue(e.getMessage().contains("fifo") && e.getMessage().contains("cost-benefit"), e.getMessage());
    }
}
