package dev.inkan.spf;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import java.util.List;

/**
 * One evaluation of check_host() (RFC 7208 §4) for one {@link SpfRequest}, with the state that is global
 * to it (§4.1: "tracked as a single global limit for all evaluations"): the lookup counts, the client's
 * validated names, and whether the local-part was used. Not thread-safe; used once.
 */
final class SpfCheck {

    /** Why check_host() is being evaluated: the identity itself, or the target of include / redirect. */
    enum Scope { TOP, INCLUDE, REDIRECT }

    private final SpfConfig config;
    private final SpfRequest request;
    private final SpfRecordSelection selection;
    private final SpfLookups lookups;
    private final SpfValidatedNames validatedNames;
    private final SpfTerms terms;
    private boolean localPartUsed;

    SpfCheck(SpfConfig config, SpfRequest request, DnsResolver resolver, SpfRecordSelection selection) {
        this.config = config;
        this.request = request;
        this.selection = selection;
        this.lookups = new SpfLookups(resolver, config.limits(), config.clock());
        this.validatedNames = new SpfValidatedNames(lookups, request.clientIp(), config.limits().maxPtrNames());
        this.terms = new SpfTerms(this, lookups, validatedNames, request.clientIp(), config.limits());
    }

    SpfLookups lookups() {
        return lookups;
    }

    /** Whether a directive or redirect that was evaluated expanded {@code %{s}} or {@code %{l}}. */
    boolean localPartUsed() {
        return localPartUsed;
    }

    /** check_host() for the request's identity. */
    SpfOutcome run() {
        return checkHost(request.domain(), Scope.TOP);
    }

    /**
     * check_host() with {@code domain} as &lt;domain&gt;: §4.3 initial processing, §4.4 record lookup,
     * §4.5 record selection (by the check's {@link SpfRecordSelection}), §4.6 evaluation. A malformed domain or
     * a domain without an SPF record gives "none"; the include and redirect callers turn that into permerror
     * (§5.2, §6.1).
     */
    SpfOutcome checkHost(String domain, Scope scope) {
        String problem = SpfDomains.problem(domain);
        if (problem != null) {
            return SpfOutcome.of(SpfReason.INVALID_DOMAIN, problem);
        }
        DnsAnswer<String> txt = lookups.txt(domain);
        if (txt.status() == DnsStatus.TEMPFAIL) {
            return lookups.tempError("TXT", domain, txt); // §4.4
        }
        if (scope != Scope.TOP) {
            SpfOutcome tooMany = lookups.countVoid(txt, (scope == Scope.INCLUDE ? "include:" : "redirect=") + domain);
            if (tooMany != null) {
                return tooMany;
            }
        }
        if (txt.status() == DnsStatus.NXDOMAIN) {
            return selection.nonexistentDomainFails()
                    ? SpfOutcome.of(SpfReason.NONEXISTENT_DOMAIN_FAILS, domain + " does not exist")
                    : SpfOutcome.of(SpfReason.NO_SUCH_DOMAIN, domain + " does not exist"); // §4.3
        }
        SpfRecordChoice choice = selection.select(domain, txt.records());
        List<SpfRecordChoice.Candidate> records = choice.candidates();
        if (records.isEmpty()) {
            return SpfOutcome.of(SpfReason.NO_RECORD, domain + " has no " + choice.kind()); // §4.5
        }
        if (records.size() > 1) {
            return SpfOutcome.of(SpfReason.MULTIPLE_RECORDS, domain + " has " + records.size() + " "
                    + choice.kind() + "s");
        }
        SpfRecordParse parse = SpfRecordParser.parse(records.get(0).text(), records.get(0).termsStart());
        if (!parse.isOk()) {
            return SpfOutcome.of(SpfReason.SYNTAX_ERROR, "in the record of " + domain + ": " + parse.error());
        }
        return evaluate(parse.record(), domain);
    }

    /**
     * §4.6.2: each directive left to right, the first match decides; then §6.1 redirect (ignored when the
     * record has "all", §5.1), else §4.7 neutral.
     */
    private SpfOutcome evaluate(SpfRecord record, String domain) {
        for (SpfDirective directive : record.directives()) {
            SpfTerms.Match match = terms.match(directive, domain);
            if (match.error() != null) {
                return match.error();
            }
            if (match.matched()) {
                return SpfOutcome.matched(directive, record, domain);
            }
        }
        if (record.redirect() == null || record.hasAll()) {
            return SpfOutcome.defaultNeutral();
        }
        String term = "redirect=" + record.redirect().text();
        SpfOutcome tooMany = lookups.countTerm(term);
        if (tooMany != null) {
            return tooMany;
        }
        String target = targetName(record.redirect(), domain);
        SpfOutcome outcome = checkHost(target, Scope.REDIRECT);
        if (outcome.result() == SpfResult.NONE) {
            return SpfOutcome.of(SpfReason.REDIRECT_NONE, term + ": " + outcome.detail() + " [RFC 7208 6.1]");
        }
        return outcome;
    }

    /** Expands a domain-spec of a term into its &lt;target-name&gt; (§4.8, §7.3). */
    String targetName(SpfMacroString domainSpec, String domain) {
        if (domainSpec.uses('s') || domainSpec.uses('l')) {
            localPartUsed = true;
        }
        return SpfMacroExpander.expandName(domainSpec, context(domain));
    }

    /** The macro values (§7.2) with {@code domain} as &lt;domain&gt;; {@code p} is looked up when used. */
    SpfMacroContext context(String domain) {
        return letter -> switch (letter) {
            case 's' -> request.sender();
            case 'l' -> request.localPart();
            case 'o' -> request.domain();
            case 'd' -> domain;
            case 'p' -> validatedNames.forDomain(domain);
            case 'h' -> request.helo();
            case 'r' -> config.receiver();
            case 't' -> Long.toString(config.clock().instant().getEpochSecond());
            default -> new SpfMacroValues("", "", "", domain, request.clientIp(), "", "", "", 0).value(letter);
        };
    }

    /**
     * The explanation of a fail (RFC 7208 §6.2): the {@code exp=} of the record whose directive failed,
     * fetched and expanded; when there is none, or its name does not give exactly one TXT record of
     * US-ASCII that is a valid explain-string, the configured default (or null).
     */
    String explanation(SpfOutcome outcome) {
        String domain = outcome.explanationDomain() != null ? outcome.explanationDomain() : request.domain();
        int maxLength = config.limits().maxExplanationLength();
        if (outcome.explanation() != null) {
            String target = SpfMacroExpander.expandName(outcome.explanation(), context(domain));
            DnsAnswer<String> txt = lookups.txt(target);
            if (txt.isFound() && txt.records().size() == 1) {
                String text = txt.records().get(0);
                SpfMacroParse parsed = SpfMacroString.parse(text, SpfMacroString.Kind.EXPLAIN_STRING);
                if (parsed.isOk()) {
                    return SpfMacroExpander.expandExplanation(parsed.value(), context(domain), maxLength);
                }
            }
        }
        SpfMacroString fallback = config.defaultExplanation();
        return fallback == null ? null : SpfMacroExpander.expandExplanation(fallback, context(domain), maxLength);
    }
}
