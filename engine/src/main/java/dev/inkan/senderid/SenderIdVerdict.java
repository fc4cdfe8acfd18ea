package dev.inkan.senderid;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one Sender ID check (RFC 4406 §4): the result of check_host() for the scope, with what was
 * checked. The result names are SPF's (RFC 4406 §4.2; RFC 7601 §2.7.2: "the SPF definitions enumerated above
 * are used instead", lower case).
 *
 * @param scope which identity was checked
 * @param result the result; permerror when the message has no PRA
 * @param comment human text, e.g. "domain of bob@example.com designates 192.0.2.1 as permitted sender", or
 *     "no purported responsible address: 2 non-empty From fields [RFC 4407 2 step 4]"
 * @param pra the PRA that was checked (scope PRA), null for the MAIL FROM scope and when there is none
 * @param spf the check_host() evaluation on the SPF evaluator (its reason, mechanism, explanation of a fail,
 *     lookup counts), null when there was no PRA to check
 */
public record SenderIdVerdict(SenderIdScope scope, SpfResult result, String comment, Pra pra, SpfVerdict spf) {

    /** The method name in Authentication-Results (RFC 7601 §2.7.2; "deprecated" in the IANA registry, RFC 8601 §6.3). */
    public static final String METHOD = "sender-id";

    public SenderIdVerdict {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(comment, "comment");
    }

    static SenderIdVerdict of(SenderIdScope scope, Pra pra, SpfVerdict spf) {
        return new SenderIdVerdict(scope, spf.result(), spf.comment(), pra, spf);
    }

    /** RFC 4407 §2 step 6 and RFC 4406 §4: no address could be determined; permerror. */
    static SenderIdVerdict noPra(String problem) {
        return new SenderIdVerdict(SenderIdScope.PRA, SpfResult.PERMERROR,
                "no purported responsible address: " + problem, null, null);
    }

    public boolean passed() {
        return result == SpfResult.PASS;
    }

    /** Whether the PRA check found no PRA (the message "SHOULD be rejected", RFC 4406 §4). */
    public boolean missingPra() {
        return scope == SenderIdScope.PRA && pra == null;
    }

    /** The field the PRA came from, or null (MAIL FROM scope, or no PRA). */
    public PraHeader header() {
        return pra == null ? null : pra.header();
    }

    /** The mailbox checked (the PRA, or the MAIL FROM &lt;sender&gt;), or null when there was no PRA. */
    public String identity() {
        return spf == null ? null : spf.request().sender();
    }

    /** The domain checked, or null when there was no PRA. */
    public String domain() {
        return spf == null ? null : spf.domain();
    }

    /**
     * This verdict as an RFC 8601 resinfo. PRA scope: {@code sender-id=pass header.from=example.com}, the
     * property named after the field the PRA came from (RFC 7601 §2.7.2: "the property will be the name of the
     * header field from which the Purported Responsible Address ... was extracted -- namely, one of
     * Resent-Sender, Resent-From, Sender, or From", written in lower case as in its Appendix B.4 example); no property when
     * there was no PRA. MAIL FROM scope: {@code sender-id=pass smtp.mailfrom=example.com} (RFC 7601 §4: "only
     * the parameter that yielded the result is included"; the registry lists only ptype "header" for
     * sender-id, so this one is our reading). The value is the domain unless the policy used the local-part
     * ({@code %{l}}, {@code %{s}}), then the whole address (§2.7.2), as for {@code spf=}.
     */
    public ResultInfo toResultInfo() {
        List<ResultProperty> spfProperties = spf == null ? List.of() : spf.toResultInfo().properties();
        List<ResultProperty> properties = pra == null ? spfProperties : spfProperties.stream()
                .map(p -> ResultProperty.header(pra.header().property(), p.value())).toList();
        return new ResultInfo(METHOD, result.keyword(), comment, null, properties);
    }
}
