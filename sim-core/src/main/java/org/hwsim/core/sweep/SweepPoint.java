package org.hwsim.core.sweep;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: parameter values (in the sweep's parameter order) and a master seed.
 *
 * <p>{@link #id()} is a stable 16-hex-digit hash of the parameters and the seed, so a resumed
 * sweep recognises the points it has already finished whatever their order or the thread count.
 *
 * @param index      position in the sweep's enumeration (0-based), for progress and CSV order
 * @param parameters parameter name to value (numbers, strings or booleans), in sweep order
 * @param seed       master seed of this point's run
 */
public record SweepPoint(int index, Map<String, Object> parameters, long seed) {

    /** Copies the parameters into an unmodifiable, order-keeping map. */
    public SweepPoint {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The stable id: FNV-1a (64-bit) over {@code name=value;...;seed=S}, as 16 hex digits. */
    public String id() {
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
        sb.append("seed=").append(seed);
        long h = 0xcbf29ce484222325L;
        for (byte b : sb.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return String.format("%016x", h);
    }

    /** A parameter's value, throwing with the known names if it is absent. */
    public Object get(String name) {
        Object v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("sweep point has no parameter '" + name + "'; it has "
                    + parameters.keySet());
        }
        return v;
    }

    /** A numeric parameter as a double. */
    public double getDouble(String name) {
        Object v = get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("sweep parameter '" + name + "' is not a number: " + v);
    }

    /** An integral parameter as a long. */
    public long getLong(String name) {
        Object v = get(name);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("sweep parameter '" + name + "' is not an integer: " + v);
    }

    /** A parameter as text. */
    public String getString(String name) {
        return String.valueOf(get(name));
    }
}
