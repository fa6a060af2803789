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
 * Properties of {@link Clock} against exact BigDecimal arithmetic on the exact value of the double
 * frequency, with the tolerance of {@link ExactRounding}.
 */
class ClockPropertyTest {

    /**
     * {@code cyclesToPs(n)} against the exact {@code ceil(n * 1e12 / f)} (BigDecimal, exact value of
     * the double f), within the tolerance of {@link ExactRounding}, for f in [1 MHz, 10 GHz] and up
     * to 2^28 cycles.
     */
    @Property
    void cyclesToPsIsTheExactCeilingWithinTolerance(
            @ForAll @DoubleRange(min = 1e6, max = 1e10) double frequencyHz,
            @ForAll @LongRange(min = 0, max = 1L << 28) long cycles) {
        long actual = new Clock("c", frequencyHz).cyclesToPs(cycles);
        BigDecimal numerator = BigDecimal.valueOf(cycles).multiply(BigDecimal.valueOf(Time.PS_PER_S));
        BigDecimal f = new BigDecimal(frequencyHz);
        assertTrue(ExactRounding.acceptableCeil(actual, numerator, f),
                () -> cycles + " cycles at " + frequencyHz + " Hz: got " + actual + " ps, exact "
                        + ExactRounding.exactQuotient(numerator, f));
    }

    /**
     * {@code cyclesIn(ps)} against the exact {@code floor(ps * f / 1e12)}, within the tolerance of
     * {@link ExactRounding}, for f in [1 MHz, 10 GHz] and up to 2^48 ps.
     */
    @Property
    void cyclesInIsTheExactFloorWithinTolerance(
            @ForAll @DoubleRange(min = 1e6, max = 1e10) double frequencyHz,
            @ForAll @LongRange(min = 0, max = 1L << 48) long ps) {
        long actual = new Clock("c", frequencyHz).cyclesIn(ps);
        BigDecimal numerator = BigDecimal.valueOf(ps).multiply(new BigDecimal(frequencyHz));
        BigDecimal psPerS = BigDecimal.valueOf(Time.PS_PER_S);
        assertTrue(ExactRounding.acceptableFloor(actual, numerator, psPerS),
                () -> ps + " ps at " + frequencyHz + " Hz: got " + actual + " cycles, exact "
                        + ExactRounding.exactQuotient(numerator, psPerS));
    }

    /**
     * Where the exact answer is a whole number (whole-MHz clocks, cycle counts that are multiples of
     * {@code f / gcd(f, 1e12)}), both directions are exact: {@code cyclesToPs(n) == t} and
     * {@code cyclesIn(t) == n}, {@code cyclesIn(t - 1) == n - 1}.
     */
    @Property
    void wholeNumberConversionsAreExactBothWays(
            @ForAll @LongRange(min = 1, max = 10_000) long frequencyMHz,
            @ForAll @LongRange(min = 1, max = 1L << 28) long multiple) {
        long frequencyHz = frequencyMHz * 1_000_000L;
        long gcd = BigInteger.valueOf(frequencyHz).gcd(BigInteger.valueOf(Time.PS_PER_S)).longValueExact();
        long cycles = multiple * (frequencyHz / gcd);
        long ps = multiple * (Time.PS_PER_S / gcd);
        Clock clock = new Clock("c", frequencyHz);
        assertEquals(ps, clock.cyclesToPs(cycles), () -> cycles + " cycles at " + frequencyHz + " Hz");
        assertEquals(cycles, clock.cyclesIn(ps), () -> ps + " ps at " + frequencyHz + " Hz");
        assertEquals(cycles - 1, clock.cyclesIn(ps - 1), () -> (ps - 1) + " ps at " + frequencyHz + " Hz");
    }
}
