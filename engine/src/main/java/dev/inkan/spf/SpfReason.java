package dev.inkan.spf;

/**
 * Why check_host() gave its result, each with the result it always gives (none for {@link
 * #MATCHED_MECHANISM}, whose result is the directive's qualifier) and a short human text.
 */
public enum SpfReason {
    /** §4.6.2: a directive's mechanism matched; the result is its qualifier's. */
    MATCHED_MECHANISM(null, "mechanism matched"),
    /** §4.7: no mechanism matched and there is no redirect. */
    DEFAULT_NEUTRAL(SpfResult.NEUTRAL, "no mechanism matched"),
    /** §4.3: the identity's domain is malformed, an address literal or a single label. */
    INVALID_DOMAIN(SpfResult.NONE, "not a valid multi-label domain name"),
    /** §4.3: the domain does not exist (NXDOMAIN). */
    NO_SUCH_DOMAIN(SpfResult.NONE, "domain does not exist"),
    /**
     * RFC 4406 §4.3: the domain does not exist, and the record selection (Sender ID's PRA test) says that
     * ends check_host() with "fail".
     */
    NONEXISTENT_DOMAIN_FAILS(SpfResult.FAIL, "domain does not exist"),
    /** §4.5: the domain has no TXT record starting with "v=spf1" (or none its record selection takes). */
    NO_RECORD(SpfResult.NONE, "no SPF record"),
    /** §4.5: the domain has more than one SPF record. */
    MULTIPLE_RECORDS(SpfResult.PERMERROR, "more than one SPF record"),
    /** §4.6, §12: the record does not follow the SPF grammar (terms, macros, CIDR, non-ASCII). */
    SYNTAX_ERROR(SpfResult.PERMERROR, "SPF record syntax error"),
    /** §5.2: an include: target has no SPF record, or is not a valid domain. */
    INCLUDE_NONE(SpfResult.PERMERROR, "include: target has no SPF record"),
    /** §6.1: a redirect= target has no SPF record, or is not a valid domain. */
    REDIRECT_NONE(SpfResult.PERMERROR, "redirect= target has no SPF record"),
    /** §4.6.4: more than 10 DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole check. */
    TOO_MANY_LOOKUPS(SpfResult.PERMERROR, "too many DNS lookups"),
    /** §4.6.4: more than 2 terms whose DNS query returned NXDOMAIN or no records. */
    TOO_MANY_VOID_LOOKUPS(SpfResult.PERMERROR, "too many void DNS lookups"),
    /** §4.6.4: an mx mechanism found more than 10 MX records. */
    TOO_MANY_MX(SpfResult.PERMERROR, "too many MX records"),
    /** §2.6.6, §4.4, §5: a DNS query timed out or failed (RCODE other than 0 or 3). */
    DNS_TEMPFAIL(SpfResult.TEMPERROR, "DNS lookup failed"),
    /** §4.6.4: the evaluation took longer than the configured time limit. */
    TIME_LIMIT(SpfResult.TEMPERROR, "SPF evaluation time limit exceeded"),
    /** A fault inside Inkan or the resolver; the check should be retried. */
    INTERNAL_ERROR(SpfResult.TEMPERROR, "internal error");

    private final SpfResult result;
    private final String text;

    SpfReason(SpfResult result, String text) {
        this.result = result;
        this.text = text;
    }

    /** The result this reason always gives, or null for {@link #MATCHED_MECHANISM}. */
    public SpfResult result() {
        return result;
    }

    /** The short human text, e.g. "too many void DNS lookups". */
    public String text() {
        return text;
    }
}
