/**
 * The discrete-event kernel: {@link org.hwsim.core.event.Simulator} and its pending-event list.
 *
 * <p>Events are totally ordered by (time, priority, insertion sequence), as in CloudSim Plus's
 * {@code CloudSimEvent.compareTo} (time, tag, serial). The default list is a 4-ary heap over
 * primitive arrays; see {@code org.hwsim.bench.EventQueueBench} for its measured throughput under
 * the hold model against {@code java.util.PriorityQueue} and SSJ's event lists.
 */
package org.hwsim.core.event;
