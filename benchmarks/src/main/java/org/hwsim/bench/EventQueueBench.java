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
 * <p>All four variants draw their delays from the same Commons RNG ziggurat sampler, so they
 * differ only in the event list and dispatch: {@code hwsimKernel} is the hwsim kernel with events
 * dispatched to an {@link EventHandler}; {@code javaPriorityQueue} is the same loop on a
 * {@code java.util.PriorityQueue} of (time, sequence) objects, reusing each polled object; the two
 * SSJ variants run SSJ 3.3.2's {@code SplayTree} and {@code Henriksen} event lists with an SSJ
 * {@code Event} that reschedules itself (L'Ecuyer and Buist, "Simulation in Java with SSJ", WSC
 * 2005).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class EventQueueBench {
    static final int EVENTS_PER_INVOCATION = 100_000;
    static final double MEAN_DELAY_PS = 1_000_000.0;

    @Param({"1000", "1000000"})
    int pending;

    private Simulator sim;
    private Simulator heapSim;
    private PriorityQueue<PqEvent> pq;
    private long pqNowPs;
    private long pqSequence;
    private SsjStepper ssjSplay;
    private SsjStepper ssjHenriksen;
    private ZigguratSampler.Exponential delays;

    /** The hwsim handler: reschedules itself with the same argument. */
    private final class Hold implements EventHandler {
        private final Simulator owner;

        Hold(Simulator owner) {
            this.owner = owner;
        }

        @Override
        public void handle(long arg) {
            owner.schedule(nextDelayPs(), this, arg);
        }
    }

    private Hold hold;

    @Setup(Level.Trial)
    public void setUp() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        delays = ZigguratSampler.Exponential.of(rng);

        sim = Simulator.create(42, EventQueue.calendar());
        hold = new Hold(sim);
        for (int i = 0; i < pending; i++) {
            sim.schedule(nextDelayPs(), hold, i);
        }
        heapSim = Simulator.create(42, EventQueue.quaternaryHeap());
        Hold heapHold = new Hold(heapSim);
        for (int i = 0; i < pending; i++) {
            heapSim.schedule(nextDelayPs(), heapHold, i);
        }

        pq = new PriorityQueue<>(pending);
        for (int i = 0; i < pending; i++) {
            pq.add(new PqEvent(nextDelayPs(), pqSequence++));
        }

        ssjSplay = new SsjStepper(new SplayTree());
        ssjHenriksen = new SsjStepper(new Henriksen());
        for (SsjStepper s : new SsjStepper[] {ssjSplay, ssjHenriksen}) {
            for (int i = 0; i < pending; i++) {
                new SsjHold(s).schedule(nextDelayUs());
            }
        }
    }

    long nextDelayPs() {
        return (long) (delays.sample() * MEAN_DELAY_PS);
    }

    double nextDelayUs() {
        return delays.sample();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long hwsimKernel() {
        Simulator s = sim;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            s.step();
        }
        return s.nowPs();
    }

    /** The same kernel over its 4-ary heap event list instead of the default calendar queue. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long hwsimKernelHeap() {
        Simulator s = heapSim;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            s.step();
        }
        return s.nowPs();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long javaPriorityQueue() {
        PriorityQueue<PqEvent> q = pq;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            PqEvent e = q.poll();
            pqNowPs = e.timePs;
            e.timePs = pqNowPs + nextDelayPs();
            e.sequence = pqSequence++;
            q.add(e);
        }
        return pqNowPs;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double ssjSplayTree() {
        return ssjSplay.fire(EVENTS_PER_INVOCATION);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double ssjHenriksen() {
        return ssjHenriksen.fire(EVENTS_PER_INVOCATION);
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
    final class SsjHold extends Event {
        SsjHold(umontreal.ssj.simevents.Simulator s) {
            super(s);
        }

        @Override
        public void actions() {
            schedule(nextDelayUs());
        }
    }
}
