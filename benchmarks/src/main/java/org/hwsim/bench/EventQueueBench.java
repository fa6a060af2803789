package org.hwsim.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.EventQueue;
import org.hwsim.core.event.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The classic hold model (Jones, "An empirical comparison of priority-queue and event-set
 * implementations", CACM 29(4), 1986): {@code pending} events wait; each fired event schedules
 * itself again at now + Exp(mean 1 us). One invocation fires {@value #EVENTS_PER_INVOCATION}
 * events, so the score is events per second.
 *
 * <p>Every variant draws its delays from the same Commons RNG ziggurat sampler over the same
 * generator and seed, and builds only its own event set (one {@code @State} each), so they differ
 * only in the event list and the dispatch:
 * <ul>
 *   <li>{@code hwsimKernel}: the hwsim {@link Simulator} with its default event list, each event
 *       dispatched to an {@link EventHandler} that reschedules itself;</li>
 *   <li>{@code hwsimKernelHeap}: the same over the kernel's 4-ary heap event list;</li>
 *   <li>{@code javaPriorityQueue}: the same loop on a {@code java.util.PriorityQueue} of
 *       (time, sequence) objects, reusing each polled object (no allocation);</li>
 *   <li>{@code ssjSplayTree}, {@code ssjHenriksen}: SSJ 3.3.2's event lists with an SSJ
 *       {@code Event} that reschedules itself (L'Ecuyer and Buist, "Simulation in Java with SSJ",
 *       WSC 2005).</li>
 * </ul>
 * Run with {@code -prof gc} to see the allocation per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EventQueueBench {
    static final int EVENTS_PER_INVOCATION = 100_000;
    static final double MEAN_DELAY_PS = 1_000_000.0;

    /** The delay sampler every variant uses: Exp(mean 1 us). */
    @State(Scope.Thread)
    public static class Delays {
        ZigguratSampler.Exponential exponential;

        @Setup(Level.Trial)
        public void setUp() {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
            exponential = ZigguratSampler.Exponential.of(rng);
        }

        long nextDelayPs() {
            return (long) (exponential.sample() * MEAN_DELAY_PS);
        }
    }

    /** A simulator holding {@code pending} self-rescheduling events. */
    @State(Scope.Thread)
    public abstract static class KernelState {
        @Param({"1000", "1000000"})
        int pending;

        Simulator sim;

        abstract EventQueue queue();

        @Setup(Level.Trial)
        public void setUp(Delays delays) {
            EventQueue q = queue();
            sim = q == null ? Simulator.create(42) : Simulator.create(42, q);
            EventHandler hold = new EventHandler() {
                @Override
                public void handle(long arg) {
                    sim.schedule(delays.nextDelayPs(), this, arg);
                }
            };
            for (int i = 0; i < pending; i++) {
                sim.schedule(delays.nextDelayPs(), hold, i);
            }
        }
    }

    /** The kernel with its default event list. */
    @State(Scope.Thread)
    public static class DefaultKernel extends KernelState {
        @Override
        EventQueue queue() {
            return null;
        }
    }

    /** The kernel with the 4-ary heap event list. */
    @State(Scope.Thread)
    public static class HeapKernel extends KernelState {
        @Override
        EventQueue queue() {
            return EventQueue.quaternaryHeap();
        }
    }

    /** {@code java.util.PriorityQueue} holding {@code pending} events. */
    @State(Scope.Thread)
    public static class JdkQueue {
        @Param({"1000", "1000000"})
        int pending;

        PriorityQueue<PqEvent> queue;
        long nowPs;
        long sequence;

        @Setup(Level.Trial)
        public void setUp(Delays delays) {
            queue = new PriorityQueue<>(pending);
            for (int i = 0; i < pending; i++) {
                queue.add(new PqEvent(delays.nextDelayPs(), sequence++));
            }
        }
    }

    /** An SSJ simulator over a given event list holding {@code pending} events. */
    @State(Scope.Thread)
    public abstract static class SsjState {
        @Param({"1000", "1000000"})
        int pending;

        SsjStepper sim;

        abstract EventList list();

        @Setup(Level.Trial)
        public void setUp(Delays delays) {
            sim = new SsjStepper(list());
            for (int i = 0; i < pending; i++) {
                new SsjHold(sim, delays).schedule(delays.exponential.sample());
            }
        }
    }

    /** SSJ with its splay-tree event list. */
    @State(Scope.Thread)
    public static class SsjSplay extends SsjState {
        @Override
        EventList list() {
            return new SplayTree();
        }
    }

    /** SSJ with Henriksen's event list. */
    @State(Scope.Thread)
    public static class SsjHenriksen extends SsjState {
        @Override
        EventList list() {
            return new Henriksen();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long hwsimKernel(DefaultKernel k) {
        return fire(k.sim);
    }

    /** The same kernel over its 4-ary heap event list instead of the default. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long hwsimKernelHeap(HeapKernel k) {
        return fire(k.sim);
    }

    private static long fire(Simulator s) {
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            s.step();
        }
        return s.nowPs();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long javaPriorityQueue(JdkQueue q, Delays delays) {
        PriorityQueue<PqEvent> queue = q.queue;
        long now = q.nowPs;
        long seq = q.sequence;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            PqEvent e = queue.poll();
            now = e.timePs;
            e.timePs = now + delays.nextDelayPs();
            e.sequence = seq++;
            queue.add(e);
        }
        q.nowPs = now;
        q.sequence = seq;
        return now;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double ssjSplayTree(SsjSplay s) {
        return s.sim.fire(EVENTS_PER_INVOCATION);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double ssjHenriksen(SsjHenriksen s) {
        return s.sim.fire(EVENTS_PER_INVOCATION);
    }

    /** A mutable (time, sequence) event for {@link PriorityQueue}, FIFO among equal times. */
    static final class PqEvent implements Comparable<PqEvent> {
        long timePs;
        long sequence;

        PqEvent(long timePs, long sequence) {
            this.timePs = timePs;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(PqEvent o) {
            int c = Long.compare(timePs, o.timePs);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /** SSJ's simulator with its protected {@code removeFirstEvent} exposed for a bounded loop. */
    static final class SsjStepper extends umontreal.ssj.simevents.Simulator {
        SsjStepper(EventList list) {
            super(list);
            stopped = false; // removeFirstEvent returns null while stopped; start() would clear it
        }

        double fire(int events) {
            for (int i = 0; i < events; i++) {
                removeFirstEvent().actions();
            }
            return time();
        }
    }

    /** An SSJ event that reschedules itself at now + Exp(mean 1 us). */
    static final class SsjHold extends Event {
        private final Delays delays;

        SsjHold(umontreal.ssj.simevents.Simulator s, Delays delays) {
            super(s);
            this.delays = delays;
        }

        @Override
        public void actions() {
            schedule(delays.exponential.sample());
        }
    }
}
