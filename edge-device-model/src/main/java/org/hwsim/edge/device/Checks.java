package org.hwsim.edge.device;

import java.util.Map;
import java.util.TreeMap;

/** Field checks shared by the device records; messages name the field and the value. */
final class Checks {
    private Checks() {
    }

    static void id(String field, String id) {
        if (id == null || id.isBlank() || !id.equals(id.strip())) {
            throw new IllegalArgumentException(field + " must be a non-blank id: '" + id + "'");
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive finite number: " + value);
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0: " + value);
        }
    }

    /** A copy keyed by precision id, every key a known precision and every value positive. */
    static Map<String, Double> precisionTable(String field, Map<String, Double> table) {
        if (table == null || table.isEmpty()) {
            throw new IllegalArgumentException(field + " must name at least one precision");
        }
        Map<String, Double> copy = new TreeMap<>();
        for (Map.Entry<String, Double> e : table.entrySet()) {
            Precision.parse(field + " key", e.getKey());
            if (e.getValue() == null) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " must be a number: null");
            }
            positive(field + "." + e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }
}
