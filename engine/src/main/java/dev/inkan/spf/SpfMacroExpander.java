package dev.inkan.spf;

import dev.inkan.spf.SpfMacroString.Expand;
import dev.inkan.spf.SpfMacroString.Literal;
import dev.inkan.spf.SpfMacroString.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expands macro-strings (RFC 7208 §7.3): splitting on delimiters, reversal, keeping right-hand parts,
 * URL-escaping for upper-case letters, and the two uses of the result — a DNS name (trailing dot removed,
 * truncated from the left to 253 characters) or an explanation (US-ASCII, bounded length).
 *
 * <p>Expansion never fails and its memory stays bounded whatever the inputs: a name keeps only its last
 * {@value #NAME_WINDOW} characters while it is built (the left side is cut anyway), an explanation stops at
 * its length limit.
 */
public final class SpfMacroExpander {

    /** RFC 7208 §7.3 (and RFC 1035 §2.3.4): the longest name, in presentation form without the final dot. */
    public static final int MAX_NAME_LENGTH = 253;

    /** Characters of a name kept while expanding: more than enough to truncate to 253 from the left. */
    static final int NAME_WINDOW = 1024;

    private SpfMacroExpander() {
    }

    /**
     * Expands a domain-spec into the &lt;target-name&gt; (RFC 7208 §4.8): one trailing dot removed (§7.3:
     * trailing dots MUST be accepted), and when longer than 253 characters, whole labels removed from the
     * left until it fits (§7.3). A name that cannot be shortened so (no dot in its last 254 characters)
     * is returned too long, and no DNS name: resolvers answer it as nonexistent.
     */
    public static String expandName(SpfMacroString domainSpec, SpfMacroContext context) {
        StringBuilder out = new StringBuilder();
        for (Part part : domainSpec.parts()) {
            out.append(part instanceof Literal literal ? literal.text() : value((Expand) part, context));
            if (out.length() > 2 * NAME_WINDOW) {
                out.delete(0, out.length() - NAME_WINDOW);
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
        }
        return truncateFromLeft(out.toString());
    }

    /**
     * Expands an explanation (RFC 7208 §6.2): at most {@code maxLength} characters, and restricted to
     * US-ASCII as §6.2 requires: any other character (from a macro value) becomes '?'.
     */
    public static String expandExplanation(SpfMacroString explanation, SpfMacroContext context, int maxLength) {
        StringBuilder out = new StringBuilder();
        for (Part part : explanation.parts()) {
            if (out.length() >= maxLength) {
                break;
            }
            out.append(part instanceof Literal literal ? literal.text() : value((Expand) part, context));
        }
        if (out.length() > maxLength) {
            out.setLength(maxLength);
        }
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                out.setCharAt(i, '?');
            }
        }
        return out.toString();
    }

    /**
     * RFC 7208 §7.3: "if the expanded domain name exceeds 253 characters ..., the left side is truncated
     * to fit, by removing successive domain labels (and their following dots) until the total length does
     * not exceed 253 characters."
     */
    static String truncateFromLeft(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        int from = name.length() - MAX_NAME_LENGTH; // the first index the result may start at
        for (int k = from; k < name.length(); k++) {
            if (name.charAt(k - 1) == '.') {
                return name.substring(k);
            }
        }
        return name;
    }

    /** One macro's value after the transformers, delimiters and URL escaping of RFC 7208 §7.3. */
    static String value(Expand expand, SpfMacroContext context) {
        String raw = context.value(expand.letter());
        String transformed = expand.rightParts() == 0 && !expand.reverse() && expand.delimiters().isEmpty()
                ? raw
                : transform(raw, expand);
        return expand.urlEscape() ? urlEscape(transformed) : transformed;
    }

    /**
     * Splits on the delimiters ("." by default; empty parts kept, §7.3), reverses when asked, keeps the
     * right-hand {@code rightParts} parts (all when 0 or more than there are), and joins with ".".
     */
    private static String transform(String raw, Expand expand) {
        String delimiters = expand.delimiters().isEmpty() ? "." : expand.delimiters();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (delimiters.indexOf(raw.charAt(i)) >= 0) {
                parts.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(raw.substring(start));
        if (expand.reverse()) {
            Collections.reverse(parts);
        }
        if (expand.rightParts() > 0 && expand.rightParts() < parts.size()) {
            parts = parts.subList(parts.size() - expand.rightParts(), parts.size());
        }
        return String.join(".", parts);
    }

    /**
     * RFC 7208 §7.3: upper-case macros are URL-escaped: every octet (of the UTF-8 form) outside RFC 3986
     * §2.3 {@code unreserved} (ALPHA DIGIT "-" "." "_" "~") becomes %XX.
     */
    static String urlEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte octet : value.getBytes(StandardCharsets.UTF_8)) {
            int c = octet & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
