package org.hwsim.core.time;

import static org.hwsim.core.time.TimeTest.assertMessageContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Clock}: cycles to picoseconds rounded up ({@code ceil(n * 1e12 / f)}), picoseconds to
 * whole cycles rounded down, frequency changes (DVFS) and errors. The properties against exact
 * BigDecimal arithmetic on the exact value of the double frequency are in {@link ClockPropertyTest}.
 */
class ClockTest {

    @Test
    void examplesFromTheJavadocAt1point5GHz() {
        Clock clock = new Clock("soc/cpu", 1.5e9);
        assertEquals(2000L, clock.cyclesToPs(3)); // 3 x 666.67 ps = 2 ns exactly
        assertEquals(667L, clock.cyclesToPs(1)); // 666.67 ps rounds up
        assertEquals(1334L, clock.cyclesToPs(2)); // 1333.33 ps rounds up
        assertEquals(0L, clock.cyclesToPs(0));
        assertEquals(2_000_000_000L, clock.cyclesToPs(3_000_000)); // 2 ms exactly
    }

    @ParameterizedTest(name = "{0} ps at 1.5 GHz holds {1} whole cycles")
    @CsvSource({"0, 0", "666, 0", "667, 1", "1333, 1", "1334, 2", "1999, 2", "2000, 3", "2001, 3",
        "1999999999, 2999999", "2000000000, 3000000"})
    void cyclesInRoundsDownToWholeCycles(long ps, long expectedCycles) {
        assertEquals(expectedCycles, new Clock("soc/cpu", 1.5e9).cyclesIn(ps));
    }

    /**
     * 1 ms at 1 GHz is exactly 1e9 cycles of 1000 ps; neither direction may be off by one. Whole
     * results are exact up to 2^49 ps (563 s); above that the double arithmetic is only held to the
     * relative tolerance of {@link ExactRounding}, shown here for an hour of cycles.
     */
    @Test
    void oneMillisecondAt1GHzIsExact() {
        Clock clock = new Clock("soc/cpu", 1e9);
        assertEquals(1_000_000_000_000L, clock.cyclesToPs(1_000_000_000L));
        assertEquals(1_000_000_000L, clock.cyclesIn(1_000_000_000_000L));
        assertEquals(999_999_999L, clock.cyclesIn(999_999_999_999L)); // one ps short of the last cycle
        assertEquals(500_000_000_000_000L, clock.cyclesToPs(500_000_000_000L)); // 500 s of cycles
        assertEquals(500_000_000_000L, clock.cyclesIn(500_000_000_000_000L));
        assertEquals(3.6e15, clock.cyclesToPs(3_600_000_000_000L), 3.6e15 * 0x1p-49); // an hour of cycles
    }

    @Test
    void periodAndFrequencyAreReported() {
        Clock clock = new Clock("jetson/gpu", 1.3e9);
        assertEquals("jetson/gpu", clock.name());
        assertEquals(1.3e9, clock.frequencyHz());
        assertEquals(1e12 / 1.3e9, clock.periodPs());
    }

    /** A clock changing frequency (DVFS) converts at the new frequency from then on. */
    @Test
    void frequencyChangeAppliesToLaterConversions() {
        Clock clock = new Clock("soc/cpu", 1e9);
        assertEquals(1_000_000L, clock.cyclesToPs(1000));
        clock.setFrequencyHz(2e9);
        assertEquals(2e9, clock.frequencyHz());
        assertEquals(500.0, clock.periodPs());
        assertEquals(500_000L, clock.cyclesToPs(1000));
        assertEquals(2000L, clock.cyclesIn(1_000_000L));
        clock.setFrequencyHz(1.5e9);
        assertEquals(2000L, clock.cyclesToPs(3));

        // an operation of 3000 cycles split at a change after 1 us: 1000 cycles at 1 GHz, 2000 at 2 GHz
        Clock split = new Clock("soc/npu", 1e9);
        long firstPartPs = Time.usToPs(1);
        long doneCycles = split.cyclesIn(firstPartPs);
        split.setFrequencyHz(2e9);
        assertEquals(1000L, doneCycles);
        assertEquals(2_000_000L, firstPartPs + split.cyclesToPs(3000 - doneCycles));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void invalidFrequenciesAreRejectedNamingTheClockAndValue(double frequencyHz) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Clock("soc/cpu", frequencyHz));
        assertMessageContains(e, "soc/cpu");
        assertMessageContains(e, String.valueOf(frequencyHz));

        Clock clock = new Clock("soc/cpu", 1e9);
        assertThrows(IllegalArgumentException.class, () -> clock.setFrequencyHz(frequencyHz));
        assertEquals(1e9, clock.frequencyHz(), "a rejected change leaves the frequency as it was");
        assertEquals(1000L, clock.cyclesToPs(1));
    }

    @Test
    void negativeCountsAreRejectedNamingTheClockAndValue() {
        Clock clock = new Clock("soc/cpu", 1e9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.cyclesToPs(-5));
        assertMessageContains(e, "soc/cpu");
        assertMessageContains(e, "-5");
        e = assertThrows(IllegalArgumentException.class, () -> clock.cyclesIn(-7));
        assertMessageContains(e, "soc/cpu");
        assertMessageContains(e, "-7");
    }

    /**
     * 2^63 ps is 9.22e15 cycles of 1 ns; more than that must throw, not wrap or saturate. Beyond
     * 2^53 ps doubles no longer resolve single picoseconds, so there the result is only held to the
     * relative tolerance of {@link ExactRounding} (2^-49).
     */
    @Test
    void cycleCountsBeyondTheTimeRangeThrow() {
        Clock clock = new Clock("soc/cpu", 1e9);
        assertEquals(9e18, clock.cyclesToPs(9_000_000_000_000_000L), 9e18 * 0x1p-49);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> clock.cyclesToPs(10_000_000_000_000_000L));
        assertMessageContains(e, "soc/cpu");
        assertThrows(ArithmeticException.class, () -> new Clock("slow", 1.0).cyclesToPs(Long.MAX_VALUE));
    }

    @Test
    void cyclesInTheWholeTimeRangeDoNotOverflow() {
        double exact = Long.MAX_VALUE / 1000;
        assertEquals(exact, new Clock("soc/cpu", 1e9).cyclesIn(Long.MAX_VALUE), exact * 0x1p-49);
        assertEquals(Long.MAX_VALUE, new Clock("fast", 1e12).cyclesIn(Long.MAX_VALUE), 0x1p63 * 0x1p-49);
    }

}
