/**
 * The energy ledger: dynamic energy as action counts x energy per action (action-energy tables in
 * the style of Accelergy, Wu et al., ICCAD 2019) and static power integrated over power states,
 * charged to hierarchical component paths, with totals by subtree.
 */
package org.hwsim.core.energy;
