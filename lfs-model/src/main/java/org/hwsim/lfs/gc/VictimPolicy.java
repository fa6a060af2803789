package org.hwsim.lfs.gc;

import java.util.List;
import java.util.Locale;

/** Chooses the section to clean next. Implementations are stateless and deterministic. */
public interface VictimPolicy {
    /** Stable id used in configs, the command line and reports. */
    String id();

    /**
     * The candidate section to clean, or -1 if no candidate has an invalid block (cleaning would
     * free nothing).
     */
    int selectVictim(SectionView view);

    /** Greedy: the candidate with the fewest valid blocks. */
    static VictimPolicy greedy() {
        return Greedy.INSTANCE;
    }

    /** Cost-benefit: the candidate maximising {@code (1 - u) * age / (1 + u)}. */
    static VictimPolicy costBenefit() {
        return CostBenefit.INSTANCE;
    }

    /** The ids of the built-in policies. */
    static List<String> ids() {
        return List.of(Greedy.ID, CostBenefit.ID);
    }

    /** The policy with this id; throws naming the id and the choices. */
    static VictimPolicy byId(String id) {
        String s = id == null ? "" : id.toLowerCase(Locale.ROOT);
        if (s.equals(Greedy.ID)) {
            return greedy();
        }
        if (s.equals(CostBenefit.ID)) {
            return costBenefit();
        }
        throw new IllegalArgumentException("gc policy must be one of " + ids() + ": " + id);
    }
}
