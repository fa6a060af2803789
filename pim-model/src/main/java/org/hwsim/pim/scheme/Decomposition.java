package org.hwsim.pim.scheme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A decomposition scheme with its stable id (used in configs, on the command line and in reports).
 *
 * <table>
 * <caption>Schemes</caption>
 * <tr><th>id</th><th>inputs</th><th>signed weights</th><th>conversions per column</th></tr>
 * <tr><td>{@code native}</td><td>multi-bit, one analog step</td><td>pair, analog subtraction</td><td>1</td></tr>
 * <tr><td>{@code bit-serial}</td><td>one bit-plane per step</td><td>pair, analog subtraction</td><td>1 per plane</td></tr>
 * <tr><td>{@code differential}</td><td>multi-bit, one analog step</td><td>two columns, digital subtraction</td><td>2</td></tr>
 * <tr><td>{@code differential-bit-serial}</td><td>one bit-plane per step</td><td>two columns, digital subtraction</td><td>2 per plane</td></tr>
 * </table>
 */
public enum Decomposition {
    /** Multi-bit inputs and weights; one analog sum per column per tile, converted once. */
    NATIVE("native", false, false),
    /** Inputs as bit-planes; each plane's column sum converted, recombined by shift-and-add. */
    BIT_SERIAL("bit-serial", true, false),
    /** Multi-bit inputs; positive and negative weight columns converted separately, subtracted digitally. */
    DIFFERENTIAL("differential", false, true),
    /** Bit-serial inputs on differential columns: two conversions per column per plane. */
    DIFFERENTIAL_BIT_SERIAL("differential-bit-serial", true, true);

    private final String id;
    private final boolean bitSerialInputs;
    private final boolean digitalSubtraction;

    Decomposition(String id, boolean bitSerialInputs, boolean digitalSubtraction) {
        this.id = id;
        this.bitSerialInputs = bitSerialInputs;
        this.digitalSubtraction = digitalSubtraction;
    }

    /** The stable id, e.g. {@code "bit-serial"}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** True if inputs are applied one bit-plane per analog step. */
    public boolean bitSerialInputs() {
        return bitSerialInputs;
    }

    /** True if positive and negative weights are converted separately and subtracted digitally. */
    public boolean digitalSubtraction() {
        return digitalSubtraction;
    }

    /**
     * The scheme with this id.
     *
     * @throws IllegalArgumentException naming the id and the known ids if it is unknown
     */
    @JsonCreator
    public static Decomposition fromId(String id) {
        for (Decomposition d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("scheme must be one of "
                + Arrays.stream(values()).map(Decomposition::id).collect(Collectors.joining(", "))
                + ": " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
