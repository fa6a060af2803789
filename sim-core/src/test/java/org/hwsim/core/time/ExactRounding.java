package org.hwsim.core.time;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact references for the time conversions, computed in {@link BigDecimal} from the exact values
 * of the {@code double} inputs, and the tolerance the {@code double} implementations are held to.
 *
 * <p>The conversions compute {@code ceil(x)} or {@code floor(x)} of a quotient {@code x} in
 * {@code double} arithmetic, whose result carries a relative error of a few units in the last
 * place. The documented contract is therefore: the exact integer answer, except that when the
 * exact quotient lies within {@link #RELATIVE_TOLERANCE} (2^-49, about 1.8e-15) of an integer, the
 * answer on the other side of that integer is also accepted. When the exact quotient is itself an
 * integer (3 cycles at 1.5 GHz, 7 bytes at 7 MB/s), the answer must be exactly that integer.
 */
final class ExactRounding {
    /** Relative tolerance of the double conversions: 2^-49. */
    static final BigDecimal RELATIVE_TOLERANCE = new BigDecimal(0x1p-49);

    private ExactRounding() {
    }

    /** Exact {@code numerator / denominator} as a (quotient, remainder) pair; both inputs >= 0. */
    static BigDecimal[] divide(BigDecimal numerator, BigDecimal denominator) {
        BigDecimal q = numerator.divideToIntegralValue(denominator);
        return new BigDecimal[] {q, numerator.subtract(q.multiply(denominator))};
    }

    /**
     * Whether {@code actual} is an acceptable {@code ceil(numerator / denominator)}: the exact
     * ceiling, or the floor when the quotient lies within the tolerance above an integer.
     */
    static boolean acceptableCeil(long actual, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal[] qr = divide(numerator, denominator);
        long floor = qr[0].longValueExact();
        if (qr[1].signum() == 0) {
            return actual == floor;
        }
        // quotient = floor + r/d; it is "just above" floor when r/d <= tol * (numerator/d), i.e. r <= tol * numerator
        boolean justAbove = qr[1].compareTo(RELATIVE_TOLERANCE.multiply(numerator)) <= 0;
        return actual == floor + 1 || (justAbove && actual == floor);
    }

    /**
     * Whether {@code actual} is an acceptable {@code floor(numerator / denominator)}: the exact
     * floor, or the ceiling when the quotient lies within the tolerance below an integer.
     */
    static boolean acceptableFloor(long actual, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal[] qr = divide(numerator, denominator);
        long floor = qr[0].longValueExact();
        if (qr[1].signum() == 0) {
            return actual == floor;
        }
        boolean justBelow = denominator.subtract(qr[1]).compareTo(RELATIVE_TOLERANCE.multiply(numerator)) <= 0;
        return actual == floor || (justBelow && actual == floor + 1);
    }

    /** The quotient to six decimals, for failure messages. */
    static BigDecimal exactQuotient(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 6, RoundingMode.HALF_EVEN);
    }
}
