package org.hwsim.core.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hwsim.core.event.EventHandler;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.stats.Tally;
import org.hwsim.core.time.Time;
import org.junit.jupiter.api.Test;

/**
 * {@link ServerQueue} against the closed forms of queueing theory. Each check runs independent
 * replications (different master seeds), discards a warm-up, and asserts that the closed-form value
 * lies inside the 99.9% Student-t confidence interval of the replication means. A wrong waiting
 * time of a few percent falls outside it.
 *
 * <p>Sources: M/M/1 and M/M/c (Erlang C) from Kleinrock, Queueing Systems Vol. 1 (1975), sections
 * 3.2 and 3.5; the non-preemptive priority M/G/1 waiting times from Cobham, "Priority assignment
 * in waiting line problems", Operations Research 2(1), 1954.
 */
class QueueingTheoryTest {
    private static final int REPLICATIONS = 12;
    /** Jobs expected per replication in the measured window; the warm-up is a fifth of it. */
    private static final int MEASURED_JOBS = 150_000;
    private static final double CONFIDENCE = 0.999;

    /** Poisson arrivals into a queue, exponential service, one class. */
    private static final class Source implements EventHandler {
        final Simulator sim;
        final ServerQueue queue;
        final ZigguratSampler.Exponential interArrival;
        final ZigguratSampler.Exponential service;
        final double meanInterArrivalPs;
        final double meanServicePs;
        final int priority;
        final Tally waits = new Tally("waitPs");
        final long warmupEndPs;
        final long endPs;

        Source(Simulator sim, ServerQueue queue, String name, double arrivalRatePerUs, double serviceRatePerUs,
               int priority, long warmupEndPs, long endPs) {
            this.sim = sim;
            this.queue = queue;
            UniformRandomProvider a = sim.random().stream(name + "/arrivals");
            UniformRandomProvider s = sim.random().stream(name + "/service");
            this.interArrival = ZigguratSampler.Exponential.of(a);
            this.service = ZigguratSampler.Exponential.of(s);
            this.meanInterArrivalPs = Time.PS_PER_US / arrivalRatePerUs;
            this.meanServicePs = Time.PS_PER_US / serviceRatePerUs;
            this.priority = priority;
            this.warmupEndPs = warmupEndPs;
            this.endPs = endPs;
        }

        @Override
        public void handle(long arg) {
            long servicePs = Math.round(service.sample() * meanServicePs);
            queue.submit(servicePs, priority, 0, job -> {
                if (job.arrivalPs() >= warmupEndPs) {
                    waits.add(job.waitPs());
                }
            });
            long next = sim.nowPs() + Math.round(interArrival.sample() * meanInterArrivalPs);
            if (next < endPs) {
                sim.scheduleAt(next, 0, this, 0);
            }
        }
    }

    private static double[] interval(double[] samples) {
        double mean = 0;
        for (double s : samples) {
            mean += s;
        }
        mean /= samples.length;
        double var = 0;
        for (double s : samples) {
            var += (s - mean) * (s - mean);
        }
        var /= samples.length - 1;
        double t = new TDistribution(samples.length - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        double half = t * Math.sqrt(var / samples.length);
        return new double[] {mean - half, mean + half};
    }

    private static void assertInside(String what, double expected, double[] ci) {
        assertTrue(ci[0] <= expected && expected <= ci[1],
                what + ": closed form " + expected + " outside the " + CONFIDENCE + " CI [" + ci[0] + ", " + ci[1] + "]");
    }

    /** Mean waiting time and utilisation of M/M/c, c servers, rates per microsecond. */
    private static double[][] simulateMmc(int servers, double lambda, double mu) {
        double[] waitUs = new double[REPLICATIONS];
        double[] util = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            Simulator sim = Simulator.create(1000 + r);
            ServerQueue q = ServerQueue.fifo(sim, "station", servers);
            long warmupPs = Math.round(MEASURED_JOBS / 5.0 / lambda * Time.PS_PER_US);
            long endPs = warmupPs + Math.round(MEASURED_JOBS / lambda * Time.PS_PER_US);
            Source src = new Source(sim, q, "customers", lambda, mu, 0, warmupPs, endPs);
            sim.schedule(0, src);
            sim.runUntil(warmupPs);
            q.resetStatistics();
            sim.runUntil(endPs);
            util[r] = q.utilisation();
            sim.run(); // serve the jobs that arrived before endPs
            waitUs[r] = src.waits.mean() / Time.PS_PER_US;
            // Poisson count of measured arrivals: within 6 standard deviations of its mean
            assertEquals(MEASURED_JOBS, src.waits.count(), 6 * Math.sqrt(MEASURED_JOBS));
        }
        return new double[][] {waitUs, util};
    }

    @Test
    void mm1WaitingTimeAndUtilisationMatchClosedForm() {
        double lambda = 0.8; // arrivals per us
        double mu = 1.0;     // services per us
        double rho = lambda / mu;
        double wqUs = rho / (mu - lambda); // Kleinrock (3.25): W = rho / (mu - lambda) = 4 us
        double[][] r = simulateMmc(1, lambda, mu);
        assertInside("M/M/1 mean wait (us)", wqUs, interval(r[0]));
        assertInside("M/M/1 utilisation", rho, interval(r[1]));
    }

    @Test
    void mmcWaitingTimeAndUtilisationMatchErlangC() {
        int c = 3;
        double lambda = 2.4;
        double mu = 1.0;
        double a = lambda / mu;        // offered load in Erlangs
        double rho = a / c;            // per-server utilisation = 0.8
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += Math.pow(a, k) / CombinatoricsUtils.factorial(k);
        }
        double top = Math.pow(a, c) / CombinatoricsUtils.factorial(c) / (1 - rho);
        double erlangC = top / (sum + top);            // probability of waiting, Kleinrock (3.40)
        double wqUs = erlangC / (c * mu - lambda);     // mean wait
        double[][] r = simulateMmc(c, lambda, mu);
        assertInside("M/M/3 mean wait (us)", wqUs, interval(r[0]));
        assertInside("M/M/3 utilisation", rho, interval(r[1]));
    }

    @Test
    void nonPreemptivePriorityMatchesCobham() {
        double mu = 1.0;
        double lambdaHigh = 0.3;
        double lambdaLow = 0.5;
        // W0 = sum_i lambda_i E[S^2] / 2 with E[S^2] = 2 / mu^2 for exponential service.
        double w0 = (lambdaHigh + lambdaLow) / (mu * mu);
        double sigma1 = lambdaHigh / mu;
        double sigma2 = sigma1 + lambdaLow / mu;
        double wHigh = w0 / (1 - sigma1);                 // Cobham: W_1 = W0 / (1 - sigma_1)
        double wLow = w0 / ((1 - sigma1) * (1 - sigma2)); // W_2 = W0 / ((1 - sigma_1)(1 - sigma_2))
        double[] high = new double[REPLICATIONS];
        double[] low = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            Simulator sim = Simulator.create(5000 + r);
            ServerQueue q = new ServerQueue(sim, "station", 1, ServerQueue.Discipline.PRIORITY);
            long warmupPs = 25_000 * Time.PS_PER_US;
            long endPs = 175_000 * Time.PS_PER_US;
            Source hi = new Source(sim, q, "high", lambdaHigh, mu, 0, warmupPs, endPs);
            Source lo = new Source(sim, q, "low", lambdaLow, mu, 1, warmupPs, endPs);
            sim.schedule(0, hi);
            sim.schedule(0, lo);
            sim.run();
            high[r] = hi.waits.mean() / Time.PS_PER_US;
            low[r] = lo.waits.mean() / Time.PS_PER_US;
        }
        assertInside("priority class 1 mean wait (us)", wHigh, interval(high));
        assertInside("priority class 2 mean wait (us)", wLow, interval(low));
    }
}
