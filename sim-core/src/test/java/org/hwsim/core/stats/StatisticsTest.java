package org.hwsim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.hwsim.core.time.Time;
import org.junit.jupiter.api.Test;

/** Statistics against Commons Math's two-pass statistics and against exact sorted percentiles. */
class StatisticsTest {

    @Property(tries = 200)
    void tallyMatchesCommonsMath(@ForAll @Size(min = 2, max = 200) double[] values) {
        Tally t = new Tally("x");
        DescriptiveStatistics ref = new DescriptiveStatistics();
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) > 1e100) {
                continue;
            }
            t.add(v);
            ref.addValue(v);
        }
        if (ref.getN() < 2) {
            return;
        }
        double scale = Math.max(1, Arrays.stream(ref.getValues()).map(Math::abs).max().orElse(1));
        assertEquals(ref.getMean(), t.mean(), 1e-9 * scale);
        assertEquals(ref.getVariance(), t.variance(), 1e-6 * scale * scale + 1e-9 * Math.abs(ref.getVariance()));
        assertEquals(ref.getMin(), t.min(), 0.0);
        assertEquals(ref.getMax(), t.max(), 0.0);
    }

    @Test
    void tallyIsAccurateWithLargeMeanAndSmallSpread() {
        // Waiting times in ps near 1e12 with a spread of a few ps: the naive sum-of-squares formula
        // loses every digit here; Welford keeps them (variance of 1e12 + {0,1,2,3} is 5/3).
        Tally t = new Tally("waitPs");
        for (int i = 0; i < 1000; i++) {
            t.add(1e12 + (i % 4));
        }
        assertEquals(1e12 + 1.5, t.mean(), 1e-3);
        assertEquals(1.2512512512512513, t.variance(), 1e-4); // doubles near 1e12 carry ~1e-4 absolute resolution
    }

    @Test
    void timeWeightedAverageIsTheIntegralOverTime() {
        TimeWeighted q = new TimeWeighted("queue", 0, 0);
        q.update(10, 2);  // 0 for 10 ps
        q.update(30, 1);  // 2 for 20 ps
        q.update(40, 0);  // 1 for 10 ps
        // (0*10 + 2*20 + 1*10 + 0*60) / 100 = 0.5
        assertEquals(0.5, q.mean(100), 1e-15);
        assertEquals(50.0, q.integral(100), 1e-12);
        assertEquals(2.0, q.max(), 0.0);
        q.reset(100);
        q.update(150, 4);
        assertEquals(2.0, q.mean(200), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> q.update(199, 1));
    }

    @Test
    void histogramPercentilesAreWithinOneThousandthOfExact() {
        SplittableRandom rng = new SplittableRandom(7);
        LatencyHistogram h = new LatencyHistogram("latencyUs");
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) (-Math.log(1 - rng.nextDouble()) * 5 * Time.PS_PER_US); // Exp(mean 5 us)
            h.recordPs(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 95, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            // HdrHistogram with 3 significant digits: within 0.1% (plus one bucket at the boundary)
            assertEquals(exact, h.percentilePs(p), exact * 2e-3, "p" + p);
        }
        var summary = h.summary(Time.PS_PER_US);
        assertEquals(100_000L, summary.get("count"));
        assertEquals(values[49_999] / 1e6, summary.get("p50").doubleValue(), values[49_999] / 1e6 * 2e-3);
        assertThrows(IllegalArgumentException.class, () -> h.recordPs(-1));
    }

    @Property(tries = 50)
    void timeWeightedOfConstantIsThatConstant(@ForAll @DoubleRange(min = -1e6, max = 1e6) double v) {
        TimeWeighted t = new TimeWeighted("c", 5, v);
        t.update(17, v);
        assertEquals(v, t.mean(1_000_000), Math.abs(v) * 1e-12);
    }
}
