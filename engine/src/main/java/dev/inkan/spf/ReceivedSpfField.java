package dev.inkan.spf;

import dev.inkan.message.Atoms;
import dev.inkan.net.IpLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Received-SPF trace field of RFC 7208 §9.1:
 *
 * <pre>
 * Received-SPF: pass (mx.example.org: domain of bob@example.com designates 192.0.2.1 as permitted
 *     sender) client-ip=192.0.2.1; envelope-from="bob@example.com"; helo=mail.example.com;
 *     receiver=mx.example.org; identity=mailfrom; mechanism="ip4:192.0.2.0/24"
 * </pre>
 *
 * <p>Written from a verdict with the keys of §9.1 in this order: {@code client-ip}, {@code envelope-from}
 * (MAIL FROM checks only; "" for the null reverse-path), {@code helo}, {@code receiver}, {@code identity},
 * then {@code mechanism} (which directive decided, or "default") or {@code problem} (for none, temperror,
 * permerror). A value is a dot-atom when it is one, otherwise a quoted-string (RFC 5322 §3.2.4) with
 * {@code "} and {@code \} escaped. §9.1 requires no invalid characters and nothing excessively long:
 * control characters become '?', a value is cut at {@value #MAX_VALUE_LENGTH} characters, and the field
 * is folded at spaces outside quoted strings so lines stay within 78 characters where possible.
 *
 * @param result the result keyword's value
 * @param comment the comment after the result, unescaped, runs of white space as one space, or null
 * @param pairs the key-value pairs in order; keys in lower case
 */
public record ReceivedSpfField(SpfResult result, String comment, List<Pair> pairs) {

    /** The field name. */
    public static final String NAME = "Received-SPF";

    /** Longest value written; longer ones are cut and end in "...". */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final int LINE_LENGTH = 78;
    private static final String FOLD = "\r\n\t";
    /** Compiled once: every field written cleans each of its values. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]+");
    private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");

    /**
     * One {@code key=value} pair; the value as it is written: line breaks and tabs as a space, other control
     * characters as '?', at most {@value #MAX_VALUE_LENGTH} characters.
     */
    public record Pair(String key, String value) {
        public Pair {
            Objects.requireNonNull(key, "key");
            value = clean(Objects.requireNonNull(value, "value"), MAX_VALUE_LENGTH);
        }
    }

    public ReceivedSpfField {
        Objects.requireNonNull(result, "result");
        comment = comment == null ? null
                : singleSpaces(clean(comment, 2 * MAX_VALUE_LENGTH)).strip();
        pairs = List.copyOf(pairs);
    }

    static ReceivedSpfField of(SpfVerdict verdict) {
        SpfRequest request = verdict.request();
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair("client-ip", IpLiteral.format(request.clientIp())));
        if (request.identity() == SpfIdentity.MAILFROM) {
            pairs.add(new Pair("envelope-from", request.mailFrom()));
        }
        pairs.add(new Pair("helo", request.helo()));
        pairs.add(new Pair("receiver", verdict.receiver()));
        pairs.add(new Pair("identity", request.identity().keyword()));
        if (verdict.mechanism() != null) {
            pairs.add(new Pair("mechanism", verdict.mechanism()));
        }
        if (verdict.problem() != null) {
            pairs.add(new Pair("problem", verdict.problem()));
        }
        return new ReceivedSpfField(verdict.result(), verdict.receiver() + ": " + verdict.comment(), pairs);
    }

    /** The value of the first pair named {@code key} (case-insensitive). */
    public Optional<String> get(String key) {
        return pairs.stream().filter(pair -> pair.key().equalsIgnoreCase(key)).map(Pair::value).findFirst();
    }

    /** The field value on one line, without the name: {@code pass (comment) client-ip=...; ...}. */
    public String value() {
        return String.join(" ", atoms());
    }

    /** The whole field, {@code Received-SPF: <value>}, folded, with CRLF line ends and a final CRLF. */
    public String header() {
        StringBuilder out = new StringBuilder(NAME).append(':');
        int column = out.length();
        for (String atom : atoms()) {
            if (column + 1 + atom.length() > LINE_LENGTH && column > NAME.length() + 1) {
                out.append(FOLD).append(atom);
                column = 1 + atom.length();
            } else {
                out.append(' ').append(atom);
                column += 1 + atom.length();
            }
        }
        return out.append("\r\n").toString();
    }

    /**
     * Reads a Received-SPF field (with or without its name, folded or not); empty when it does not follow
     * the RFC 7208 §9.1 grammar. Unquoted values that are not dot-atoms (as some verifiers write an IPv6
     * {@code client-ip}) are accepted.
     */
    public static Optional<ReceivedSpfField> parse(String field) {
        return ReceivedSpfParser.parse(field);
    }

    /** The unbreakable pieces: the result, the comment's words, each {@code key=value;}. */
    private List<String> atoms() {
        List<String> atoms = new ArrayList<>();
        atoms.add(result.keyword());
        if (comment != null) {
            // the comment's words, "(" and ")" around them all; the constructor left single spaces and none at the ends
            String text = escapeComment(comment);
            int start = 0;
            int space;
            do {
                space = text.indexOf(' ', start);
                String word = space < 0 ? text.substring(start) : text.substring(start, space);
                atoms.add((start == 0 ? "(" : "") + word + (space < 0 ? ")" : ""));
                start = space + 1;
            } while (space >= 0);
        }
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            atoms.add(pair.key().toLowerCase(Locale.ROOT) + "=" + value(pair.value())
                    + (i < pairs.size() - 1 ? ";" : ""));
        }
        return atoms;
    }

    /** A dot-atom when the value is one (RFC 5322 §3.2.3), else a quoted-string (§3.2.4). */
    static String value(String raw) {
        String value = clean(raw, MAX_VALUE_LENGTH);
        if (Atoms.isDotAtomText(value)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /** Controls to '?', line breaks and tabs to a space, at most {@code max} characters. */
    private static String clean(String text, int max) {
        boolean breaks = text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        String printable = SpfVerdict.printable(breaks ? LINE_BREAKS.matcher(text).replaceAll(" ") : text);
        return printable.length() <= max ? printable
                : printable.substring(0, max - 3) + "...";
    }

    private static String singleSpaces(String text) {
        return text.contains("  ") ? SPACE_RUNS.matcher(text).replaceAll(" ") : text;
    }

    private static String escapeComment(String text) {
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
    }
}
