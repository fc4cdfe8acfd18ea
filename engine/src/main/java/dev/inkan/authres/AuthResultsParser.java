package dev.inkan.authres;

import dev.inkan.authres.AuthResultsScanner.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses Authentication-Results header field values (RFC 8601 §2.2) into {@link AuthenticationResults}, and
 * single resinfos (the per-method text Inkan passes between mailets) into {@link ResultInfo}.
 *
 * <p>Follows the grammar, with CFWS (comments, nested comments, folding) wherever it allows it. Method,
 * result, ptype and property are lower-cased (they are case-insensitive keywords); values are kept as written,
 * unquoted. The first comment after a result becomes {@link ResultInfo#comment()} (as in Appendix B.4's
 * {@code auth=pass (cram-md5)}); other comments are dropped. Comment and reason text is whitespace-normalized.
 *
 * <p>Lenient where real senders are sloppy and the meaning is still unambiguous: a trailing {@code ;}, missing
 * whitespace where a delimiter already separates two elements, a bare LF for folding, {@code reason=} after
 * properties, and unquoted pvalues holding {@code /}, {@code ?} or trailing {@code =} (Gmail writes
 * {@code header.b=AbC/+x=} bare). Everything else is {@link AuthResultsParse.Malformed}: an empty value (no
 * authserv-id), {@code name=value} items that are neither {@code reason=} nor a propspec, and versions other than
 * 1, which §2.6 lets a parser refuse, since what follows might not mean what it expects.
 */
public final class AuthResultsParser {

    private static final int SUPPORTED_VERSION = 1;

    private AuthResultsParser() {
    }

    /**
     * Parses a header field value (everything after {@code Authentication-Results:}), folded or not.
     *
     * @return the results, or why the value is malformed and where
     */
    public static AuthResultsParse<AuthenticationResults> parse(String value) {
        Objects.requireNonNull(value, "value");
        AuthResultsScanner scanner = new AuthResultsScanner(value);
        try {
            return AuthResultsParse.parsed(payload(scanner));
        } catch (SyntaxError e) {
            return AuthResultsParse.malformed(e.getMessage(), e.position);
        }
    }

    /**
     * Parses one resinfo without the header's authserv-id, e.g. {@code dkim=pass header.d=example.com}, as
     * {@link AuthResultsFormatter#resultInfo} writes it. A leading or trailing {@code ;} is accepted.
     */
    public static AuthResultsParse<ResultInfo> parseResultInfo(String resinfo) {
        Objects.requireNonNull(resinfo, "resinfo");
        AuthResultsScanner scanner = new AuthResultsScanner(resinfo);
        try {
            scanner.skipCfws();
            if (scanner.tryConsume(';')) {
                scanner.skipCfws();
            }
            ResultInfo result = resinfo(scanner);
            if (scanner.tryConsume(';')) {
                scanner.skipCfws();
            }
            if (!scanner.atEnd()) {
                throw scanner.error("expected the end of the resinfo, found " + scanner.describeCurrent());
            }
            return AuthResultsParse.parsed(result);
        } catch (SyntaxError e) {
            return AuthResultsParse.malformed(e.getMessage(), e.position);
        }
    }

    /** RFC 8601 §2.2 authres-payload: {@code [CFWS] authserv-id [CFWS authres-version] (no-result / 1*resinfo)}. */
    private static AuthenticationResults payload(AuthResultsScanner s) {
        s.skipCfws();
        if (s.atEnd()) {
            throw s.error("empty value: an authserv-id is required (RFC 8601 §2.2)");
        }
        String authservId = s.value("the authserv-id");
        s.skipCfws();
        Integer version = null;
        if (isDigit(s.peek())) {
            version = version(s);
        }
        s.expect(';', "after the authserv-id");
        s.skipCfws();
        if (noResult(s)) {
            return new AuthenticationResults(authservId, version, List.of());
        }
        List<ResultInfo> results = new ArrayList<>();
        while (true) {
            results.add(resinfo(s));
            if (s.atEnd()) {
                return new AuthenticationResults(authservId, version, results);
            }
            s.expect(';', "between resinfos");
            s.skipCfws();
            if (onlySemicolonsRemain(s)) {
                return new AuthenticationResults(authservId, version, results);
            }
        }
    }

    /** RFC 8601 §2.2 authres-version, refused unless it is 1 (§2.6, §5). */
    private static Integer version(AuthResultsScanner s) {
        int start = s.position();
        int version = s.digits("authres-version");
        if (version != SUPPORTED_VERSION) {
            s.reset(start);
            throw s.error("unsupported authres-version " + version + " (RFC 8601 §2.6)");
        }
        s.skipCfws();
        return version;
    }

    /** RFC 8601 §2.2 no-result ({@code none}), which must stand alone; consumes it when present. */
    private static boolean noResult(AuthResultsScanner s) {
        int start = s.position();
        if (!s.atKeyword() || !s.keyword("a method").equals("none")) {
            s.reset(start);
            return false;
        }
        s.skipCfws();
        if (!s.atEnd() && s.peek() != ';') {
            s.reset(start);
            return false;
        }
        if (!s.atEnd()) {
            s.expect(';', "after 'none'");
            s.skipCfws();
            if (!onlySemicolonsRemain(s)) {
                throw s.error("'none' cannot be combined with results (RFC 8601 §2.2 no-result)");
            }
        }
        return true;
    }

    /** True at the end of input, after skipping further {@code ;} (trailing semicolons are tolerated). */
    private static boolean onlySemicolonsRemain(AuthResultsScanner s) {
        if (s.atEnd()) {
            return true;
        }
        if (s.peek() != ';') {
            return false;
        }
        while (s.tryConsume(';')) {
            s.skipCfws();
        }
        if (!s.atEnd()) {
            throw s.error("empty resinfo between two ';'");
        }
        return true;
    }

    /** RFC 8601 §2.2 resinfo after its ';': {@code methodspec [CFWS reasonspec] [CFWS 1*propspec]}. */
    private static ResultInfo resinfo(AuthResultsScanner s) {
        String method = method(s);
        s.expect('=', "after the method '" + method + "'");
        s.skipCfws();
        String result = s.keyword("a result");
        List<String> comments = s.skipCfws();
        String comment = comments.isEmpty() ? null : comments.get(0);
        String reason = null;
        List<ResultProperty> properties = new ArrayList<>();
        while (!s.atEnd() && s.peek() != ';') {
            int start = s.position();
            String name = s.keyword("'reason=', a property (ptype.property=value) or ';'");
            s.skipCfws();
            if (s.peek() == '.') {
                properties.add(propspec(s, name));
            } else if (name.equals("reason") && s.tryConsume('=')) {
                if (reason != null) {
                    s.reset(start);
                    throw s.error("a second reason= in one resinfo");
                }
                s.skipCfws();
                reason = AuthResultsSyntax.normalizeText(s.value("a reason"));
            } else {
                s.reset(start);
                throw s.error("'" + name + "' is neither 'reason=' nor a property (ptype.property=value)");
            }
            s.skipCfws();
        }
        return new ResultInfo(method, result, comment, reason, properties);
    }

    /** RFC 8601 §2.2 method: {@code Keyword [[CFWS] "/" [CFWS] method-version]}; only version 1 is known. */
    private static String method(AuthResultsScanner s) {
        String method = s.keyword("a method");
        s.skipCfws();
        if (s.tryConsume('/')) {
            s.skipCfws();
            int start = s.position();
            int version = s.digits("method-version");
            if (version != SUPPORTED_VERSION) {
                s.reset(start);
                throw s.error("unsupported method-version " + method + "/" + version + " (RFC 8601 §2.6)");
            }
            s.skipCfws();
        }
        return method;
    }

    /** RFC 8601 §2.2 propspec after its ptype: {@code [CFWS] "." [CFWS] property [CFWS] "=" pvalue}. */
    private static ResultProperty propspec(AuthResultsScanner s, String ptype) {
        s.expect('.', "after the ptype");
        s.skipCfws();
        String property = s.keyword("a property");
        s.skipCfws();
        s.expect('=', "after '" + ptype + "." + property + "'");
        s.skipCfws();
        return new ResultProperty(ptype, property, s.pvalue());
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
