package dev.inkan.dmarc;

/**
 * Identifier Alignment of Authenticated Identifiers with one Author Domain (RFC 9989 §3.2.10, §4.4,
 * §4.10.2; RFC 7489 §3.1), through the Organizational Domain function of the mode. Not thread-safe: one
 * per Author Domain and evaluation.
 */
final class IdentifierAlignment {

    /** The outcome of one alignment check. */
    enum Outcome {
        ALIGNED,
        NOT_ALIGNED,
        /** The Organizational Domain of one of the two could not be found (DNS failed temporarily). */
        UNKNOWN
    }

    private final String author;
    private final OrganizationalDomains organizationalDomains;
    private OrganizationalDomain authorOrganizational;
    private String unknownDetail = "";

    IdentifierAlignment(String author, OrganizationalDomains organizationalDomains) {
        this.author = author;
        this.organizationalDomains = organizationalDomains;
    }

    /**
     * Whether {@code identifier} (a DKIM {@code d=} or the SPF domain, as given) is aligned with the Author
     * Domain under {@code mode}:
     * <ul>
     *   <li>a name that is not a domain name is never aligned;</li>
     *   <li>identical names (case-insensitive, RFC 9989 §4.4) are aligned in both modes, with no DNS (§4.10.2:
     *       "There is no need to perform Identifier Alignment Evaluations" when they are the same);</li>
     *   <li>strict mode: nothing else is aligned (§3.2.10.2: "a simple string comparison");</li>
     *   <li>relaxed mode: aligned when both have the same Organizational Domain (§3.2.10.1), found by the
     *       tree walk or the Public Suffix List; names under different top-level domains never share one,
     *       so they are not aligned without any lookup.</li>
     * </ul>
     */
    Outcome check(String identifier, AlignmentMode mode) {
        String domain = DomainNames.normalise(identifier).orElse(null);
        if (domain == null) {
            return Outcome.NOT_ALIGNED;
        }
        if (domain.equals(author)) {
            return Outcome.ALIGNED;
        }
        if (mode == AlignmentMode.STRICT || !DomainNames.topLabel(domain).equals(DomainNames.topLabel(author))) {
            return Outcome.NOT_ALIGNED;
        }
        OrganizationalDomain authorOrg = authorOrganizational();
        if (!authorOrg.isKnown()) {
            unknownDetail = authorOrg.detail();
            return Outcome.UNKNOWN;
        }
        OrganizationalDomain identifierOrg = organizationalDomains.of(domain);
        if (!identifierOrg.isKnown()) {
            unknownDetail = identifierOrg.detail();
            return Outcome.UNKNOWN;
        }
        return authorOrg.organizationalDomain().equals(identifierOrg.organizationalDomain()) ? Outcome.ALIGNED
                : Outcome.NOT_ALIGNED;
    }

    /** The Author Domain's Organizational Domain if a relaxed check needed it, else null. */
    String authorOrganizationalDomainIfKnown() {
        return authorOrganizational == null ? null : authorOrganizational.organizationalDomain();
    }

    /** The DNS failure behind the last {@link Outcome#UNKNOWN}, else empty. */
    String unknownDetail() {
        return unknownDetail;
    }

    private OrganizationalDomain authorOrganizational() {
        if (authorOrganizational == null) {
            authorOrganizational = organizationalDomains.of(author);
        }
        return authorOrganizational;
    }
}
