package org.hwsim.core.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the fields of one JSON object, with messages that name the object, the field,
 * the value and what was expected. Remembers which fields were read so that unknown (misspelt)
 * fields can be rejected.
 */
final class JsonFields {

    private final ObjectNode node;
    private final String context;
    private final Set<String> read = new TreeSet<>();

    private JsonFields(ObjectNode node, String context) {
        this.node = node;
        this.context = context;
    }

    /** Wraps {@code node}, which must be a JSON object. */
    static JsonFields of(JsonNode node, String context) {
        if (node == null || !node.isObject()) {
            throw new WorkloadFormatException(
                    context + " must be a JSON object: " + (node == null ? "missing" : abbreviate(node)));
        }
        return new JsonFields((ObjectNode) node, context);
    }

    String context() {
        return context;
    }

    boolean has(String field) {
        return node.has(field);
    }

    JsonNode require(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw error(field + " is required");
        }
        return value;
    }

    String requireString(String field) {
        JsonNode value = require(field);
        if (!value.isTextual()) {
            throw error(field + " must be a string: " + abbreviate(value));
        }
        return value.textValue();
    }

    int requireInt(String field) {
        return toInt(field, require(field));
    }

    int optInt(String field, int defaultValue) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null ? defaultValue : toInt(field, value);
    }

    boolean optBoolean(String field, boolean defaultValue) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error(field + " must be true or false: " + abbreviate(value));
        }
        return value.booleanValue();
    }

    double optDouble(String field, double defaultValue) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isNumber()) {
            throw error(field + " must be a number: " + abbreviate(value));
        }
        return value.doubleValue();
    }

    /** An array of strings, or null if the field is absent. */
    List<String> optStringList(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw error(field + " must be an array of names: " + abbreviate(value));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw error(field + " must be an array of names: " + abbreviate(value));
            }
            names.add(element.textValue());
        }
        return names;
    }

    /** An array of integers of any length. */
    List<Integer> requireIntList(String field) {
        JsonNode value = require(field);
        if (!value.isArray()) {
            throw error(field + " must be an array of integers: " + abbreviate(value));
        }
        List<Integer> ints = new ArrayList<>();
        for (JsonNode element : value) {
            ints.add(toInt(field, element));
        }
        return ints;
    }

    /**
     * One integer per spatial dimension: a single integer (the same for every dimension) or an
     * array of {@code rank} integers. Absent means {@code defaultValue} (if not null) in every
     * dimension.
     */
    List<Integer> perDimension(String field, int rank, Integer defaultValue) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            if (defaultValue == null) {
                throw error(field + " is required");
            }
            return Collections.nCopies(rank, defaultValue);
        }
        if (value.isArray()) {
            if (value.size() != rank) {
                throw error(
                        field + " must be an integer or an array of " + rank + " integers: "
                                + abbreviate(value));
            }
            List<Integer> ints = new ArrayList<>();
            for (JsonNode element : value) {
                ints.add(toInt(field, element));
            }
            return ints;
        }
        return Collections.nCopies(rank, toInt(field, value));
    }

    /**
     * Padding: an integer (all sides), an array of {@code rank} integers (symmetric per dimension)
     * or of {@code 2 * rank} integers (all begins, then all ends, as ONNX {@code pads}). Returns
     * {begin, end}.
     */
    List<List<Integer>> padding(String field, int rank) {
        read.add(field);
        JsonNode value = node.get(field);
        if (value == null) {
            List<Integer> zeros = Collections.nCopies(rank, 0);
            return List.of(zeros, zeros);
        }
        if (!value.isArray()) {
            List<Integer> same = Collections.nCopies(rank, toInt(field, value));
            return List.of(same, same);
        }
        List<Integer> ints = new ArrayList<>();
        for (JsonNode element : value) {
            ints.add(toInt(field, element));
        }
        if (ints.size() == rank) {
            return List.of(ints, ints);
        }
        if (ints.size() == 2 * rank) {
            return List.of(ints.subList(0, rank), ints.subList(rank, 2 * rank));
        }
        throw error(
                field
                        + " must be an integer, an array of "
                        + rank
                        + " integers, or of "
                        + 2 * rank
                        + " integers (begins, then ends): "
                        + abbreviate(value));
    }

    /** Throws if the object has a field that was never read. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                throw error("unknown field '" + name + "' (expected one of " + read + ")");
            }
        }
    }

    WorkloadFormatException error(String message) {
        return new WorkloadFormatException(context + ": " + message);
    }

    private int toInt(String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field + " must be an integer (or integers) in the 32-bit range: "
                    + abbreviate(value));
        }
        return value.intValue();
    }

    static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
