package dev.inkan.dmarc;

import java.util.Objects;

/**
 * The DMARC Policy Record that applied to an Author Domain and what it asks for (RFC 9989 §4.10.1,
 * §5.3.6).
 *
 * @param domain the DMARC Policy Domain: where the record was found (RFC 9989 §3.2.5)
 * @param record the record (after the {@code p=none} fallback of §4.10.1, if it applied)
 * @param tag the tag whose policy applied: {@code p} for the Author Domain's own record, else {@code sp}
 *     or {@code np} when present (§4.10.1)
 * @param requested the Domain Owner Assessment Policy of that tag
 * @param disposition what to do with the message: none for a pass; for a fail the requested policy after
 *     testing mode, {@code pct} and overrides (the {@code policy.dmarc} of §9.1)
 * @param override why the disposition differs from the requested policy, or null
 * @param overrideComment human detail of the override, or null
 */
public record AppliedPolicy(String domain, DmarcRecord record, PolicyTag tag, DmarcPolicy requested,
        DmarcPolicy disposition, PolicyOverride override, String overrideComment) {

    public AppliedPolicy {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(disposition, "disposition");
    }

    /**
     * The Authentication-Results comment: the tag that applied and its value, testing mode or sampling
     * when they played a part, the disposition, and any override, e.g. {@code p=reject dis=reject},
     * {@code sp=quarantine t=y dis=none override=policy_test_mode}, {@code p=reject dis=none
     * override=trusted_forwarder (ARC chain sealed first by lists.example)}.
     */
    String summary(DmarcMode mode) {
        StringBuilder out = new StringBuilder();
        out.append(tag.tagName()).append('=').append(requested.keyword());
        if (mode == DmarcMode.RFC9989 && record.testing()) {
            out.append(" t=y");
        }
        if (mode == DmarcMode.RFC7489 && record.pct() < 100) {
            out.append(" pct=").append(record.pct());
        }
        out.append(" dis=").append(disposition.keyword());
        if (override != null) {
            out.append(" override=").append(override.reportName());
            if (overrideComment != null) {
                out.append(": ").append(overrideComment);
            }
        }
        return out.toString();
    }
}
