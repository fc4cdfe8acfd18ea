package dev.inkan.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Received-SPF fields (RFC 7208 §9.1): {@code [CFWS] result FWS [comment FWS] [key-value-list]},
 * {@code key-value-pair = key [CFWS] "=" ( dot-atom / quoted-string )}, pairs separated by ";" with an
 * optional final ";". Comments nest and may hold quoted-pairs (RFC 5322 §3.2.2); the first comment after
 * the result is kept, later ones are skipped as CFWS.
 */
final class ReceivedSpfParser {

    private final String text;
    private int pos;

    private ReceivedSpfParser(String text) {
        this.text = text;
    }

    static Optional<ReceivedSpfField> parse(String field) {
        String value = field.replaceAll("\r?\n(?=[ \t])", "").strip();
        if (value.regionMatches(true, 0, ReceivedSpfField.NAME + ":", 0, ReceivedSpfField.NAME.length() + 1)) {
            value = value.substring(ReceivedSpfField.NAME.length() + 1);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return Optional.empty();
        }
        return new ReceivedSpfParser(value).field();
    }

    private Optional<ReceivedSpfField> field() {
        skipCfws();
        SpfResult result = SpfResult.fromKeyword(word());
        if (result == null) {
            return Optional.empty();
        }
        skipWhitespace();
        String comment = null;
        if (peek() == '(') {
            comment = comment();
            if (comment == null) {
                return Optional.empty();
            }
        }
        List<ReceivedSpfField.Pair> pairs = new ArrayList<>();
        skipCfws();
        while (pos < text.length()) {
            String key = word();
            skipCfws();
            if (key.isEmpty() || peek() != '=') {
                return Optional.empty();
            }
            pos++;
            skipCfws();
            String value = peek() == '"' ? quoted() : bare();
            if (value == null) {
                return Optional.empty();
            }
            pairs.add(new ReceivedSpfField.Pair(key.toLowerCase(Locale.ROOT), value));
            skipCfws();
            if (pos < text.length() && peek() != ';') {
                return Optional.empty();
            }
            pos++;
            skipCfws();
        }
        return Optional.of(new ReceivedSpfField(result, comment, pairs));
    }

    /** A run of letters, digits, '-', '_' and '.' (a result keyword or a key). */
    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || "-_.".indexOf(peek()) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** An unquoted value: a dot-atom, or leniently anything up to white space, ';' or '('. */
    private String bare() {
        int start = pos;
        while (pos < text.length() && " \t;(\"".indexOf(peek()) < 0) {
            pos++;
        }
        return pos > start ? text.substring(start, pos) : null;
    }

    /** A quoted-string, unescaped; null when unterminated. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    return null;
                }
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        return null;
    }

    /** A comment (nested, with quoted-pairs) without its outer parentheses; null when unterminated. */
    private String comment() {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) {
                    return null;
                }
                out.append(text.charAt(pos++));
                continue;
            }
            if (c == '(' && depth++ == 0) {
                continue;
            }
            if (c == ')' && --depth == 0) {
                return out.toString();
            }
            out.append(c);
        }
        return null;
    }

    private void skipCfws() {
        while (pos < text.length()) {
            skipWhitespace();
            if (peek() != '(') {
                return;
            }
            if (comment() == null) {
                pos = text.length();
            }
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }
}
