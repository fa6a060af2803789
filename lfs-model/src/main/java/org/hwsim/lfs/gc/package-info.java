/**
 * Victim selection for segment cleaning: greedy (fewest valid blocks, F2FS's foreground policy)
 * and cost-benefit (Rosenblum and Ousterhout, "The Design and Implementation of a Log-Structured
 * File System", ACM TOCS 10(1), 1992, section 3.5: clean the segment maximising
 * {@code (1 - u) * age / (1 + u)}; F2FS's background policy, {@code get_cb_cost} in
 * {@code fs/f2fs/gc.c}). Policies see sections through {@link org.hwsim.lfs.gc.SectionView} and
 * break ties by the lowest section index, so the choice is deterministic.
 */
package org.hwsim.lfs.gc;
