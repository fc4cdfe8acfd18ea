package dev.inkan.dmarc;

import dev.inkan.publicsuffix.PublicSuffixList;

/**
 * The function that maps a domain to its Organizational Domain, chosen by the {@link DmarcMode}: the
 * RFC 9989 §4.10 tree walk, or the RFC 7489 §3.2 Public Suffix List. Domains are normalised A-labels.
 */
interface OrganizationalDomains {

    OrganizationalDomain of(String domain);

    /** RFC 9989 §4.10.2: a tree walk from the domain, through the evaluation's shared record lookups. */
    static OrganizationalDomains treeWalk(PolicyRecords records) {
        return domain -> {
            TreeWalk walk = TreeWalk.from(domain, records);
            return walk.completed() ? OrganizationalDomain.of(domain, walk.organizationalDomain())
                    : OrganizationalDomain.tempFail(domain, walk.tempFail().detail());
        };
    }

    /**
     * RFC 7489 §3.2: the public suffix plus one label. A domain that is itself a public suffix (or a
     * single unlisted label) has no such name; it is then its own Organizational Domain, as RFC 9989
     * §4.10.2 says when its process "does not determine the Organizational Domain", so {@code d=com} never
     * aligns with {@code example.com} (RFC 7489 §3.1.1).
     */
    static OrganizationalDomains publicSuffixList(PublicSuffixList list) {
        return domain -> OrganizationalDomain.of(domain, list.registrableDomain(domain).orElse(domain));
    }
}
