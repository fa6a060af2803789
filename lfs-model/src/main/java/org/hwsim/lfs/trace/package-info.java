/**
 * Streaming readers of I/O traces into {@link org.hwsim.core.workload.IoRequest}s, one line at a
 * time, with errors that name the file, the line number, the field and the value:
 * <ul>
 *   <li>{@code disksim}: the ASCII trace of DiskSim and MQSim, {@code time_ns device lba sectors op}
 *       with op 0 = write, 1 = read (MQSim's {@code ASCII} trace format, Tavakkol et al., FAST
 *       2018; DiskSim 4.0 manual, section 4.4, with MQSim's nanosecond time);</li>
 *   <li>{@code msr}: the MSR Cambridge block traces (Narayanan, Donnelly and Rowstron, "Write
 *       off-loading", FAST 2008; SNIA IOTTA), CSV {@code Timestamp,Hostname,DiskNumber,Type,Offset,
 *       Size,ResponseTime} with Windows filetime timestamps (100 ns units);</li>
 *   <li>{@code blkparse}: the default text output of {@code blkparse} (blktrace), {@code maj,min cpu
 *       seq time pid action rwbs sector + count [process]}, of which queue ({@code Q}) events are
 *       replayed;</li>
 *   <li>{@code csv}: hwsim's own file-level CSV {@code timestampNs,op,file,offset,length[,contentSeed]}.</li>
 * </ul>
 */
package org.hwsim.lfs.trace;
