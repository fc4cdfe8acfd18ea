package dev.inkan.spf;

import dev.inkan.spf.SpfMacroString.Expand;
import dev.inkan.spf.SpfMacroString.Kind;
import dev.inkan.spf.SpfMacroString.Literal;
import dev.inkan.spf.SpfMacroString.Part;
import java.util.ArrayList;
import java.util.List;

/** Parses macro-strings per the RFC 7208 §7.1 (= §12) ABNF; see {@link SpfMacroString#parse}. */
final class SpfMacroParser {

    /** RFC 7208 §7.1 {@code delimiter}. */
    static final String DELIMITERS = ".-+,/_=";

    /** Digit transformers above this keep every part anyway (a name has at most 127 labels, §7.3). */
    private static final int MAX_RIGHT_PARTS = 10_000;

    private SpfMacroParser() {
    }

    static SpfMacroParse parse(String text, Kind kind) {
        Tokens tokens = new Tokens();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                if (!isLiteral(c, kind)) {
                    return SpfMacroParse.error(describe(c) + " is not allowed in " + what(kind));
                }
                tokens.literal.append(c);
                i++;
                continue;
            }
            Object next = percent(text, i, kind, tokens);
            if (next instanceof String error) {
                return SpfMacroParse.error(error);
            }
            i = (Integer) next;
            tokens.literalSuffixStart = i;
        }
        tokens.flush();
        if (kind == Kind.DOMAIN_SPEC) {
            String problem = domainEndProblem(text, tokens.literalSuffixStart);
            if (problem != null) {
                return SpfMacroParse.error(problem);
            }
        }
        return SpfMacroParse.ok(new SpfMacroString(text, kind, tokens.parts));
    }

    /** The parts found so far, and the literal text not yet added as a part. */
    private static final class Tokens {
        final List<Part> parts = new ArrayList<>();
        final StringBuilder literal = new StringBuilder();
        /** Where the literal text after the last macro-expand begins (for the domain-end rule). */
        int literalSuffixStart;

        void flush() {
            if (literal.length() > 0) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
        }
    }

    /**
     * A {@code macro-expand} starting with the '%' at {@code at}: {@code %%}, {@code %_}, {@code %-} or
     * {@code %{...}} (§7.1). Adds it to {@code tokens}; returns the index after it, or an error text.
     */
    private static Object percent(String text, int at, Kind kind, Tokens tokens) {
        if (at + 1 >= text.length()) {
            return "'%' at the end (write %% for a percent sign) [RFC 7208 7.3]";
        }
        char next = text.charAt(at + 1);
        if (next == '%' || next == '_' || next == '-') {
            tokens.literal.append(next == '%' ? "%" : next == '_' ? " " : "%20");
            return at + 2;
        }
        if (next != '{') {
            return "'%' followed by " + describe(next) + ", not by '{', '%', '-' or '_' [RFC 7208 7.3]";
        }
        int close = text.indexOf('}', at + 2);
        if (close < 0) {
            return "'%{' without '}' [RFC 7208 7.1]";
        }
        Object expand = expand(text.substring(at + 2, close), kind);
        if (expand instanceof String error) {
            return error;
        }
        tokens.flush();
        tokens.parts.add((Expand) expand);
        return close + 1;
    }

    /** The inside of {@code %{...}}: {@code macro-letter transformers *delimiter}; an Expand or an error text. */
    private static Object expand(String inside, Kind kind) {
        if (inside.isEmpty()) {
            return "empty macro %{} [RFC 7208 7.1]";
        }
        char written = inside.charAt(0);
        char letter = Character.toLowerCase(written);
        if (written > 0x7f || !kind.allows(letter)) {
            return "macro letter " + describe(written) + " is not allowed in " + what(kind) + " [RFC 7208 7.2]";
        }
        int i = 1;
        int digitsStart = i;
        while (i < inside.length() && inside.charAt(i) >= '0' && inside.charAt(i) <= '9') {
            i++;
        }
        int rightParts = 0;
        if (i > digitsStart) {
            String digits = inside.substring(digitsStart, i).replaceFirst("^0+", "");
            if (digits.isEmpty()) {
                return "macro %{" + inside + "}: the number of parts must not be zero [RFC 7208 7.3]";
            }
            rightParts = digits.length() > 5 ? MAX_RIGHT_PARTS : Math.min(Integer.parseInt(digits), MAX_RIGHT_PARTS);
        }
        boolean reverse = false;
        if (i < inside.length() && (inside.charAt(i) == 'r' || inside.charAt(i) == 'R')) {
            reverse = true;
            i++;
        }
        String delimiters = inside.substring(i);
        for (int d = 0; d < delimiters.length(); d++) {
            if (DELIMITERS.indexOf(delimiters.charAt(d)) < 0) {
                return "macro %{" + inside + "}: " + describe(delimiters.charAt(d))
                        + " is not a delimiter [RFC 7208 7.1: . - + , / _ =]";
            }
        }
        return new Expand(letter, written != letter, rightParts, reverse, delimiters);
    }

    /** RFC 7208 §7.1 {@code macro-literal} (visible ASCII except '%'), plus SP in an explain-string. */
    private static boolean isLiteral(char c, Kind kind) {
        return (c >= 0x21 && c <= 0x7e && c != '%') || (c == ' ' && kind.allowsSpaces());
    }

    /**
     * RFC 7208 §7.1 {@code domain-end = ( "." toplabel [ "." ] ) / macro-expand}: null when {@code text}
     * ends in a macro-expand or its literal tail ends in "." toplabel with an optional dot.
     */
    private static String domainEndProblem(String text, int literalSuffixStart) {
        String tail = text.substring(literalSuffixStart);
        if (text.isEmpty()) {
            return "empty domain-spec [RFC 7208 7.1]";
        }
        if (tail.isEmpty()) {
            return null; // ends with a macro-expand
        }
        String body = tail.endsWith(".") ? tail.substring(0, tail.length() - 1) : tail;
        int dot = body.lastIndexOf('.');
        if (dot < 0 || !isTopLabel(body.substring(dot + 1))) {
            return "domain-spec \"" + text + "\" does not end in a macro or in '.' and a valid top label"
                    + " [RFC 7208 7.1 domain-end]";
        }
        return null;
    }

    /**
     * RFC 7208 §7.1 {@code toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" )
     * alphanum )}: letters, digits and inner hyphens, not all digits unless a hyphen is present.
     */
    static boolean isTopLabel(String label) {
        if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        boolean letterOrHyphen = false;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && c != '-' && !(c >= '0' && c <= '9')) {
                return false;
            }
            letterOrHyphen |= letter || c == '-';
        }
        return letterOrHyphen;
    }

    private static String what(Kind kind) {
        return switch (kind) {
            case DOMAIN_SPEC -> "a domain-spec";
            case EXPLAIN_STRING -> "an explanation";
            case MODIFIER_VALUE -> "a modifier value";
        };
    }

    /** A character for a message: printable ASCII quoted, anything else as U+XXXX. */
    static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
