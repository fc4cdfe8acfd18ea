package dev.inkan.dmarc;

import dev.inkan.message.Octets;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Domain names as DMARC compares them: A-labels (RFC 9989 §5.3.1: "If the domain is a U-label, the
 * domain MUST be converted to an A-label, as described in Section 2.3 of [RFC5890]"), lower case
 * (comparisons are case-insensitive, §4.4, RFC 4343), without a trailing dot.
 */
final class DomainNames {

    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;

    private DomainNames() {
    }

    /**
     * {@code text} as a normalised domain name, or empty when it is not one: an address literal, an empty
     * label (a leading dot, two dots), a label over 63 octets or a name over 253, a character other than a
     * letter, digit, hyphen or underscore, a label starting or ending with a hyphen, or a U-label IDNA
     * cannot convert. One trailing dot (an absolute name) is accepted.
     */
    static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.length() > 4 * MAX_NAME) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(name.length());
        for (String label : name.split("\\.", -1)) {
            String ascii = toAscii(label.toLowerCase(Locale.ROOT));
            if (ascii == null || !isLabel(ascii)) {
                return Optional.empty();
            }
            out.append(out.length() == 0 ? "" : ".").append(ascii);
        }
        return out.length() <= MAX_NAME ? Optional.of(out.toString()) : Optional.empty();
    }

    private static String toAscii(String label) {
        if (Octets.allBelow(label, 0x80)) {
            return label;
        }
        try {
            return IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** True when {@code domain} is {@code ancestor} or below it (both normalised). */
    static boolean isAtOrBelow(String domain, String ancestor) {
        return domain.equals(ancestor) || domain.endsWith("." + ancestor);
    }

    /** The top-level label of a normalised name. */
    static String topLabel(String domain) {
        return domain.substring(domain.lastIndexOf('.') + 1);
    }
}
