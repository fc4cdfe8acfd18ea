package dev.inkan.dns;

/**
 * How a DNS query ended. Protocols map these to their own results once, where the outcome is known:
 * for DKIM (RFC 6376 §6.1.2) NXDOMAIN and NO_DATA mean "no key" (permanent), TEMPFAIL means temperror;
 * SPF (RFC 7208 §4.4, §4.6.4) counts NXDOMAIN and NO_DATA as void lookups.
 */
public enum DnsStatus {
    /** The name exists and has at least one record of the asked type. */
    FOUND,
    /**
     * RCODE 3 (RFC 1035 §4.1.1): the name does not exist, nor does anything below it (RFC 8020). Also
     * the answer for a name that is not a valid DNS name (detail {@code "invalid DNS name: …"}).
     */
    NXDOMAIN,
    /**
     * The name exists but has no record of the asked type: NOERROR with an empty answer, "NODATA" in
     * RFC 2308 §2.2. An empty non-terminal (a name with records only below it) answers this way.
     */
    NO_DATA,
    /** Timeout, SERVFAIL, REFUSED, network error: a later attempt may succeed. */
    TEMPFAIL
}
