package org.hwsim.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of {@link Time}: round trips through every unit, and transfer times against the exact
 * ceiling computed in BigDecimal, with the tolerance of {@link ExactRounding}.
 */
class TimePropertyTest {

    /** Round trip: a picosecond count survives conversion to each unit and back, exactly, up to 2^50 ps (13 days). */
    @Property
    void picosecondsRoundTripThroughEveryUnit(@ForAll @LongRange(min = -(1L << 50), max = 1L << 50) long ps) {
        assertEquals(ps, Time.nsToPs(Time.psToNs(ps)));
        assertEquals(ps, Time.usToPs(Time.psToUs(ps)));
        assertEquals(ps, Time.msToPs(Time.psToMs(ps)));
        assertEquals(ps, Time.sToPs(Time.psToS(ps)));
    }

    /**
     * Against the exact ceiling of {@code sizeBytes * 1e12 / bandwidth} computed in BigDecimal from
     * the exact double bandwidth, within the tolerance described in {@link ExactRounding}, for
     * transfers of up to 2^48 ps (281 s).
     */
    @Property
    void transferIsTheExactCeilingWithinTolerance(
            @ForAll @LongRange(min = 0, max = 1L << 48) long approximatePs,
            @ForAll @DoubleRange(min = 1e3, max = 1e12) double bandwidthBytesPerS) {
        long sizeBytes = (long) (approximatePs * (bandwidthBytesPerS / Time.PS_PER_S));
        BigDecimal numerator = BigDecimal.valueOf(sizeBytes).multiply(BigDecimal.valueOf(Time.PS_PER_S));
        BigDecimal bandwidth = new BigDecimal(bandwidthBytesPerS);
        long actual = Time.transferPs(sizeBytes, bandwidthBytesPerS);
        assertTrue(ExactRounding.acceptableCeil(actual, numerator, bandwidth),
                () -> sizeBytes + " B at " + bandwidthBytesPerS + " B/s: got " + actual + " ps, exact "
                        + ExactRounding.exactQuotient(numerator, bandwidth));
    }

    /**
     * Transfers whose exact time is a whole number of picoseconds must take exactly that time:
     * bandwidths in whole MB/s, sizes that are multiples of {@code bandwidth / gcd(bandwidth, 1e12)}
     * bytes, up to 2^48 ps.
     */
    @Property
    void transferOfAWholeNumberOfPicosecondsIsExact(
            @ForAll @LongRange(min = 1, max = 100_000) long bandwidthMegabytesPerS,
            @ForAll @LongRange(min = 1, max = 1L << 28) long multiple) {
        long bandwidthBytesPerS = bandwidthMegabytesPerS * 1_000_000L;
        long gcd = BigInteger.valueOf(bandwidthBytesPerS).gcd(BigInteger.valueOf(Time.PS_PER_S)).longValueExact();
        long sizeBytes = multiple * (bandwidthBytesPerS / gcd);
        long expectedPs = multiple * (Time.PS_PER_S / gcd);
        assertEquals(expectedPs, Time.transferPs(sizeBytes, bandwidthBytesPerS),
                () -> sizeBytes + " B at " + bandwidthBytesPerS + " B/s");
    }
}
