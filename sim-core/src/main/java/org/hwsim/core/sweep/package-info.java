/**
 * Sweeps on one machine: a full-factorial grid of parameters times seeds, run on all cores with a
 * progress bar, each finished point written atomically at once so that an interrupted sweep
 * resumes without losing or repeating finished points; a CSV of headline metrics per point for
 * pandas or R.
 */
package org.hwsim.core.sweep;
