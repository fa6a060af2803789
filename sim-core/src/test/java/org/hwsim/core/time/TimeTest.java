package org.hwsim.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Time}: unit conversions against the SI definitions (1 s = 1e12 ps), the documented
 * rounding (nearest picosecond, half away from zero; transfers rounded up), and errors. The
 * properties against exact arithmetic are in {@link TimePropertyTest}.
 */
class TimeTest {

    @Test
    void unitConstantsAreTheSiRatios() {
        assertEquals(1_000L, Time.PS_PER_NS);
        assertEquals(1_000_000L, Time.PS_PER_US);
        assertEquals(1_000_000_000L, Time.PS_PER_MS);
        assertEquals(1_000_000_000_000L, Time.PS_PER_S);
    }

    @Test
    void oneOfEachUnitInPicoseconds() {
        assertEquals(1_000L, Time.nsToPs(1));
        assertEquals(1_000_000L, Time.usToPs(1));
        assertEquals(1_000_000_000L, Time.msToPs(1));
        assertEquals(1_000_000_000_000L, Time.sToPs(1));
        assertEquals(1_500_000_000_000L, Time.sToPs(1.5));
        assertEquals(2_500L, Time.nsToPs(2.5));
        assertEquals(0L, Time.nsToPs(0));
        assertEquals(-4_000L, Time.nsToPs(-4));
    }

    @Test
    void picosecondsToEachUnit() {
        assertEquals(1.5, Time.psToNs(1_500));
        assertEquals(2.5, Time.psToUs(2_500_000));
        assertEquals(0.25, Time.psToMs(250_000_000));
        assertEquals(3.0, Time.psToS(3_000_000_000_000L));
    }

    @ParameterizedTest(name = "{0} ns -> {1} ps")
    @CsvSource({
        "0.0004, 0", // 0.4 ps rounds down
        "0.0006, 1", // 0.6 ps rounds up
        "-0.0006, -1",
        "1.0004, 1000",
        "1.0006, 1001",
    })
    void roundsToTheNearestPicosecond(double ns, long expectedPs) {
        assertEquals(expectedPs, Time.nsToPs(ns));
    }

    /**
     * Ties round half away from zero, as the class Javadoc states (not half to even): 0.5 ps -> 1,
     * 2.5 ps -> 3, -2.5 ps -> -3. The inputs are chosen so that {@code ns * 1000} is exactly a tie
     * in double arithmetic; the first assertion checks that premise.
     */
    @ParameterizedTest(name = "{0} ns -> {2} ps")
    @CsvSource({
        "0.0005, 0.5, 1",
        "0.0025, 2.5, 3",
        "-0.0025, -2.5, -3",
        "-0.0005, -0.5, -1",
    })
    void tiesRoundHalfAwayFromZero(double ns, double exactTiePs, long expectedPs) {
        assertEquals(exactTiePs, ns * Time.PS_PER_NS, "premise: the product is exactly a tie");
        assertEquals(expectedPs, Time.nsToPs(ns));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteTimesAreRejectedNamingTheValueAndUnit(double value) {
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> Time.nsToPs(value)), value + " ns");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> Time.usToPs(value)), value + " us");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> Time.msToPs(value)), value + " ms");
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> Time.sToPs(value)), value + " s");
    }

    /** 2^63 ps is about 106.75 days = 9,223,372 s; one more second must not wrap around. */
    @Test
    void timesBeyondTheLongRangeThrow() {
        assertEquals(9_223_372_000_000_000_000L, Time.sToPs(9_223_372));
        assertThrows(ArithmeticException.class, () -> Time.sToPs(9_223_373));
        assertThrows(ArithmeticException.class, () -> Time.sToPs(-9_223_373));
        assertThrows(ArithmeticException.class, () -> Time.msToPs(1e13));
        assertThrows(ArithmeticException.class, () -> Time.usToPs(Double.MAX_VALUE));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Time.nsToPs(1e17));
        assertMessageContains(e, "1.0E17 ns");
    }

    // ---- transferPs ----

    @Test
    void transferExampleFromTheJavadoc() {
        assertEquals(4_096_000L, Time.transferPs(4096, 1e9)); // 4096 B at 1 GB/s = 4.096 us
    }

    @ParameterizedTest(name = "{0} B at {1} B/s -> {2} ps")
    @CsvSource({
        "0, 1e9, 0",
        "1, 1e15, 1",       // 0.001 ps rounds up: one byte never takes zero time
        "3, 2e12, 2",       // 1.5 ps rounds up
        "1, 3e9, 334",      // 333.33 ps rounds up
        "7, 7e6, 1000000",  // exactly 1 us: must not round up to 1,000,001
        "3, 3e9, 1000",     // exactly 1 ns
        "64, 25.6e9, 2500", // a 64-byte line at 25.6 GB/s (LPDDR4-3200, 64-bit bus): exactly 2.5 ns
        "1000000, 1e6, 1000000000000",
    })
    void transferTimesRoundUpToWholePicoseconds(long sizeBytes, double bandwidthBytesPerS, long expectedPs) {
        assertEquals(expectedPs, Time.transferPs(sizeBytes, bandwidthBytesPerS));
    }

    @Test
    void invalidTransfersAreRejectedNamingTheValue() {
        assertMessageContains(assertThrows(IllegalArgumentException.class, () -> Time.transferPs(-1, 1e9)), "-1");
        for (double bad : new double[] {0, -1e9, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Time.transferPs(1, bad));
            assertMessageContains(e, "bandwidthBytesPerS");
            assertMessageContains(e, String.valueOf(bad));
        }
    }

    @Test
    void transfersBeyondTheLongRangeThrow() {
        assertThrows(ArithmeticException.class, () -> Time.transferPs(Long.MAX_VALUE, 1.0));
        assertThrows(ArithmeticException.class, () -> Time.transferPs(10_000_000, 1.0)); // 1e19 ps > 2^63
    }

    static void assertMessageContains(Throwable e, String expected) {
        assertTrue(e.getMessage() != null && e.getMessage().contains(expected),
                () -> "message should contain '" + expected + "': " + e.getMessage());
    }
}
