package dev.inkan.authres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexical layer under {@link AuthResultsParser}: CFWS with comments and folding (RFC 5322 §3.2.2),
 * quoted-strings with quoted-pairs (§3.2.4), keywords, tokens and pvalues (RFC 8601 §2.2). A problem is raised
 * as a {@link SyntaxError}, which the parser turns into an {@link AuthResultsParse.Malformed}; it never leaves
 * this package.
 */
final class AuthResultsScanner {

    /** Malformed input at a position; internal to the parser, without a stack trace. */
    static final class SyntaxError extends RuntimeException {
        final int position;

        SyntaxError(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    private final String in;
    private int pos;

    AuthResultsScanner(String in) {
        this.in = in;
    }

    int position() {
        return pos;
    }

    /** Goes back to a position returned by {@link #position()}. */
    void reset(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= in.length();
    }

    /** The current character, or -1 at the end. */
    int peek() {
        return atEnd() ? -1 : in.charAt(pos);
    }

    boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String context) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "' " + context + ", found " + describeCurrent());
        }
    }

    SyntaxError error(String message) {
        return new SyntaxError(message, pos);
    }

    String describeCurrent() {
        if (atEnd()) {
            return "end of input";
        }
        char c = in.charAt(pos);
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /**
     * Skips CFWS (RFC 5322 §3.2.2): spaces, tabs, folding line breaks, and comments (nested, with quoted-pairs).
     *
     * @return the text of each comment skipped, whitespace-normalized, in order
     */
    List<String> skipCfws() {
        List<String> comments = List.of();
        while (!atEnd()) {
            char c = in.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\r' || c == '\n') {
                skipLineBreak();
            } else if (c == '(') {
                if (comments.isEmpty()) {
                    comments = new ArrayList<>(1);
                }
                comments.add(comment());
            } else {
                break;
            }
        }
        return comments;
    }

    /**
     * A folding line break: CRLF (or a bare LF, leniently) followed by a space or tab, or the final CRLF of the
     * field (RFC 8601 §2.2 authres-payload ends with CRLF). Any other line break is malformed.
     */
    private void skipLineBreak() {
        int start = pos;
        int after = in.startsWith("\r\n", pos) ? pos + 2 : pos + 1;
        if (after >= in.length() || in.charAt(after) == ' ' || in.charAt(after) == '\t') {
            pos = after;
            return;
        }
        pos = start;
        throw error("line break not followed by a space or tab (RFC 5322 §2.2.3 folding)");
    }

    private String comment() {
        int start = pos;
        pos++;
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (true) {
            if (atEnd()) {
                pos = start;
                throw error("unterminated comment");
            }
            char c = in.charAt(pos);
            if (c == '\\') {
                text.append(quotedPair());
                continue;
            }
            if (c == '\r' || c == '\n') {
                skipLineBreak();
                continue;
            }
            pos++;
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return AuthResultsSyntax.normalizeText(text.toString());
            }
            text.append(c);
        }
    }

    private char quotedPair() {
        pos++;
        if (atEnd() || in.charAt(pos) == '\r' || in.charAt(pos) == '\n') {
            throw error("backslash without a character to quote");
        }
        return in.charAt(pos++);
    }

    /** An RFC 5322 §3.2.4 quoted-string at the current position; returns its content, quoted-pairs resolved. */
    String quotedString() {
        int start = pos;
        expect('"', "to open a quoted-string");
        StringBuilder text = new StringBuilder();
        while (true) {
            if (atEnd()) {
                pos = start;
                throw error("unterminated quoted-string");
            }
            char c = in.charAt(pos);
            if (c == '\\') {
                text.append(quotedPair());
            } else if (c == '\r' || c == '\n') {
                skipLineBreak();
            } else {
                pos++;
                if (c == '"') {
                    return text.toString();
                }
                text.append(c);
            }
        }
    }

    /** An RFC 5321 §4.1.2 Keyword (method, result, ptype, property), lower-cased; {@code what} names it. */
    String keyword(String what) {
        int start = pos;
        while (!atEnd() && AuthResultsSyntax.isKeywordChar(in.charAt(pos))) {
            pos++;
        }
        String keyword = in.substring(start, pos);
        if (keyword.isEmpty()) {
            throw error("expected " + what + ", found " + describeCurrent());
        }
        if (!AuthResultsSyntax.isKeyword(keyword)) {
            pos = start;
            throw error(what + " '" + keyword + "' is not a keyword (RFC 5321 §4.1.2)");
        }
        return keyword.toLowerCase(Locale.ROOT);
    }

    /** True when the current character starts a keyword. */
    boolean atKeyword() {
        return !atEnd() && AuthResultsSyntax.isKeywordChar(in.charAt(pos));
    }

    /** 1*DIGIT (an authres-version or method-version); {@code what} names it. */
    int digits(String what) {
        int start = pos;
        while (!atEnd() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what + " (digits), found " + describeCurrent());
        }
        if (pos - start > 9) {
            pos = start;
            throw error(what + " is too large");
        }
        return Integer.parseInt(in.substring(start, pos));
    }

    /**
     * An RFC 2045 §5.1 value: a token or a quoted-string. Non-ASCII is accepted in tokens, since an EAI
     * authserv-id may be UTF-8 (RFC 8601 §2.5).
     */
    String value(String what) {
        if (peek() == '"') {
            return quotedString();
        }
        int start = pos;
        while (!atEnd() && isValueChar(in.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what + " (a token or a quoted-string), found " + describeCurrent());
        }
        return in.substring(start, pos);
    }

    private static boolean isValueChar(char c) {
        return AuthResultsSyntax.isTokenChar(c) || c >= 0x80;
    }

    /**
     * An RFC 8601 §2.2 pvalue (without the surrounding CFWS): a quoted-string, a token, or
     * {@code [local-part] "@" domain-name}. Leniently, an unquoted value may also hold {@code /} and {@code ?}
     * anywhere and {@code =} as trailing padding, as real senders write DKIM {@code header.b} bare; an {@code =}
     * inside an unquoted value without {@code @} stays an error, since {@code a.b=xc.d=e} is ambiguous.
     */
    String pvalue() {
        int start = pos;
        if (peek() == '"') {
            String quoted = quotedString();
            if (peek() != '@') {
                return quoted;
            }
            String rawLocalPart = in.substring(start, pos);
            pos++;
            return rawLocalPart + "@" + domainAfterAt(start);
        }
        while (!atEnd() && isLenientPvalueChar(in.charAt(pos))) {
            pos++;
        }
        String bare = in.substring(start, pos);
        if (bare.isEmpty()) {
            throw error("expected a property value, found " + describeCurrent());
        }
        int at = bare.indexOf('@');
        if (at >= 0) {
            checkAddress(bare, at, start);
        } else if (hasInnerEquals(bare)) {
            pos = start;
            throw error("'=' inside the unquoted value '" + bare + "' is ambiguous; it must be quoted");
        }
        return bare;
    }

    /** Whether {@code value} has an '=' before its trailing run of '=' (base64 padding is fine). */
    private static boolean hasInnerEquals(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        int first = value.indexOf('=');
        return first >= 0 && first < end;
    }

    private String domainAfterAt(int valueStart) {
        int domainStart = pos;
        while (!atEnd() && isValueChar(in.charAt(pos))) {
            pos++;
        }
        if (domainStart == pos) {
            pos = valueStart;
            throw error("address without a domain after '@'");
        }
        return in.substring(domainStart, pos);
    }

    private void checkAddress(String bare, int at, int start) {
        String domain = bare.substring(at + 1);
        if (domain.isEmpty() || domain.indexOf('@') >= 0 || domain.indexOf('=') >= 0 || domain.indexOf('/') >= 0
                || domain.indexOf('?') >= 0) {
            pos = start;
            throw error("'" + bare + "' is not of the form [local-part]@domain");
        }
    }

    private static boolean isLenientPvalueChar(char c) {
        return AuthResultsSyntax.isTokenChar(c) || c == '/' || c == '=' || c == '?' || c == '@' || c >= 0x80;
    }
}
