package dev.inkan.dmarc;

/**
 * The outcome of policy discovery for one Author Domain (RFC 9989 §4.10.1, RFC 7489 §6.6.3).
 *
 * @param kind what discovery found
 * @param domain the DMARC Policy Domain (RFC 9989 §3.2.5) where the record was found; for {@link
 *     Kind#MULTIPLE} the name with several records; else null
 * @param record the record that applies (after the p=none fallback), or the unusable one; else null
 * @param tag the tag whose policy applies, when {@code kind == APPLIES}
 * @param policy the requested policy, when {@code kind == APPLIES}
 * @param detail the DNS failure of {@link Kind#TEMPFAIL}, else empty
 */
record DiscoveredPolicy(Kind kind, String domain, DmarcRecord record, PolicyTag tag, DmarcPolicy policy,
        String detail) {

    enum Kind {
        /** A record applies, with {@link #policy()}. */
        APPLIES,
        /** No record: DMARC does not apply (RFC 9989 §5.3.2). */
        NONE,
        /** A DNS query failed temporarily. */
        TEMPFAIL,
        /** RFC 7489 §6.6.3 step 5: several records. */
        MULTIPLE,
        /** RFC 9989 §4.10.1: no valid policy and no valid {@code rua}. */
        UNUSABLE
    }

    static DiscoveredPolicy applies(String domain, DmarcRecord record, PolicyTag tag, DmarcPolicy policy) {
        return new DiscoveredPolicy(Kind.APPLIES, domain, record, tag, policy, "");
    }

    static DiscoveredPolicy none() {
        return new DiscoveredPolicy(Kind.NONE, null, null, null, null, "");
    }

    static DiscoveredPolicy tempFail(String detail) {
        return new DiscoveredPolicy(Kind.TEMPFAIL, null, null, null, null, detail);
    }

    static DiscoveredPolicy multiple(String domain) {
        return new DiscoveredPolicy(Kind.MULTIPLE, domain, null, null, null, "");
    }

    static DiscoveredPolicy unusable(String domain, DmarcRecord record) {
        return new DiscoveredPolicy(Kind.UNUSABLE, domain, record, null, null, "");
    }
}
