package org.hwsim.lfs.gc;

/**
 * Cost-benefit cleaning (Rosenblum and Ousterhout, ACM TOCS 1992, section 3.5): reading a segment
 * costs 1, writing back its live data costs {@code u}, and the space freed {@code 1 - u} stays free
 * for a time proportional to the age of the youngest data in it, so the policy cleans the candidate
 * maximising {@code benefit / cost = (1 - u) * age / (1 + u)}, lowest index on ties. Age is
 * measured on the view's clock (blocks written since), a proxy for time under a steady write rate.
 */
final class CostBenefit implements VictimPolicy {
    static final String ID = "cost-benefit";
    static final CostBenefit INSTANCE = new CostBenefit();

    private CostBenefit() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int selectVictim(SectionView view) {
        int best = -1;
        double bestScore = -1;
        int bps = view.blocksPerSection();
        long now = view.clock();
        int n = view.sections();
        for (int s = 0; s < n; s++) {
            if (view.isCandidate(s)) {
                int v = view.validBlocks(s);
                if (v >= bps) {
                    continue;
                }
                double u = (double) v / bps;
                double age = now - view.lastModified(s) + 1;
                double score = (1 - u) * age / (1 + u);
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
        }
        return best;
    }
}
