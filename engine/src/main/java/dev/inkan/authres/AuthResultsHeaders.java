package dev.inkan.authres;

import dev.inkan.authres.AuthResultsScanner.SyntaxError;
import dev.inkan.message.Octets;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Handling of Authentication-Results header fields as they arrive on a message: recognising the field,
 * unfolding it, and the RFC 8601 §5 test of whether a field claims our own authserv-id (such fields are
 * removed before we add ours, since they may be forged, §7.1).
 */
public final class AuthResultsHeaders {

    private AuthResultsHeaders() {
    }

    /** True when {@code fieldName} is {@code Authentication-Results}, in any case (RFC 5322 §1.2.2). */
    public static boolean isAuthenticationResults(String fieldName) {
        return fieldName != null && fieldName.trim().equalsIgnoreCase(AuthResultsFormatter.FIELD_NAME);
    }

    /**
     * Unfolds a raw header field value (RFC 5322 §2.2.3): removes every line break that is followed by a space
     * or tab, keeping the whitespace. CRLF, bare LF and bare CR are all treated as line breaks. A trailing line
     * break (the field's own CRLF) is removed too.
     */
    public static String unfold(String raw) {
        Objects.requireNonNull(raw, "raw");
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                int after = raw.startsWith("\r\n", i) ? i + 2 : i + 1;
                if (after >= raw.length() || raw.charAt(after) == ' ' || raw.charAt(after) == '\t') {
                    i = after;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * True when the field value's authserv-id is {@code authservId} (RFC 8601 §5): compared case-insensitively,
     * after any leading CFWS, with A-labels converted to U-labels as §5 asks for EAI, ignoring spaces around
     * the id and a final root dot (a field that merely looks like ours is removed too, which is the safe side). Only the authserv-id is
     * read, so a forged field whose value is malformed after the id is still recognised; a value whose
     * authserv-id cannot be read at all (e.g. an unterminated comment before it) claims nothing.
     *
     * @param fieldValue the raw value (folded or not) of an Authentication-Results field
     * @param authservId our authserv-id
     */
    public static boolean claimsAuthservId(String fieldValue, String authservId) {
        Objects.requireNonNull(authservId, "authservId");
        return authservIdOf(fieldValue)
                .map(claimed -> sameAscii(claimed, authservId) || comparable(claimed).equals(comparable(authservId)))
                .orElse(false);
    }

    /**
     * The authserv-id at the start of a field value (RFC 8601 §2.2, §2.5), whatever follows it; empty when
     * there is none.
     */
    public static Optional<String> authservIdOf(String fieldValue) {
        if (fieldValue == null) {
            return Optional.empty();
        }
        AuthResultsScanner scanner = new AuthResultsScanner(fieldValue);
        try {
            scanner.skipCfws();
            return Optional.of(scanner.value("the authserv-id"));
        } catch (SyntaxError e) {
            return Optional.empty();
        }
    }

    /** The common case without the IDNA conversion: the same US-ASCII text but for case. */
    private static boolean sameAscii(String claimed, String authservId) {
        return claimed.equalsIgnoreCase(authservId) && Octets.allBelow(authservId, 0x80);
    }

    /** Lower case, U-labels, without surrounding spaces or a final root dot: over-matching only removes more. */
    private static String comparable(String authservId) {
        String trimmed = authservId.trim();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return IDN.toUnicode(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}
