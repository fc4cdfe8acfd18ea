package dev.inkan.authres;

import dev.inkan.message.Atoms;

/**
 * The character classes and quoting rules of the RFC 8601 §2.2 grammar, shared by the formatter and the
 * parser so both agree on what may be written bare.
 */
final class AuthResultsSyntax {

    /** RFC 2045 §5.1 tspecials: characters a MIME token may not contain. */
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    /** Token characters, indexed by US-ASCII code: every value Inkan writes is checked. */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (int c = 0x21; c < 0x7f; c++) {
            TOKEN_CHARS[c] = TSPECIALS.indexOf(c) < 0;
        }
    }

    private AuthResultsSyntax() {
    }

    /** RFC 2045 §5.1: any printable US-ASCII character except SPACE and tspecials. */
    static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN_CHARS[c];
    }

    /** A non-empty RFC 2045 §5.1 token. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character of an RFC 5321 §4.1.2 Keyword (Ldh-str): letter, digit or hyphen. */
    static boolean isKeywordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /**
     * RFC 5321 §4.1.2 {@code Keyword = Ldh-str}: letters, digits and hyphens, not ending with a hyphen. RFC 8601
     * §2.2 uses it for method, result, ptype and property.
     */
    static boolean isKeyword(String s) {
        if (s == null || s.isEmpty() || s.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isKeywordChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bare address form RFC 8601 §2.2 allows for a pvalue: {@code [ local-part ] "@" domain-name}, where the
     * local-part is an RFC 5322 dot-atom-text (or empty) and the domain-name is RFC 6376 §3.5's.
     */
    static boolean isBareAddress(String s) {
        int at = s.indexOf('@');
        if (at < 0 || at != s.lastIndexOf('@')) {
            return false;
        }
        String local = s.substring(0, at);
        return (local.isEmpty() || Atoms.isDotAtomText(local)) && isDomainName(s.substring(at + 1));
    }

    /** RFC 6376 §3.5 domain-name: two or more sub-domains (letters, digits, inner hyphens) joined by dots. */
    static boolean isDomainName(String s) {
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!isKeyword(label) || label.startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    /** A value RFC 8601 §2.2 lets us write without quotes: a token or the bare address form. */
    static boolean isBareValue(String s) {
        return isToken(s) || isBareAddress(s);
    }

    /**
     * An RFC 5322 §3.2.4 quoted-string holding {@code s}, with {@code "} and {@code \} escaped as quoted-pairs.
     * Non-ASCII is allowed (RFC 6532 §3.2). A character no header may carry ({@link #isForbiddenControl}: line
     * breaks, other controls, C1 controls, U+2028/U+2029) is written as {@code ?}: the value usually comes from
     * the message, and a hostile message must neither inject a header line nor make the whole field fail.
     */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isForbiddenControl(c)) {
                out.append('?');
                continue;
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** {@code s} bare when {@link #isBareValue}, otherwise as a quoted-string. */
    static String value(String s) {
        return isBareValue(s) ? s : quoted(s);
    }

    /** {@code s} bare when it is a token (RFC 2045 §5.1 value), otherwise as a quoted-string. */
    static String tokenOrQuoted(String s) {
        return isToken(s) ? s : quoted(s);
    }

    /**
     * Characters never written into a header field: C0 controls other than HTAB, and DEL (RFC 5322 §3.2); the C1
     * controls U+0080–U+009F, which RFC 6532 §3.1 leaves out of UTF8-non-ascii text in practice because
     * terminals act on them; and the Unicode line and paragraph separators U+2028/U+2029, which some readers take
     * as line breaks.
     */
    static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    /**
     * Human text (comments, reasons) as Inkan writes and reads it: every run of whitespace or forbidden characters
     * ({@link #isForbiddenControl}) becomes one space, and the ends are trimmed. This keeps CR/LF out of the header and makes folding inside a
     * comment harmless (RFC 5322 §3.2.2).
     */
    static String normalizeText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || isForbiddenControl(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The inside of an RFC 5322 §3.2.2 comment for {@code text}: {@code (}, {@code )} and {@code \} escaped. */
    static String escapeComment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
