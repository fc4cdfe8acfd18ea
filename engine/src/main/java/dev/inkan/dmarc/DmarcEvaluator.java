package dev.inkan.dmarc;

import dev.inkan.dns.DnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates DMARC for a message from its Author Domain(s) and the DKIM, SPF and ARC results it already
 * has (RFC 9989 §5.3; RFC 7489 §6.6 in {@link DmarcMode#RFC7489} mode). Never throws for any input or DNS
 * answer: every outcome, a fault inside the evaluation included (temperror, {@link
 * DmarcReason#INTERNAL_ERROR}), is a {@link DmarcVerdict}. Thread-safe when the configured resolver and
 * random source are.
 *
 * <pre>{@code
 * DmarcEvaluator dmarc = new DmarcEvaluator(DmarcConfig.rfc9989(resolver));
 * DmarcVerdict verdict = dmarc.evaluate(DmarcRequest.builder(headerBlock)
 *         .dkim(DkimInput.pass("example.com", "sel"))
 *         .spf(SpfInput.mailFrom("pass", "bounces.example.com"))
 *         .build());
 * verdict.toResultInfo();  // dmarc=pass (p=reject dis=none) header.from=example.com policy.dmarc=none
 * }</pre>
 */
public final class DmarcEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(DmarcEvaluator.class);

    private final DmarcConfig config;

    public DmarcEvaluator(DmarcConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DmarcConfig config() {
        return config;
    }

    /**
     * Evaluates {@code request}. Without a usable Author Domain the result is permerror (RFC 9989 §5.3.1:
     * "DMARC validation is not possible"). Several author domains are each evaluated, up to {@link
     * DmarcConfig#maxAuthorDomains()}, unless the configuration refuses them ({@link
     * DmarcConfig.MultipleAuthorDomains}); see {@link #decide(List)} for which verdict wins.
     */
    public DmarcVerdict evaluate(DmarcRequest request) {
        return evaluate(request, config.resolver());
    }

    /** As {@link #evaluate(DmarcRequest)}, with the queries sent to {@code resolver} (a message's budgeted one). */
    public DmarcVerdict evaluate(DmarcRequest request, DnsResolver resolver) {
        Objects.requireNonNull(request, "request");
        AuthorDomains authors = request.authors();
        DmarcReason problem = authors.problem();
        if (problem != null) {
            String comment = problem == DmarcReason.INVALID_AUTHOR_DOMAIN
                    ? problem.text() + ": " + String.join(", ", authors.invalid()) : problem.text();
            return DmarcVerdict.of(problem, comment, null, config.mode());
        }
        List<String> domains = authors.domains();
        if (domains.size() > 1 && config.multipleAuthorDomains() == DmarcConfig.MultipleAuthorDomains.PERMERROR) {
            return DmarcVerdict.of(DmarcReason.MULTIPLE_AUTHOR_DOMAINS, "author domains " + String.join(", ", domains),
                    null, config.mode());
        }
        if (domains.size() > config.maxAuthorDomains()) {
            return DmarcVerdict.of(DmarcReason.TOO_MANY_AUTHOR_DOMAINS, domains.size() + " author domains, at most "
                    + config.maxAuthorDomains() + " evaluated", null, config.mode());
        }
        try {
            DmarcCheck check = new DmarcCheck(config, new PolicyRecords(resolver));
            List<DmarcVerdict> verdicts = new ArrayList<>();
            for (String domain : domains) {
                verdicts.add(check.evaluate(domain, request));
            }
            DmarcVerdict verdict = verdicts.size() == 1 ? verdicts.get(0) : decide(verdicts).withAuthorVerdicts(verdicts);
            return unreliableFrom(authors, verdict);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("DMARC evaluation for {} failed inside Inkan", domains, e);
            return DmarcVerdict.of(DmarcReason.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName(),
                    domains.get(0), config.mode());
        }
    }

    /**
     * RFC 9989 §4.4: with a repeated or malformed From field "there is no reliable way to determine a DMARC Policy
     * Record", so such a message never passes: a pass becomes permerror ({@link DmarcReason#REPEATED_FROM},
     * {@link DmarcReason#MALFORMED_FROM}); a fail, temperror or none stands (a failing author domain keeps its
     * disposition, §11.5).
     */
    private DmarcVerdict unreliableFrom(AuthorDomains authors, DmarcVerdict verdict) {
        if (verdict.result() != DmarcResult.PASS) {
            return verdict;
        }
        if (authors.fromFields() > 1) {
            return DmarcVerdict.of(DmarcReason.REPEATED_FROM, authors.fromFields()
                    + " From fields: identifier alignment cannot occur (RFC 9989 section 4.4)", verdict.authorDomain(),
                    config.mode());
        }
        if (authors.lenient()) {
            return DmarcVerdict.of(DmarcReason.MALFORMED_FROM,
                    "malformed From field: identifier alignment cannot occur (RFC 9989 section 4.4)",
                    verdict.authorDomain(), config.mode());
        }
        return verdict;
    }

    /**
     * The Organizational Domain of {@code domain} under this configuration's mode (RFC 9989 §4.10.2 tree
     * walk, or RFC 7489 §3.2 Public Suffix List), for diagnostics.
     *
     * @throws IllegalArgumentException {@code domain} is not a domain name
     */
    public OrganizationalDomain organizationalDomain(String domain) {
        return config.organizationalDomain(domain);
    }

    /**
     * The verdict that decides for several author domains (RFC 9989 §11.5, RFC 7489 §6.6.1: "apply the
     * most strict policy selected among the checks that fail"): a fail with the strictest disposition
     * (then the strictest requested policy); else the first temperror (the evaluation is incomplete),
     * else the first permerror, else the first pass, else none.
     */
    static DmarcVerdict decide(List<DmarcVerdict> verdicts) {
        DmarcVerdict worstFail = null;
        for (DmarcVerdict verdict : verdicts) {
            if (verdict.result() == DmarcResult.FAIL && (worstFail == null || stricter(verdict, worstFail))) {
                worstFail = verdict;
            }
        }
        if (worstFail != null) {
            return worstFail;
        }
        for (DmarcResult result : List.of(DmarcResult.TEMPERROR, DmarcResult.PERMERROR, DmarcResult.PASS)) {
            for (DmarcVerdict verdict : verdicts) {
                if (verdict.result() == result) {
                    return verdict;
                }
            }
        }
        return verdicts.get(0);
    }

    private static boolean stricter(DmarcVerdict a, DmarcVerdict b) {
        if (a.disposition() != b.disposition()) {
            return a.disposition().stricterThan(b.disposition());
        }
        return a.policy().requested().stricterThan(b.policy().requested());
    }
}
