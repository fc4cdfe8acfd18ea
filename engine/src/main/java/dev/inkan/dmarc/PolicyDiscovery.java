package dev.inkan.dmarc;

import dev.inkan.dns.DnsStatus;
import dev.inkan.publicsuffix.PublicSuffixList;

/**
 * Finds the DMARC Policy Record that applies to an Author Domain and the policy it gives: RFC 9989
 * §4.10.1 (tree walk) or RFC 7489 §6.6.3 (Public Suffix List), by {@link DmarcMode}.
 */
final class PolicyDiscovery {

    private final DmarcMode mode;
    private final PolicyRecords records;
    private final PublicSuffixList publicSuffixList;

    PolicyDiscovery(DmarcMode mode, PolicyRecords records, PublicSuffixList publicSuffixList) {
        this.mode = mode;
        this.records = records;
        this.publicSuffixList = publicSuffixList;
    }

    DiscoveredPolicy discover(String author) {
        PolicyRecordAnswer own = records.at(author);
        if (own.tempFailed()) {
            return DiscoveredPolicy.tempFail(own.detail());
        }
        if (own.found()) {
            return applying(own, PolicyTag.P);
        }
        if (own.kind() == PolicyRecordAnswer.Kind.MULTIPLE && mode == DmarcMode.RFC7489) {
            return DiscoveredPolicy.multiple(author);
        }
        return mode == DmarcMode.RFC9989 ? walk(author) : organizational(author);
    }

    /**
     * RFC 9989 §4.10.1: without a record at the Author Domain, the record of its Organizational Domain
     * (found by the §4.10 walk and the §4.10.2 selection), else of its PSD (the {@code psd=y} record that
     * stopped the walk). "Note: PSD policy is not used for Organizational Domains that have published a
     * DMARC Policy Record."
     */
    private DiscoveredPolicy walk(String author) {
        TreeWalk walk = TreeWalk.from(author, records);
        if (!walk.completed()) {
            return DiscoveredPolicy.tempFail(walk.tempFail().detail());
        }
        PolicyRecordAnswer found = walk.recordAt(walk.organizationalDomain());
        if (found == null) {
            found = walk.publicSuffixRecord();
        }
        return found == null ? DiscoveredPolicy.none() : subdomainPolicy(author, found);
    }

    /**
     * RFC 7489 §6.6.3 steps 3–5: without a record at the Author Domain, the record of its Organizational
     * Domain by the Public Suffix List, if that is a different name; several records there end discovery.
     */
    private DiscoveredPolicy organizational(String author) {
        String org = publicSuffixList.registrableDomain(author).orElse(author);
        if (org.equals(author)) {
            return DiscoveredPolicy.none();
        }
        PolicyRecordAnswer answer = records.at(org);
        return switch (answer.kind()) {
            case TEMPFAIL -> DiscoveredPolicy.tempFail(answer.detail());
            case MULTIPLE -> DiscoveredPolicy.multiple(org);
            case NONE -> DiscoveredPolicy.none();
            case ONE -> subdomainPolicy(author, answer);
        };
    }

    /**
     * The policy for a subdomain of the record's domain (RFC 9989 §4.10.1): {@code np} when the Author
     * Domain does not exist and the record has one (RFC 9989 mode only), else {@code sp}, else {@code p}.
     * Existence is only asked when an {@code np} could apply.
     */
    private DiscoveredPolicy subdomainPolicy(String author, PolicyRecordAnswer found) {
        DmarcRecord record = found.record();
        if (mode == DmarcMode.RFC9989 && record.np() != null) {
            DnsStatus exists = records.existence(author);
            if (exists == DnsStatus.TEMPFAIL) {
                return DiscoveredPolicy.tempFail(author + ": existence check failed");
            }
            if (exists == DnsStatus.NXDOMAIN) {
                return applying(found, PolicyTag.NP);
            }
        }
        return applying(found, record.sp() != null ? PolicyTag.SP : PolicyTag.P);
    }

    /**
     * The record's policy under {@code tag}, after the rule for records without a valid policy (RFC 9989
     * §4.10.1; RFC 7489 §6.6.3 step 6): a record with an invalid {@code p} (RFC 7489: or none), or an
     * invalid {@code sp} or (RFC 9989) {@code np}, acts as {@code p=none} when its {@code rua} holds a valid
     * URI, else no DMARC processing applies. RFC 9989 §4.7 treats a record without {@code p} as
     * {@code p=none}.
     */
    private DiscoveredPolicy applying(PolicyRecordAnswer found, PolicyTag tag) {
        DmarcRecord record = found.record();
        boolean pUnusable = record.isInvalid("p") || (mode == DmarcMode.RFC7489 && !record.has("p"));
        boolean unusable = pUnusable || record.isInvalid("sp") || (mode == DmarcMode.RFC9989 && record.isInvalid("np"));
        if (unusable) {
            if (record.rua().isEmpty()) {
                return DiscoveredPolicy.unusable(found.domain(), record);
            }
            return DiscoveredPolicy.applies(found.domain(), record.withPolicyNone(), tag, DmarcPolicy.NONE);
        }
        DmarcPolicy policy = record.policy(tag);
        return DiscoveredPolicy.applies(found.domain(), record, tag, policy == null ? DmarcPolicy.NONE : policy);
    }
}
