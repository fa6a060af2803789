package org.hwsim.core.report;

import java.util.List;

/** RFC 4180 CSV cells: quoted when they hold a comma, quote or line break; numbers in full precision. */
public final class Csv {
    private Csv() {
    }

    /** Joins cells into one line (no terminator), quoting where RFC 4180 requires. */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(escape(cells.get(i)));
        }
        return sb.toString();
    }

    /** A value as a CSV cell: integers as integers, doubles in shortest round-trip form, NaN empty. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : Double.toString(d);
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? "" : Float.toString(f);
        }
        return value.toString();
    }

    /** Quotes a cell if needed. */
    public static String escape(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
