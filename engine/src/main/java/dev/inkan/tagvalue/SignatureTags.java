package dev.inkan.tagvalue;

import dev.inkan.message.Octets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The value syntaxes of RFC 6376 §3.5 shared by every signature in the DKIM format (DKIM-Signature,
 * ARC-Message-Signature and ARC-Seal, RFC 8617 §4.1.2, §4.1.3) and by key records (§3.6.1): base64 with
 * folding white space, header field name lists, domain names and selectors, decimal numbers.
 */
public final class SignatureTags {

    /** Integers above this many digits are refused before conversion (RFC 6376 §3.5 l= note). */
    private static final int MAX_DIGITS = 18;

    private SignatureTags() {
    }

    /** RFC 6376 §2.4 base64string: base64 with FWS removed; null when malformed. */
    public static byte[] base64(String value) {
        if (value == null) {
            return null;
        }
        byte[] clean = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                if (c > 0x7f) {
                    return null;
                }
                clean[n++] = (byte) c;
            }
        }
        try {
            return Base64.getDecoder().decode(n == clean.length ? clean : Arrays.copyOf(clean, n));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code text} without folding white space (SP, TAB, CR, LF). */
    public static String withoutFws(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !isFws(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        char[] out = new char[n];
        text.getChars(0, i, out, 0);
        int used = i;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!isFws(c)) {
                out[used++] = c;
            }
        }
        return new String(out, 0, used);
    }

    private static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * RFC 6376 §3.5 sig-h-tag: field names separated by ':' with optional FWS, at least one; null when a name is
     * empty or invalid.
     */
    public static List<String> headerList(String value) {
        List<String> names = new ArrayList<>();
        for (String part : value.split(":", -1)) {
            String name = withoutFws(part);
            if (name.isEmpty() || !isFieldName(name)) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    /** A header field name (RFC 5322 §3.6.8 ftext: printable ASCII except ':'). */
    public static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** -1 when {@code value} is null (tag absent), -2 when not a decimal number that fits, else the number. */
    public static long decimal(String value) {
        if (value == null) {
            return -1;
        }
        if (value.isEmpty() || value.length() > MAX_DIGITS || !Octets.allDigits(value)) {
            return -2;
        }
        return Long.parseLong(value);
    }

    /** True when {@code candidate} is {@code parent} or a subdomain of it, ignoring case. */
    public static boolean isSameOrSubdomain(String candidate, String parent) {
        String c = candidate.toLowerCase(Locale.ROOT);
        String p = parent.toLowerCase(Locale.ROOT);
        return c.equals(p) || c.endsWith("." + p);
    }

    /**
     * A d= or s= value that can form a DNS name: not empty, at most 253 characters, no empty label, no white
     * space, controls, '@', ';' or '/' (U-labels allowed, RFC 8616).
     */
    /**
     * A tag value as the header held it (each octet one character, ISO-8859-1) read as the text it is: UTF-8
     * when its octets are valid UTF-8 (RFC 6532 internationalised headers), else unchanged. For reporting and for
     * {@link #aLabels}; never null for a non-null value.
     */
    public static String text(String octets) {
        if (octets == null || Octets.allBelow(octets, 0x80) || !Octets.allBelow(octets, 0x100)) {
            return octets;
        }
        String text = Octets.strictUtf8(octets.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return text != null ? text : octets;
    }

    /**
     * A d= or s= value (or the domain of i=) with its U-labels converted to A-labels, as DNS needs them (RFC 8616
     * §4: in internationalised headers these tags SHOULD be U-labels; RFC 6376 §3.5: A-labels). The value is first
     * read as UTF-8 ({@link #text}). An ASCII value is returned as it is; null when a label cannot be converted
     * (not UTF-8, or not a valid IDN).
     */
    public static String aLabels(String value) {
        String text = text(value);
        if (text == null || Octets.allBelow(text, 0x80)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String label : text.split("\\.", -1)) {
            if (out.length() > 0) {
                out.append('.');
            }
            if (Octets.allBelow(label, 0x80)) {
                out.append(label);
                continue;
            }
            try {
                out.append(java.net.IDN.toASCII(label, java.net.IDN.ALLOW_UNASSIGNED));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out.toString();
    }

    public static boolean isDomainName(String d) {
        if (d == null || d.isEmpty() || d.length() > 253 || d.startsWith(".") || d.endsWith(".") || d.contains("..")) {
            return false;
        }
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '@' || c == ';' || c == '/') {
                return false;
            }
        }
        return true;
    }
}
