package dev.inkan.dmarc.report;

import dev.inkan.dmarc.AppliedPolicy;
import dev.inkan.dmarc.DmarcMode;
import dev.inkan.dmarc.DmarcRecord;
import java.util.List;
import java.util.Objects;

/**
 * The {@code policy_published} element of RFC 9990 §3.1.1.5: the DMARC Policy Record as the receiver found it,
 * unspecified tags at their defaults, plus where reports go ({@code rua}, {@code ruf}; not written in the XML).
 *
 * @param domain the DMARC Policy Domain (where the record was found)
 * @param p "none", "quarantine" or "reject"
 * @param sp the sp policy, or null when the record has none
 * @param np the np policy (RFC 9989), or null when the record has none or in RFC 7489 mode
 * @param adkim "r" or "s"
 * @param aspf "r" or "s"
 * @param discoveryMethod "treewalk" (RFC 9989) or "psl" (RFC 7489)
 * @param fo the failure reporting options, colon-separated ("0" by default)
 * @param testing "y" or "n" (the t tag of RFC 9989); null in RFC 7489 mode
 * @param rua the aggregate report URIs as published, size limits ({@code !10m}) kept
 * @param ruf the failure report URIs as published, size limits kept
 */
public record PublishedPolicy(String domain, String p, String sp, String np, String adkim, String aspf,
        String discoveryMethod, String fo, String testing, List<String> rua, List<String> ruf) {

    public PublishedPolicy {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(adkim, "adkim");
        Objects.requireNonNull(aspf, "aspf");
        Objects.requireNonNull(discoveryMethod, "discoveryMethod");
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
    }

    /** The policy of the record an evaluation applied. */
    public static PublishedPolicy of(AppliedPolicy applied, DmarcMode mode) {
        DmarcRecord r = applied.record();
        boolean rfc9989 = mode == DmarcMode.RFC9989;
        return new PublishedPolicy(applied.domain(), r.p().keyword(), r.sp() == null ? null : r.sp().keyword(),
                rfc9989 && r.np() != null ? r.np().keyword() : null, r.adkim().tagValue(), r.aspf().tagValue(),
                rfc9989 ? "treewalk" : "psl", String.join(":", r.fo()), rfc9989 ? (r.testing() ? "y" : "n") : null,
                published(r, "rua"), published(r, "ruf"));
    }

    /** The tag's URIs as written (the record keeps only the valid ones, without size limits). */
    private static List<String> published(DmarcRecord r, String tag) {
        String value = r.tags().get(tag);
        if (value == null || r.isInvalid(tag)) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
    }
}
