package dev.inkan.dmarc;

import java.util.Objects;

/**
 * The Organizational Domain of a domain (RFC 9989 §3.2.14), or why it could not be found: the tree walk
 * (§4.10) needs DNS, which may fail temporarily.
 *
 * @param domain the domain asked about
 * @param organizationalDomain its Organizational Domain, or null when a DNS query failed temporarily
 * @param detail the temporary failure ("_dmarc.example.com: timed out"), else empty
 */
public record OrganizationalDomain(String domain, String organizationalDomain, String detail) {

    public OrganizationalDomain {
        Objects.requireNonNull(domain, "domain");
        detail = detail == null ? "" : detail;
    }

    static OrganizationalDomain of(String domain, String organizationalDomain) {
        return new OrganizationalDomain(domain, Objects.requireNonNull(organizationalDomain), "");
    }

    static OrganizationalDomain tempFail(String domain, String detail) {
        return new OrganizationalDomain(domain, null, detail);
    }

    /** True when the Organizational Domain is known. */
    public boolean isKnown() {
        return organizationalDomain != null;
    }
}
