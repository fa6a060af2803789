package org.hwsim.pim.array;

/** Argument checks shared by crossbars: shapes and finite values, failing with the index and value. */
final class Checks {
    private Checks() {
    }

    static void vector(String name, float[] v, int length) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (v.length != length) {
            throw new IllegalArgumentException(name + ".length must be " + length + ": " + v.length);
        }
    }

    static void finite(String name, float[] v) {
        finite(name, -1, v);
    }

    /**
     * Checks that {@code v} is finite; {@code name[index]} names it (plain {@code name} if {@code
     * index < 0}). The name is only built on failure: batches check every vector.
     */
    static void finite(String name, int index, float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(indexed(name, index) + "[" + i + "] must be finite: " + v[i]);
            }
        }
    }

    private static String indexed(String name, int index) {
        return index < 0 ? name : name + "[" + index + "]";
    }

    private static void vector(String name, int index, float[] v, int length) {
        if (v == null || v.length != length) {
            vector(indexed(name, index), v, length);
        }
    }

    static void matrix(String name, float[][] m, int rows, int cols) {
        if (m == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (m.length != rows) {
            throw new IllegalArgumentException(name + " must have rows = " + rows + " rows: " + m.length);
        }
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new IllegalArgumentException(name + "[" + i + "].length must be cols = " + cols + ": "
                        + (m[i] == null ? "null" : m[i].length));
            }
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite: " + m[i][j]);
                }
            }
        }
    }

    static void batch(float[][] xs, float[][] ys, int rows, int cols) {
        if (xs == null || ys == null) {
            throw new IllegalArgumentException("xs and ys must not be null");
        }
        if (ys.length < xs.length) {
            throw new IllegalArgumentException("ys.length must be >= xs.length = " + xs.length + ": " + ys.length);
        }
        for (int b = 0; b < xs.length; b++) {
            vector("xs", b, xs[b], rows);
            vector("ys", b, ys[b], cols);
        }
    }
}
