package dev.inkan.dmarc;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a DMARC evaluation: the RFC 9989 §9.2 result, its typed reason and a human comment, the
 * policy that applied and the disposition, and the aligned identifiers. Formats as an RFC 8601 resinfo
 * ({@link #toResultInfo()}).
 *
 * <p>For a message with several author domains (RFC 9989 §11.5) this is the verdict of the deciding
 * domain, with every domain's verdict in {@link #authorVerdicts()}.
 *
 * @param result the result
 * @param reason why
 * @param comment human text, e.g. "no aligned DKIM or SPF pass for example.com (DKIM d=example.net)"
 * @param authorDomain the Author Domain (A-label), or null when none could be extracted
 * @param organizationalDomain the Author Domain's Organizational Domain when the evaluation needed it
 *     (relaxed alignment of a different name), else null
 * @param policy the record that applied and the disposition; null for none, temperror and permerror
 * @param alignedDkim the passing DKIM signatures aligned with the Author Domain
 * @param alignedSpf the SPF result when it passed and is aligned, else null
 * @param mode the mode the evaluation followed
 * @param authorVerdicts one verdict per author domain when there were several, else empty
 */
public record DmarcVerdict(DmarcResult result, DmarcReason reason, String comment, String authorDomain,
        String organizationalDomain, AppliedPolicy policy, List<DkimInput> alignedDkim, SpfInput alignedSpf,
        DmarcMode mode, List<DmarcVerdict> authorVerdicts) {

    /** The method name in Authentication-Results (RFC 9989 §9.1, RFC 8601 §2.7). */
    public static final String METHOD = "dmarc";

    public DmarcVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(mode, "mode");
        alignedDkim = List.copyOf(alignedDkim);
        authorVerdicts = List.copyOf(authorVerdicts);
        if (reason.result() != result) {
            throw new IllegalArgumentException(reason + " gives " + reason.result() + ", not " + result);
        }
    }

    /** A verdict without a policy (none, temperror, permerror). */
    static DmarcVerdict of(DmarcReason reason, String comment, String authorDomain, DmarcMode mode) {
        return new DmarcVerdict(reason.result(), reason, comment, authorDomain, null, null, List.of(), null, mode,
                List.of());
    }

    public boolean passed() {
        return result == DmarcResult.PASS;
    }

    /** What to do with the message: the policy's disposition, none when no policy applied. */
    public DmarcPolicy disposition() {
        return policy == null ? DmarcPolicy.NONE : policy.disposition();
    }

    /** This verdict with the verdicts of all author domains attached. */
    DmarcVerdict withAuthorVerdicts(List<DmarcVerdict> verdicts) {
        return new DmarcVerdict(result, reason, comment, authorDomain, organizationalDomain, policy, alignedDkim,
                alignedSpf, mode, verdicts);
    }

    /**
     * This verdict as an RFC 8601 resinfo: {@code dmarc=<result> (<comment>) header.from=<author domain>
     * policy.dmarc=<disposition>}.
     *
     * <ul>
     *   <li>{@code header.from}: the Author Domain, as an A-label (RFC 9989 §9.1: "The domain portion of
     *       the RFC5322.From header field"; RFC 7489 §11.1); left out when there is none.</li>
     *   <li>{@code policy.dmarc}: the disposition, none / quarantine / reject (RFC 9989 §9.1: "The
     *       evaluated DMARC policy applied / to be applied after policy options have been processed"),
     *       written whenever a record applied (pass or fail); left out for none, temperror and
     *       permerror, where no policy was evaluated.</li>
     *   <li>The comment: when a record applied, the tag and value that applied and the disposition in
     *       OpenDMARC's style ({@code p=reject dis=reject}, see {@link AppliedPolicy}); otherwise the
     *       human comment. With several author domains it starts with their number.</li>
     * </ul>
     */
    public ResultInfo toResultInfo() {
        String text = policy != null ? policy.summary(mode) : comment;
        if (authorVerdicts.size() > 1) {
            text = authorVerdicts.size() + " author domains; " + text;
        }
        List<ResultProperty> properties = new ArrayList<>();
        if (authorDomain != null) {
            properties.add(ResultProperty.header("from", authorDomain));
        }
        if (policy != null) {
            properties.add(ResultProperty.policy("dmarc", policy.disposition().keyword()));
        }
        return new ResultInfo(METHOD, result.keyword(), text, null, properties);
    }
}
