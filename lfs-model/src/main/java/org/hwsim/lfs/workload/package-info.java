/**
 * Seeded synthetic workloads that drive a {@link org.hwsim.lfs.fs.LogFs} request by request
 * without allocating: uniform random 4 KiB overwrites (the case of the analytic write-amplification
 * models, e.g. Desnoyers, "Analytic models of SSD write performance", ACM TOS 10(2), 2014), hot/cold
 * (90% of writes to 10% of the data, Rosenblum and Ousterhout, ACM TOCS 1992, section 3.5),
 * SQLite-like WAL transactions on a database file (the mobile pattern of Lee et al., FAST 2015,
 * and of DeltaFS, arXiv 2210.04623), append-only logs, and a mix; plus the adapter that replays
 * {@link org.hwsim.core.workload.IoRequest} traces. Every generator draws from a named kernel
 * random stream, so a seed gives the same request sequence.
 */
package org.hwsim.lfs.workload;
