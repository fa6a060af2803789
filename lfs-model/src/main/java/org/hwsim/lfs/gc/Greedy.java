package org.hwsim.lfs.gc;

/**
 * Greedy cleaning: the candidate with the fewest valid blocks, lowest index on ties (F2FS
 * {@code get_greedy_cost}; Rosenblum and Ousterhout 1992, section 3.4).
 */
final class Greedy implements VictimPolicy {
    static final String ID = "greedy";
    static final Greedy INSTANCE = new Greedy();

    private Greedy() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int selectVictim(SectionView view) {
        int best = -1;
        int bestValid = view.blocksPerSection();
        int n = view.sections();
        for (int s = 0; s < n; s++) {
            if (view.isCandidate(s)) {
                int v = view.validBlocks(s);
                if (v < bestValid) {
                    bestValid = v;
                    best = s;
                }
            }
        }
        return best;
    }
}
