package dev.inkan.diagnosis;

import dev.inkan.dmarc.AuthorDomains;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dmarc.DmarcMode;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcRecord;
import dev.inkan.dmarc.DmarcRecordParse;
import dev.inkan.dmarc.DmarcRecordParser;
import dev.inkan.dmarc.DmarcRequest;
import dev.inkan.dmarc.DmarcResult;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dmarc.OrganizationalDomain;
import dev.inkan.dmarc.report.ReportDestinations;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.OversizedTxtString;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Explains the DMARC record of a domain (RFC 9989, with what RFC 7489 receivers still do). The record is read by
 * {@link DmarcRecordParser}; what receivers apply comes from Inkan's own {@link DmarcEvaluator} (policy discovery,
 * tree walk, the rules for unusable records), run for a message from the domain that nothing authenticates; report
 * destinations are checked by {@link ReportDestinations#verify}, as Inkan does before it sends a report.
 */
public final class DmarcRecordCheck {

    private final TxtLookup txt;
    private final DmarcEvaluator evaluator;

    public DmarcRecordCheck(DnsResolver resolver) {
        this(resolver, List.of());
    }

    public DmarcRecordCheck(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
        this.txt = new TxtLookup(resolver, zoneStrings);
        this.evaluator = new DmarcEvaluator(DmarcConfig.rfc9989(resolver));
    }

    /** Checks the DMARC record at {@code _dmarc.<domain>} and what receivers make of it. */
    public RecordReport check(String domain) {
        String name = "_dmarc." + domain;
        TxtLookup.Result answer = txt.txt(name, "DMARC record", "publish a TXT record at " + name + ", to start "
                + "\"v=DMARC1; p=none; rua=mailto:dmarc-reports@" + domain + "\", then p=quarantine or p=reject");
        List<Finding> findings = new ArrayList<>();
        DmarcVerdict verdict = evaluator.evaluate(DmarcRequest.builder(AuthorDomains.of(domain)).build());
        if (!answer.found() && verdict.policy() != null && !verdict.policy().domain().equals(domain)) {
            findings.add(Finding.info("policy-inherited", "no record at " + name + "; receivers apply the record of "
                    + "_dmarc." + verdict.policy().domain() + " (" + verdict.toResultInfo().comment() + ")"));
            return new RecordReport(name + " TXT", findings);
        }
        findings.addAll(answer.findings());
        if (answer.found()) {
            findings.addAll(records(domain, name, answer.answer().records()));
            findings.addAll(verdict(verdict, findings));
        }
        return new RecordReport(name + " TXT", findings);
    }

    private List<Finding> records(String domain, String name, List<String> texts) {
        List<Finding> findings = new ArrayList<>();
        List<DmarcRecord> dmarc = new ArrayList<>();
        String notDmarc = null;
        for (String text : texts) {
            DmarcRecordParse parse = DmarcRecordParser.parse(text);
            if (parse.isDmarc()) {
                dmarc.add(parse.record());
            } else if (text.regionMatches(true, text.length() - text.stripLeading().length(), "v", 0, 1)
                    || text.toLowerCase(Locale.ROOT).contains("dmarc")) {
                notDmarc = text + "\" " + parse.notDmarc();
            }
        }
        if (dmarc.isEmpty()) {
            findings.add(notDmarc != null
                    ? Finding.error("version-error", "the record \"" + notDmarc + ": receivers ignore it (RFC 9989 "
                            + "section 4.7: the first tag must be v=DMARC1, in capitals)", "start the record with "
                            + "v=DMARC1;")
                    : Finding.error("record-missing", "no TXT record at " + name + " starts with v=DMARC1",
                            "publish \"v=DMARC1; p=none; rua=mailto:...\" at " + name));
            return findings;
        }
        if (dmarc.size() > 1) {
            findings.add(Finding.error("multiple-records", dmarc.size() + " DMARC records at " + name + ": RFC 9989 "
                    + "section 4.10 receivers discard them all, RFC 7489 ones answer permerror", "keep one record"));
            return findings;
        }
        DmarcRecord record = dmarc.get(0);
        findings.addAll(syntax(record));
        findings.addAll(policy(record));
        findings.addAll(destinations(domain, record, "rua"));
        findings.addAll(destinations(domain, record, "ruf"));
        return findings;
    }

    /** RFC 9989 §4.8: what the parser discarded or ignored, and tags neither RFC defines. */
    private static List<Finding> syntax(DmarcRecord record) {
        List<Finding> findings = new ArrayList<>();
        for (String problem : record.problems()) {
            if (problem.matches("tag (p|sp|np) .*")) {
                findings.add(Finding.error("invalid-policy", problem + ": receivers cannot use the policy (RFC 9989 "
                        + "section 4.10.1: without a valid rua there is no DMARC at all, with one it acts as p=none)",
                        "write none, quarantine or reject"));
            } else if (problem.startsWith("tag rua") || problem.startsWith("tag ruf")) {
                findings.add(Finding.error("invalid-report-uri", problem + ": no report goes there (RFC 9989 section "
                        + "4.7: a comma-separated list of URIs)", "write mailto:address, e.g. rua=mailto:dmarc@"
                        + "example.com"));
            } else {
                findings.add(Finding.warning("syntax-error", problem + " (RFC 9989 section 4.8)",
                        "correct the tag: name=value pairs separated by \";\""));
            }
        }
        Set<String> known = new HashSet<>(DmarcMode.RFC9989.tags());
        known.addAll(DmarcMode.RFC7489.tags());
        for (String tag : record.tags().keySet()) {
            if (!known.contains(tag)) {
                findings.add(Finding.warning("unknown-tag", "tag " + tag + "= is not a DMARC tag, so receivers ignore "
                        + "it (RFC 9989 section 4.7)", "remove it, or correct the tag name"));
            }
        }
        return findings;
    }

    /** p= and reports (RFC 9989 §4.7), t= and the historic pct= (Appendix A.6). */
    private static List<Finding> policy(DmarcRecord record) {
        List<Finding> findings = new ArrayList<>();
        if (!record.has("p")) {
            findings.add(Finding.warning("no-policy-tag", "the record has no p=: RFC 9989 receivers treat it as "
                    + "p=none, RFC 7489 ones as invalid", "write p=none, p=quarantine or p=reject"));
        }
        boolean monitoring = record.p() == null || record.p() == DmarcPolicy.NONE;
        if (monitoring && record.rua().isEmpty()) {
            findings.add(Finding.warning("no-reports", "p=none without rua: receivers act on nothing and report "
                    + "nothing, so the record has no effect at all", "add rua=mailto:... to receive aggregate reports, "
                    + "and move to p=quarantine or p=reject once they show your mail passes"));
        }
        if (record.testing()) {
            findings.add(Finding.warning("testing-mode", "t=y: the domain is testing its policy (RFC 9989 section "
                    + "4.7); receivers apply one level less: reject becomes quarantine, quarantine becomes none",
                    "remove t=y (or write t=n) once reports show your mail passes"));
        }
        if (record.has("pct")) {
            String value = record.tags().get("pct");
            String test = record.has("t") ? "" : record.pct() < 100
                    ? " To test a policy, RFC 9989 has t=y (pct=0 is its old equivalent): receivers then apply one "
                            + "level less than p=." : "";
            findings.add(Finding.warning("pct-obsolete", "pct=" + value + " is RFC 7489's sampling rate; RFC 9989 "
                    + "(Appendix A.6) removed it, and its receivers, Inkan among them, ignore it, while RFC 7489 ones "
                    + "still apply the policy to only that share of failing mail." + test,
                    record.pct() < 100 ? "replace pct=" + value + " with t=y while testing, then remove both"
                            : "remove pct=100, it is the default anyway"));
        }
        return findings;
    }

    /** RFC 9990 §4 (RFC 7489 §7.1): destinations outside the domain's Organizational Domain must agree. */
    private List<Finding> destinations(String domain, DmarcRecord record, String tag) {
        List<Finding> findings = new ArrayList<>();
        for (ReportDestinations.ReportUri uri : ReportDestinations.parse(record.tags().get(tag))) {
            ReportDestinations.Verification v = ReportDestinations.verify(domain, uri, this::organizationalDomain,
                    txt.resolver());
            String name = domain + "._report._dmarc." + uri.host();
            switch (v.outcome()) {
                case REFUSED -> findings.add(Finding.error("report-destination-unauthorized", tag + "=" + uri.uri()
                        + " is outside " + domain + "'s Organizational Domain and " + v.detail() + ": receivers "
                        + "will not send reports there (RFC 9990 section 4)", "ask the operator of " + uri.host()
                        + " to publish TXT \"v=DMARC1\" at " + name + ", or use an address in your own domain"));
                case TEMPFAIL -> findings.add(Finding.error("dns-failure", tag + "=" + uri.uri() + ": the "
                        + "authorization could not be checked (" + v.detail() + ")", "check again later"));
                case UNSUPPORTED -> findings.add(Finding.warning("report-uri-unsupported", tag + "=" + uri.uri()
                        + ": only mailto: destinations receive reports", "use a mailto: address"));
                case AUTHORIZED -> findings.add(Finding.info("report-destination-authorized", tag + "=" + uri.uri()
                        + " is authorized by " + v.detail()));
                case SAME_ORGANIZATION -> {
                    // inside the domain: nothing to authorize
                }
            }
        }
        return findings;
    }

    private OrganizationalDomain organizationalDomain(String name) {
        try {
            return evaluator.organizationalDomain(name);
        } catch (IllegalArgumentException e) {
            return new OrganizationalDomain(name, name, "");
        }
    }

    /** What Inkan's evaluator does for a message from the domain that nothing authenticates. */
    private static List<Finding> verdict(DmarcVerdict verdict, List<Finding> sofar) {
        boolean errors = sofar.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        if (verdict.result() == DmarcResult.FAIL && verdict.policy() != null) {
            return List.of(Finding.info("policy", "for mail from " + verdict.authorDomain() + " that fails DMARC, "
                    + "receivers apply the record of _dmarc." + verdict.policy().domain() + ": "
                    + verdict.toResultInfo().comment()));
        }
        if (verdict.result() == DmarcResult.TEMPERROR) {
            return List.of(Finding.error("dns-failure", "receivers get a temporary error: " + verdict.comment(),
                    "make the name servers answer"));
        }
        if (errors) {
            return List.of();
        }
        return List.of(Finding.error(verdict.result() == DmarcResult.NONE ? "no-policy" : "invalid-policy",
                "receivers find no usable DMARC policy: " + verdict.comment(), "publish one valid v=DMARC1 record"));
    }
}
