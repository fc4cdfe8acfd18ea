package dev.inkan.dmarc;

/** Why a DMARC evaluation gave its result; each reason always gives the same result. */
public enum DmarcReason {
    /** RFC 9989 §5.3.5: at least one Authenticated Identifier is aligned with the Author Domain. */
    ALIGNED(DmarcResult.PASS, "aligned authenticated identifier"),
    /** RFC 9989 §5.3.5: neither DKIM nor SPF (MAIL FROM) passed, so no Authenticated Identifier exists. */
    NO_AUTHENTICATED_IDENTIFIER(DmarcResult.FAIL, "no DKIM or SPF pass"),
    /** RFC 9989 §5.3.5: DKIM or SPF passed, but for no domain aligned with the Author Domain. */
    NOT_ALIGNED(DmarcResult.FAIL, "no aligned DKIM or SPF pass"),
    /** RFC 9989 §4.10.1, §5.3.2: no DMARC Policy Record for the Author Domain, its Organizational Domain or PSD. */
    NO_POLICY(DmarcResult.NONE, "no DMARC policy record"),
    /** RFC 9989 §4.2, §5.3.1: the message has no From field. */
    NO_FROM(DmarcResult.PERMERROR, "no From field"),
    /**
     * RFC 9989 §4.4: "Identifier Alignment cannot occur with a message ... with a ... repeated RFC5322.From header
     * field": more than one From field (RFC 5322 §3.6 allows exactly one). Given instead of a pass; a failing
     * author domain still fails (§11.5), so a second From cannot hide a spoofed one.
     */
    REPEATED_FROM(DmarcResult.PERMERROR, "more than one From field"),
    /**
     * RFC 9989 §4.4: alignment cannot occur with a malformed From field (one that broke RFC 5322 syntax and was
     * read leniently). Given instead of a pass; a failure still fails.
     */
    MALFORMED_FROM(DmarcResult.PERMERROR, "malformed From field"),
    /** RFC 9989 §5.3.1: the From field(s) hold no address with a domain (a bare name, an empty group). */
    NO_AUTHOR_DOMAIN(DmarcResult.PERMERROR, "no author domain in From"),
    /** RFC 9989 §5.3.1: the author domain is not a domain name (address literal, bad label, failed IDNA). */
    INVALID_AUTHOR_DOMAIN(DmarcResult.PERMERROR, "author domain is not a valid domain name"),
    /** RFC 9989 §5.3.1, §11.5: several author domains, and the configuration refuses to evaluate them. */
    MULTIPLE_AUTHOR_DOMAINS(DmarcResult.PERMERROR, "more than one author domain"),
    /** RFC 9989 §11.5: more author domains than the configured limit; the evaluation would be incomplete. */
    TOO_MANY_AUTHOR_DOMAINS(DmarcResult.PERMERROR, "too many author domains"),
    /** RFC 7489 §6.6.3 step 5: more than one DMARC record at the name queried. */
    MULTIPLE_RECORDS(DmarcResult.PERMERROR, "more than one DMARC record"),
    /**
     * RFC 9989 §4.10.1 (RFC 7489 §6.6.3 step 6): the record has no valid {@code p} or an invalid {@code sp}
     * or {@code np}, and no valid {@code rua} to fall back to {@code p=none} with.
     */
    INVALID_POLICY_RECORD(DmarcResult.PERMERROR, "DMARC record has no valid policy"),
    /** RFC 9989 §5.3.6: a DNS query DMARC needs (record, tree walk, domain existence) failed temporarily. */
    DNS_TEMPFAIL(DmarcResult.TEMPERROR, "DNS lookup failed"),
    /**
     * RFC 7489 §6.6.2: no aligned pass, and a DKIM or SPF check of an identifier that would be aligned
     * ended in temperror, so the failure may not be permanent.
     */
    AUTH_TEMPERROR(DmarcResult.TEMPERROR, "an aligned DKIM or SPF check failed temporarily"),
    /** A fault inside Inkan or the resolver; the evaluation should be retried. */
    INTERNAL_ERROR(DmarcResult.TEMPERROR, "internal error");

    private final DmarcResult result;
    private final String text;

    DmarcReason(DmarcResult result, String text) {
        this.result = result;
        this.text = text;
    }

    /** The result this reason gives. */
    public DmarcResult result() {
        return result;
    }

    /** A short human text, e.g. "no aligned DKIM or SPF pass". */
    public String text() {
        return text;
    }
}
