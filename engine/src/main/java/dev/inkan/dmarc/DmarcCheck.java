package dev.inkan.dmarc;

import java.util.ArrayList;
import java.util.List;

/**
 * The DMARC mechanism for one Author Domain (RFC 9989 §5.3.2–§5.3.6): discover the policy, check the
 * alignment of each Authenticated Identifier, decide pass or fail, and turn the requested policy into a
 * disposition. One per evaluation; shares the evaluation's record lookups.
 */
final class DmarcCheck {

    private final DmarcConfig config;
    private final PolicyDiscovery discovery;
    private final OrganizationalDomains organizationalDomains;

    DmarcCheck(DmarcConfig config, PolicyRecords records) {
        this.config = config;
        this.discovery = new PolicyDiscovery(config.mode(), records, config.publicSuffixList());
        this.organizationalDomains = config.mode() == DmarcMode.RFC9989 ? OrganizationalDomains.treeWalk(records)
                : OrganizationalDomains.publicSuffixList(config.publicSuffixList());
    }

    DmarcVerdict evaluate(String author, DmarcRequest request) {
        DiscoveredPolicy found = discovery.discover(author);
        DmarcMode mode = config.mode();
        return switch (found.kind()) {
            case TEMPFAIL -> DmarcVerdict.of(DmarcReason.DNS_TEMPFAIL, "DNS lookup failed: " + found.detail(), author,
                    mode);
            case NONE -> DmarcVerdict.of(DmarcReason.NO_POLICY, "no DMARC policy record for " + author, author, mode);
            case MULTIPLE -> DmarcVerdict.of(DmarcReason.MULTIPLE_RECORDS, "more than one DMARC record at _dmarc."
                    + found.domain(), author, mode);
            case UNUSABLE -> DmarcVerdict.of(DmarcReason.INVALID_POLICY_RECORD, "DMARC record at _dmarc."
                    + found.domain() + " has no valid policy and no valid rua", author, mode);
            case APPLIES -> aligned(author, found, request);
        };
    }

    /** RFC 9989 §5.3.4, §5.3.5: pass when any Authenticated Identifier is aligned. */
    private DmarcVerdict aligned(String author, DiscoveredPolicy found, DmarcRequest request) {
        IdentifierAlignment alignment = new IdentifierAlignment(author, organizationalDomains);
        DmarcRecord record = found.record();
        List<DkimInput> alignedDkim = new ArrayList<>();
        List<String> unaligned = new ArrayList<>();
        boolean unknown = false;
        for (DkimInput dkim : request.dkim()) {
            if (dkim.passed()) {
                IdentifierAlignment.Outcome outcome = alignment.check(dkim.domain(), record.adkim());
                if (outcome == IdentifierAlignment.Outcome.ALIGNED) {
                    alignedDkim.add(dkim);
                } else {
                    unknown |= outcome == IdentifierAlignment.Outcome.UNKNOWN;
                    unaligned.add("DKIM d=" + dkim.domain());
                }
            }
        }
        SpfInput spf = request.spf();
        SpfInput alignedSpf = null;
        if (spf != null && spf.authenticates()) {
            IdentifierAlignment.Outcome outcome = alignment.check(spf.domain(), record.aspf());
            if (outcome == IdentifierAlignment.Outcome.ALIGNED) {
                alignedSpf = spf;
            } else {
                unknown |= outcome == IdentifierAlignment.Outcome.UNKNOWN;
                unaligned.add("SPF " + spf.domain());
            }
        }
        String org = alignment.authorOrganizationalDomainIfKnown();
        if (!alignedDkim.isEmpty() || alignedSpf != null) {
            AppliedPolicy policy = new AppliedPolicy(found.domain(), record, found.tag(), found.policy(),
                    DmarcPolicy.NONE, null, null);
            return new DmarcVerdict(DmarcResult.PASS, DmarcReason.ALIGNED, passComment(alignedDkim, alignedSpf),
                    author, org, policy, alignedDkim, alignedSpf, config.mode(), List.of());
        }
        if (unknown) {
            return DmarcVerdict.of(DmarcReason.DNS_TEMPFAIL, "DNS lookup failed: " + alignment.unknownDetail(), author,
                    config.mode());
        }
        String temporary = temporaryFailure(request, record, alignment);
        if (temporary != null) {
            return DmarcVerdict.of(DmarcReason.AUTH_TEMPERROR, temporary + " failed temporarily", author, config.mode());
        }
        DmarcReason reason = unaligned.isEmpty() ? DmarcReason.NO_AUTHENTICATED_IDENTIFIER : DmarcReason.NOT_ALIGNED;
        String comment = unaligned.isEmpty() ? "no DKIM or SPF pass for " + author
                : "not aligned with " + author + ": " + String.join(", ", unaligned);
        return new DmarcVerdict(DmarcResult.FAIL, reason, comment, author, org,
                Disposition.of(config, found, request.arc()), List.of(), null, config.mode(), List.of());
    }

    /**
     * RFC 7489 §6.6.2: "If neither passes and one or both of them fail due to a temporary error, the
     * Receiver ... cannot apply the advertised DMARC policy." Only a temperror for an identifier that
     * would be aligned (or whose alignment is unknown) counts: one for an unrelated domain could never
     * have produced a pass. Returns what failed, or null.
     */
    private static String temporaryFailure(DmarcRequest request, DmarcRecord record, IdentifierAlignment alignment) {
        for (DkimInput dkim : request.dkim()) {
            if (dkim.tempFailed() && alignment.check(dkim.domain(), record.adkim())
                    != IdentifierAlignment.Outcome.NOT_ALIGNED) {
                return "DKIM d=" + dkim.domain();
            }
        }
        SpfInput spf = request.spf();
        if (spf != null && spf.tempFailed()
                && alignment.check(spf.domain(), record.aspf()) != IdentifierAlignment.Outcome.NOT_ALIGNED) {
            return "SPF " + spf.domain();
        }
        return null;
    }

    private static String passComment(List<DkimInput> dkim, SpfInput spf) {
        List<String> parts = new ArrayList<>();
        dkim.forEach(d -> parts.add("DKIM d=" + d.domain()));
        if (spf != null) {
            parts.add("SPF " + spf.domain());
        }
        return "aligned " + String.join(", ", parts);
    }
}
