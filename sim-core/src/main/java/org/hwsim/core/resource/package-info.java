/**
 * Resources that model contention on the kernel: k-server queues (FIFO or priority), bandwidth
 * limited links and memories (latency-bandwidth model), each reporting utilisation, queue lengths
 * and waiting times.
 */
package org.hwsim.core.resource;
