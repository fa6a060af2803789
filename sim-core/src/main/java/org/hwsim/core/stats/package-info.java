/**
 * Statistics collected during a run: tallies of observations, time-weighted averages of
 * piecewise-constant quantities, and latency histograms (HdrHistogram) with p50/p95/p99/p99.9.
 */
package org.hwsim.core.stats;
