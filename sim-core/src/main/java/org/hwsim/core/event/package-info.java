/**
 * The discrete-event kernel: {@link org.hwsim.core.event.Simulator} and its pending-event list.
 *
 * <p>Events are totally ordered by (time, priority, insertion sequence), as in CloudSim Plus's
 * {@code CloudSimEvent.compareTo} (time, tag, serial). Two pending-event lists pass the same
 * contract test: the default calendar queue (O(1) expected) and a 4-ary heap (O(log n), blind to
 * the time distribution); see {@code org.hwsim.bench.EventQueueBench} for their throughput under
 * the hold model against {@code java.util.PriorityQueue} and SSJ's event lists.
 */
package org.hwsim.core.event;
