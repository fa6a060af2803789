/**
 * The replay loop behind {@code hwsim lfs run}: builds the device and the file system, pre-fills
 * it in bulk to the requested utilization, replays a workload request by request and writes the
 * standard report (headline metrics {@code hostBytesWritten}, {@code flashBytesWritten},
 * {@code writeAmplification}, {@code gcPagesMoved}, {@code eraseCount}, {@code energyMj},
 * {@code simulatedSeconds}; latency distributions {@code readLatencyUs} and {@code writeLatencyUs}).
 * Flash time is busy-until arithmetic and flash energy is charged to the kernel's ledger in
 * aggregate at the end, which gives the same report as per-operation events (see
 * {@link org.hwsim.lfs.flash.FlashDevice}).
 */
package org.hwsim.lfs.replay;
