package org.hwsim.core.resource;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.function.Consumer;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.LatencyHistogram;
import org.hwsim.core.stats.Tally;
import org.hwsim.core.stats.TimeWeighted;

/**
 * A queue in front of {@code k} identical servers (a G/G/k station): jobs wait in first-come,
 * first-served order or by priority (lower first, FIFO among equals; non-preemptive) and each is
 * served for the time the caller gives. With exponential inter-arrival and service times it is the
 * M/M/1 or M/M/c queue of queueing theory (Kleinrock, Queueing Systems Vol. 1, 1975), which the
 * tests check against the closed forms.
 *
 * <p>Statistics: utilisation (time-average busy servers / k), time-average and maximum queue
 * length, waiting and sojourn times (tallies and latency histograms). Not thread-safe.
 */
public final class ServerQueue implements EventHandler {

    /** Order in which waiting jobs are served. */
    public enum Discipline {
        /** First come, first served. */
        FIFO,
        /** Lowest priority value first; first come, first served among equal priorities. */
        PRIORITY
    }

    private final Simulator sim;
    private final String path;
    private final int servers;
    private final Queue<Waiting> waiting;
    private final Job[] inService;
    private final Consumer<Job>[] listeners;
    private final int[] freeServers;
    private int freeCount;
    private long nextId;
    private long completed;

    private final TimeWeighted busy;
    private final TimeWeighted queueLength;
    private final Tally waitPs;
    private final Tally sojournPs;
    private final LatencyHistogram waitHistogram;
    private final LatencyHistogram sojournHistogram;

    private record Waiting(Job job, Consumer<Job> listener) {
    }

    /**
     * @param sim        the simulator
     * @param path       component path, e.g. {@code "soc/dsp/queue"}
     * @param servers    number of servers, at least 1
     * @param discipline service order of waiting jobs
     */
    @SuppressWarnings("unchecked")
    public ServerQueue(Simulator sim, String path, int servers, Discipline discipline) {
        if (servers < 1) {
            throw new IllegalArgumentException(path + ": servers must be >= 1: " + servers);
        }
        this.sim = sim;
        this.path = path;
        this.servers = servers;
        Comparator<Waiting> order = Comparator.comparingInt((Waiting w) -> w.job().priority())
                .thenComparingLong(w -> w.job().id());
        this.waiting = discipline == Discipline.FIFO ? new ArrayDeque<>() : new PriorityQueue<>(order);
        this.inService = new Job[servers];
        this.listeners = new Consumer[servers];
        this.freeServers = new int[servers];
        for (int i = 0; i < servers; i++) {
            freeServers[i] = servers - 1 - i; // server 0 is taken first
        }
        this.freeCount = servers;
        long now = sim.nowPs();
        this.busy = new TimeWeighted(path + "/busyServers", now, 0);
        this.queueLength = new TimeWeighted(path + "/queueLength", now, 0);
        this.waitPs = new Tally(path + "/waitPs");
        this.sojournPs = new Tally(path + "/sojournPs");
        this.waitHistogram = new LatencyHistogram(path + "/waitPs");
        this.sojournHistogram = new LatencyHistogram(path + "/sojournPs");
    }

    /** A FIFO queue in front of {@code servers} servers. */
    public static ServerQueue fifo(Simulator sim, String path, int servers) {
        return new ServerQueue(sim, path, servers, Discipline.FIFO);
    }

    /**
     * Submits a job at the current time with priority 0.
     *
     * @param serviceTimePs how long a server takes, {@code >= 0}
     * @param onComplete    called when service ends (may be {@code null})
     * @return the job's id
     */
    public long submit(long serviceTimePs, Consumer<Job> onComplete) {
        return submit(serviceTimePs, 0, 0L, onComplete);
    }

    /**
     * Submits a job at the current time.
     *
     * @param serviceTimePs how long a server takes, {@code >= 0}
     * @param priority      lower first under {@link Discipline#PRIORITY}; ignored under FIFO
     * @param tag           the caller's value, returned in the {@link Job}
     * @param onComplete    called when service ends (may be {@code null})
     * @return the job's id
     */
    public long submit(long serviceTimePs, int priority, long tag, Consumer<Job> onComplete) {
        if (serviceTimePs < 0) {
            throw new IllegalArgumentException(path + ": service time must be >= 0: " + serviceTimePs + " ps");
        }
        long now = sim.nowPs();
        Job job = new Job(nextId++, tag, priority, now, -1, serviceTimePs, -1);
        if (freeCount > 0) {
            start(job, onComplete, now);
        } else {
            waiting.add(new Waiting(job, onComplete));
            queueLength.update(now, waiting.size());
        }
        return job.id();
    }

    private void start(Job queued, Consumer<Job> onComplete, long now) {
        int server = freeServers[--freeCount];
        Job job = new Job(queued.id(), queued.tag(), queued.priority(), queued.arrivalPs(), now,
                queued.serviceTimePs(), server);
        inService[server] = job;
        listeners[server] = onComplete;
        busy.update(now, servers - freeCount);
        long w = job.waitPs();
        waitPs.add(w);
        waitHistogram.recordPs(w);
        sim.schedule(job.serviceTimePs(), this, server);
    }

    /** Service completion of the job on server {@code arg}. */
    @Override
    public void handle(long arg) {
        int server = (int) arg;
        Job job = inService[server];
        Consumer<Job> listener = listeners[server];
        inService[server] = null;
        listeners[server] = null;
        freeServers[freeCount++] = server;
        long now = sim.nowPs();
        completed++;
        sojournPs.add(job.sojournPs());
        sojournHistogram.recordPs(job.sojournPs());
        if (!waiting.isEmpty()) {
            Waiting next = waiting.poll();
            queueLength.update(now, waiting.size());
            start(next.job(), next.listener(), now);
        } else {
            busy.update(now, servers - freeCount);
        }
        if (listener != null) {
            listener.accept(job);
        }
    }

    @Override
    public String componentPath() {
        return path;
    }

    /** Number of servers. */
    public int servers() {
        return servers;
    }

    /** Jobs waiting (not in service). */
    public int queueLength() {
        return waiting.size();
    }

    /** Jobs in service. */
    public int busyServers() {
        return servers - freeCount;
    }

    /** Jobs completed so far. */
    public long completed() {
        return completed;
    }

    /** Time-average fraction of busy servers since the start (or the last reset), in [0, 1]. */
    public double utilisation() {
        return busy.mean(sim.nowPs()) / servers;
    }

    /** Time-average number of waiting jobs since the start (or the last reset). */
    public double meanQueueLength() {
        return queueLength.mean(sim.nowPs());
    }

    /** Largest number of waiting jobs seen. */
    public double maxQueueLength() {
        return queueLength.max();
    }

    /** Waiting times of jobs that started service, in ps. */
    public Tally waitTally() {
        return waitPs;
    }

    /** Waiting plus service times of completed jobs, in ps. */
    public Tally sojournTally() {
        return sojournPs;
    }

    /** Distribution of waiting times. */
    public LatencyHistogram waitHistogram() {
        return waitHistogram;
    }

    /** Distribution of sojourn times. */
    public LatencyHistogram sojournHistogram() {
        return sojournHistogram;
    }

    /** Drops the statistics gathered so far (a warm-up), keeping the jobs in the system. */
    public void resetStatistics() {
        long now = sim.nowPs();
        busy.reset(now);
        queueLength.reset(now);
        waitPs.reset();
        sojournPs.reset();
        waitHistogram.reset();
        sojournHistogram.reset();
    }
}
