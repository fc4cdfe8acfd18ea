package dev.inkan.diagnosis;

import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.OversizedTxtString;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfDirective;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfLimits;
import dev.inkan.spf.SpfMechanism;
import dev.inkan.spf.SpfQualifier;
import dev.inkan.spf.SpfRecord;
import dev.inkan.spf.SpfRecordParse;
import dev.inkan.spf.SpfRecordParser;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Explains the SPF record of a domain (RFC 7208). The record is parsed by {@link SpfRecordParser}; the limits of
 * §4.6.4 are counted by Inkan's own {@link SpfEvaluator}, run as a receiver would for a client the record does not
 * list (a reserved address, so every include and redirect is followed to its end): that evaluation is the
 * worst case any receiver meets, and its permerror is the verifier's permerror.
 */
public final class SpfRecordCheck {

    /** RFC 6890 reserved ("240.0.0.0/4") and discard-only (RFC 6666, "100::/64") addresses no record lists. */
    private static final List<InetAddress> PROBES = List.of(IpLiteral.parse("240.0.0.1").orElseThrow(),
            IpLiteral.parse("100::1").orElseThrow());
    /** What the counting evaluation may spend after the limit was passed, to say by how much. */
    private static final int COUNTING_LIMIT = 60;
    /** A TXT record that starts like SPF terms: the rest of a record split into two. */
    private static final Pattern SPF_TERMS = Pattern.compile(
            "(?i)[+~?-]?(ip4:|ip6:|include:|a[:/ ]|mx[:/ ]|ptr|exists:|redirect=|all$|all ).*");
    private static final Pattern SPF_LIKE = Pattern.compile("(?i)\\s*(v\\s*=\\s*spf|spf1|spf2\\.0).*");

    private final TxtLookup txt;

    public SpfRecordCheck(DnsResolver resolver) {
        this(resolver, List.of());
    }

    public SpfRecordCheck(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
        this.txt = new TxtLookup(resolver, zoneStrings);
    }

    /** Checks the SPF record of {@code domain} (the MAIL FROM or HELO domain it authorizes, RFC 7208 §2). */
    public RecordReport check(String domain) {
        TxtLookup.Result answer = txt.txt(domain, "SPF record", "publish one TXT record at " + domain
                + " starting with \"v=spf1 \", e.g. \"v=spf1 mx -all\" when only your MX hosts send your mail");
        List<Finding> findings = new ArrayList<>(answer.findings());
        if (answer.found()) {
            findings.addAll(records(domain, answer.answer().records()));
        }
        return new RecordReport(domain + " TXT", findings);
    }

    private List<Finding> records(String domain, List<String> texts) {
        List<Finding> findings = new ArrayList<>();
        List<String> spf = texts.stream().filter(SpfRecordParser::isSpfRecord).toList();
        if (spf.isEmpty()) {
            String near = texts.stream().filter(t -> SPF_LIKE.matcher(t).matches()).findFirst().orElse(null);
            findings.add(near != null
                    ? Finding.error("version-error", "the TXT record \"" + shortened(near) + "\" looks like SPF but "
                            + "does not start with \"v=spf1\" and a space (RFC 7208 section 4.5), so receivers ignore "
                            + "it: spf=none", "start the record with exactly v=spf1 followed by a space")
                    : Finding.error("record-missing", "no SPF record: none of the " + texts.size() + " TXT records at "
                            + domain + " starts with \"v=spf1 \" (RFC 7208 section 4.5)", "publish one TXT record at "
                            + domain + " starting with \"v=spf1 \""));
            return findings;
        }
        if (spf.size() > 1) {
            findings.add(Finding.error("multiple-records", spf.size() + " SPF records at " + domain + ": receivers "
                    + "answer permerror (RFC 7208 section 4.5, 3.2)", "merge them into one record"));
            return findings;
        }
        texts.stream().filter(t -> !SpfRecordParser.isSpfRecord(t) && SPF_TERMS.matcher(t.strip()).matches())
                .findFirst().ifPresent(rest -> findings.add(Finding.error("record-split", "the TXT record \""
                        + shortened(rest) + "\" at " + domain + " continues the SPF record, but receivers read only "
                        + "the record that starts with v=spf1; separate TXT records are never joined (RFC 7208 "
                        + "section 3.3)", "put all terms in the one v=spf1 record; split a long one into several "
                        + "quoted strings of that record, which are joined without spaces")));
        SpfRecordParse parse = SpfRecordParser.parse(spf.get(0));
        if (!parse.isOk()) {
            findings.add(Finding.error("syntax-error", "syntax error at \"" + parse.term() + "\": " + parse.error()
                    + "; receivers answer permerror (RFC 7208 section 4.6)", "correct or remove the term "
                    + parse.term()));
            return findings;
        }
        findings.addAll(terms(parse.record()));
        findings.addAll(evaluation(domain, findings));
        return findings;
    }

    /** What the record's own directives say: ptr (§5.5), +all and ?all (§5.1), terms after all, no all. */
    private static List<Finding> terms(SpfRecord record) {
        List<Finding> findings = new ArrayList<>();
        boolean afterAll = false;
        for (SpfDirective directive : record.directives()) {
            if (afterAll) {
                findings.add(Finding.warning("terms-after-all", directive.text() + " comes after all, which always "
                        + "matches: it is never evaluated (RFC 7208 section 5.1)", "move it before all, or remove it"));
                break;
            }
            if (directive.mechanism() instanceof SpfMechanism.Ptr) {
                findings.add(Finding.warning("ptr-mechanism", directive.text() + ": RFC 7208 section 5.5 says ptr "
                        + "SHOULD NOT be used; it is slow, costs receivers several DNS lookups, and some ignore it",
                        "list the sending hosts with ip4:, ip6:, a or mx instead"));
            }
            if (directive.mechanism() instanceof SpfMechanism.All) {
                afterAll = true;
                if (directive.qualifier() == SpfQualifier.PASS) {
                    findings.add(Finding.error("pass-all", directive.text() + " authorizes every host on the Internet "
                            + "to send as this domain (RFC 7208 section 5.1)", "end the record with -all (or ~all "
                            + "while testing)"));
                } else if (directive.qualifier() == SpfQualifier.NEUTRAL) {
                    findings.add(Finding.warning("neutral-all", directive.text() + " says nothing about other hosts "
                            + "(neutral): SPF then protects nothing", "end the record with -all (or ~all)"));
                }
            }
        }
        if (!record.hasAll() && record.redirect() == null) {
            findings.add(Finding.warning("no-all", "the record ends without all or redirect=: hosts it does not list "
                    + "get neutral (RFC 7208 section 4.7), which protects nothing",
                    "end the record with -all (or ~all)"));
        }
        return findings;
    }

    /**
     * check_host() as a receiver runs it for a host the record does not list, per address family, through every
     * include and redirect; the verdict's term and void counts are the §4.6.4 counts.
     */
    private List<Finding> evaluation(String domain, List<Finding> sofar) {
        SpfConfig config = SpfConfig.builder(txt.resolver()).receiver("inkan-check").build();
        List<Finding> findings = new ArrayList<>();
        int terms = 0;
        int voids = 0;
        for (InetAddress probe : PROBES) {
            SpfVerdict verdict = new SpfEvaluator(config).checkMailFrom(probe, domain, "postmaster@" + domain);
            terms = Math.max(terms, verdict.dnsTerms());
            voids = Math.max(voids, verdict.voidLookups());
            Finding problem = problem(verdict, domain, config, probe, sofar);
            if (problem != null) {
                findings.add(problem);
                return findings;
            }
        }
        findings.add(Finding.info("lookup-count", "a receiver makes " + terms + " of at most "
                + SpfLimits.RFC7208.maxDnsTerms() + " DNS-querying lookups and meets " + voids + " of at most "
                + SpfLimits.RFC7208.maxVoidLookups() + " void lookups (RFC 7208 section 4.6.4)"));
        if (voids >= SpfLimits.RFC7208.maxVoidLookups()) {
            findings.add(Finding.warning("void-lookups", "for a host the record does not list, " + voids + " lookups "
                    + "find nothing (a name that does not exist, ptr without reverse DNS, mx hosts without AAAA for "
                    + "IPv6 clients); one more makes receivers answer permerror (RFC 7208 section 4.6.4)",
                    "remove the include:, a, mx or exists terms that name nothing"));
        }
        return findings;
    }

    private static Finding problem(SpfVerdict verdict, String domain, SpfConfig config, InetAddress probe,
            List<Finding> sofar) {
        if (verdict.result() == SpfResult.PASS) {
            boolean known = sofar.stream().anyMatch(f -> f.code().equals("pass-all"));
            return known ? null : Finding.error("pass-all", verdict.mechanism() + " authorizes "
                    + IpLiteral.format(probe) + ", an address reserved for no one: the record authorizes (nearly) "
                    + "every host", "list only your own sending hosts and end with -all");
        }
        if (verdict.result() == SpfResult.TEMPERROR) {
            return Finding.error("dns-failure", "receivers get a temporary error: " + verdict.comment(),
                    "make the name servers of the included domains answer");
        }
        if (verdict.result() != SpfResult.PERMERROR) {
            return null;
        }
        return switch (verdict.reason()) {
            case TOO_MANY_LOOKUPS -> Finding.error("too-many-lookups", "more than "
                    + SpfLimits.RFC7208.maxDnsTerms() + " DNS-querying terms (include, a, mx, ptr, exists, redirect), "
                    + "counted through every include and redirect: " + counted(config, domain, probe, true) + "; "
                    + "receivers answer permerror (RFC 7208 section 4.6.4)", "replace include:, a and mx terms with "
                    + "the ip4:/ip6: networks they stand for, or drop services that no longer send for you");
            case TOO_MANY_VOID_LOOKUPS -> Finding.error("too-many-void-lookups", "more than "
                    + SpfLimits.RFC7208.maxVoidLookups() + " lookups found nothing: " + counted(config, domain, probe,
                            false) + "; receivers answer permerror (RFC 7208 section 4.6.4)",
                    "remove the terms that name domains without records");
            case INCLUDE_NONE -> Finding.error("include-without-spf", verdict.comment() + ": an include: target "
                    + "without an SPF record makes receivers answer permerror (RFC 7208 section 5.2)",
                    "remove the include: or correct its domain");
            case REDIRECT_NONE -> Finding.error("redirect-without-spf", verdict.comment(),
                    "point redirect= at a domain with an SPF record");
            case SYNTAX_ERROR -> Finding.error("syntax-error", verdict.comment(), "correct the included record");
            case MULTIPLE_RECORDS -> Finding.error("multiple-records", verdict.comment()
                    + " (an included or redirected domain)", "that domain must publish one SPF record");
            default -> Finding.error(kebab(verdict.reason().name()), verdict.comment(), "");
        };
    }

    /** The total the receiver's limit stopped counting at: the same evaluation with a high limit. */
    private static String counted(SpfConfig config, String domain, InetAddress probe, boolean terms) {
        SpfLimits limits = terms ? SpfLimits.RFC7208.withMaxDnsTerms(COUNTING_LIMIT)
                : SpfLimits.RFC7208.withMaxVoidLookups(COUNTING_LIMIT);
        SpfVerdict all = new SpfEvaluator(config.toBuilder().limits(limits).build())
                .checkMailFrom(probe, domain, "postmaster@" + domain);
        int n = terms ? all.dnsTerms() : all.voidLookups();
        return (n > COUNTING_LIMIT ? "more than " + COUNTING_LIMIT : String.valueOf(n)) + " in all";
    }

    private static String kebab(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
