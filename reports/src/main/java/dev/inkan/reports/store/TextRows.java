package dev.inkan.reports.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, exact text form for lists of string tuples, as stored in one column: rows on lines, fields separated by
 * TAB, with backslash escapes for backslash, TAB, CR and LF, and {@code \0} for null. Every row has at least two
 * fields (so no row is the empty line and no list is confused with the empty one); decoding gives back exactly what
 * was encoded.
 */
final class TextRows {

    private TextRows() {
    }

    static String encode(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.append('\n');
            }
            List<String> row = rows.get(r);
            if (row.size() < 2) {
                throw new IllegalArgumentException("a row needs at least two fields: " + row);
            }
            for (int f = 0; f < row.size(); f++) {
                if (f > 0) {
                    out.append('\t');
                }
                field(row.get(f), out);
            }
        }
        return out.toString();
    }

    private static void field(String value, StringBuilder out) {
        if (value == null) {
            out.append("\\0");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static List<List<String>> decode(String text) {
        List<List<String>> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        for (String line : text.split("\n", -1)) {
            List<String> row = new ArrayList<>();
            for (String raw : line.split("\t", -1)) {
                row.add(unescape(raw));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String unescape(String raw) {
        if (raw.equals("\\0")) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
