package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import java.util.List;

/**
 * The outcome of one SPF check: the RFC 7208 result, its typed reason, a human comment, and what was
 * checked and how. Formats as an RFC 8601 resinfo ({@link #toResultInfo()}) and as an RFC 7208 §9.1
 * Received-SPF field ({@link #receivedSpf()}).
 *
 * @param result the check_host() result
 * @param reason why
 * @param comment human text, e.g. "domain of bob@example.com designates 192.0.2.1 as permitted sender";
 *     control characters (from a broken record) shown as '?'
 * @param request what was checked
 * @param receiver the receiving host's name (Received-SPF {@code receiver})
 * @param mechanism the directive that decided as written ("-all", "include:_spf.example.net"), "default"
 *     when none matched; null for none / temperror / permerror
 * @param problem details of a none, temperror or permerror; null otherwise
 * @param explanation the explanation of a fail (RFC 7208 §6.2), or null
 * @param dnsTerms DNS-querying terms evaluated (§4.6.4; at most 10, one more when the limit was hit)
 * @param voidLookups terms whose lookup found nothing (§4.6.4)
 * @param localPartUsed an evaluated directive or redirect used {@code %{s}} or {@code %{l}}: the policy
 *     looked at the local-part, so Authentication-Results reports the whole address (RFC 8601 §2.7.2)
 */
public record SpfVerdict(SpfResult result, SpfReason reason, String comment, SpfRequest request, String receiver,
        String mechanism, String problem, String explanation, int dnsTerms, int voidLookups, boolean localPartUsed) {

    /** The method name in Authentication-Results (RFC 8601 §2.7.2). */
    public static final String METHOD = "spf";

    public boolean passed() {
        return result == SpfResult.PASS;
    }

    public SpfIdentity identity() {
        return request.identity();
    }

    /** The &lt;domain&gt; of the checked identity (the MAIL FROM domain, or the HELO name). */
    public String domain() {
        return request.domain();
    }

    static SpfVerdict of(SpfRequest request, SpfOutcome outcome, String explanation, int dnsTerms, int voidLookups,
            boolean localPartUsed, String receiver) {
        String ip = IpLiteral.format(request.clientIp());
        String sender = request.sender();
        boolean evaluated = outcome.mechanism() != null;
        String comment = switch (outcome.result()) {
            case PASS -> "domain of " + sender + " designates " + ip + " as permitted sender";
            case FAIL -> "domain of " + sender + " does not designate " + ip + " as permitted sender";
            case SOFTFAIL -> "domain of transitioning " + sender + " does not designate " + ip + " as permitted sender";
            case NEUTRAL -> ip + " is neither permitted nor denied by domain of " + sender;
            case NONE -> outcome.reason() == SpfReason.INVALID_DOMAIN ? "not checked: " + outcome.detail()
                    : outcome.detail();
            case TEMPERROR, PERMERROR -> outcome.reason().text() + ": " + outcome.detail();
        };
        return new SpfVerdict(outcome.result(), outcome.reason(), printable(comment), request, receiver,
                evaluated ? outcome.mechanism() : null, evaluated || outcome.detail() == null ? null
                        : printable(outcome.detail()),
                outcome.result() == SpfResult.FAIL ? explanation : null, dnsTerms, voidLookups, localPartUsed);
    }

    /**
     * This verdict as an RFC 8601 resinfo: {@code spf=<result> (<comment>) smtp.mailfrom=<value>} or
     * {@code smtp.helo=<HELO name>} (RFC 8601 §2.7.2, RFC 7208 §9.2).
     *
     * <p>The {@code smtp.mailfrom} value is the MAIL FROM domain: RFC 8601 §2.7.2 says it SHOULD NOT include
     * the local-part when the policies used "do not contain explicit provisions for authenticating the
     * local-part", and RFC 8601 §2.7.2's and RFC 7208 §9.2's examples report {@code smtp.mailfrom=example.net}.
     * When an evaluated term did use the local-part ({@code %{s}} or {@code %{l}}), the whole address is
     * reported. For the null reverse-path the identity is {@code postmaster@<helo>} (RFC 7208 §2.4), so
     * the value is the HELO name. An empty value is left out.
     */
    public ResultInfo toResultInfo() {
        String value = switch (request.identity()) {
            case HELO -> request.helo();
            case MAILFROM -> localPartUsed ? request.sender() : request.domain();
        };
        List<ResultProperty> properties = value.isEmpty() ? List.of()
                : List.of(ResultProperty.smtp(request.identity().keyword(), printable(value)));
        return new ResultInfo(METHOD, result.keyword(), comment, null, properties);
    }

    /** The Received-SPF trace field of RFC 7208 §9.1 for this verdict. */
    public ReceivedSpfField receivedSpf() {
        return ReceivedSpfField.of(this);
    }

    /** Control characters (never in a valid identity, refused by the formatter) as '?'. */
    static String printable(String value) {
        int first = 0;
        while (first < value.length() && !unprintable(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            return value; // nearly always: nothing to replace, nothing to copy
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) { // the replaced range is below the surrogates: chars will do
            char c = value.charAt(i);
            out.append(unprintable(c) ? '?' : c);
        }
        return out.toString();
    }

    private static boolean unprintable(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0);
    }
}
