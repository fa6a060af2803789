/**
 * The storage model: a NAND flash device ({@link org.hwsim.lfs.flash}), an F2FS-like
 * log-structured file system on it ({@link org.hwsim.lfs.fs}) with its cleaning policies
 * ({@link org.hwsim.lfs.gc}), I/O trace readers ({@link org.hwsim.lfs.trace}), seeded synthetic
 * workloads ({@link org.hwsim.lfs.workload}) and the replay loop that turns a workload into the
 * standard report ({@link org.hwsim.lfs.replay}).
 *
 * <p>Sources: C. Lee, D. Sim, J. Hwang and S. Cho, "F2FS: A New File System for Flash Storage",
 * USENIX FAST 2015; the Linux kernel's {@code Documentation/filesystems/f2fs.rst}; M. Rosenblum and
 * J. K. Ousterhout, "The Design and Implementation of a Log-Structured File System", ACM TOCS
 * 10(1), 1992; A. Tavakkol et al., "MQSim: A Framework for Enabling Realistic Studies of Modern
 * Multi-Queue SSD Devices", USENIX FAST 2018; Y. Hu et al., "Performance Impact and Interplay of
 * SSD Parallelism through Advanced Commands, Allocation Strategy and Data Granularity" (SSDSim),
 * ICS 2011. See {@code docs/lfs.md}.
 */
package org.hwsim.lfs;
