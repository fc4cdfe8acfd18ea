package dev.inkan.spf;

import dev.inkan.dns.DnsResolver;
import java.net.InetAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the SPF authorization of an SMTP client: RFC 7208 check_host() applied to the MAIL FROM (§2.4)
 * or HELO (§2.3) identity. Never throws for any input or DNS answer: every outcome, including a fault
 * inside the evaluation (temperror, {@link SpfReason#INTERNAL_ERROR}), is a {@link SpfVerdict}.
 * Thread-safe when the configured resolver is.
 *
 * <pre>{@code
 * SpfEvaluator spf = new SpfEvaluator(SpfConfig.builder(resolver).receiver("mx.example.org").build());
 * SpfVerdict verdict = spf.checkMailFrom(clientIp, "mail.example.com", "bob@example.com");
 * verdict.toResultInfo();  // spf=pass (...) smtp.mailfrom=example.com
 * verdict.receivedSpf();   // Received-SPF: pass (...) client-ip=...; envelope-from=...; ...
 * }</pre>
 */
public final class SpfEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(SpfEvaluator.class);

    private final SpfConfig config;

    public SpfEvaluator(SpfConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SpfConfig config() {
        return config;
    }

    /**
     * Checks the MAIL FROM identity (RFC 7208 §2.4); an empty {@code mailFrom} is the null reverse-path,
     * checked as {@code postmaster@<helo>}.
     */
    public SpfVerdict checkMailFrom(InetAddress clientIp, String helo, String mailFrom) {
        return evaluate(SpfRequest.mailFrom(clientIp, helo, mailFrom));
    }

    /** Checks the HELO identity (RFC 7208 §2.3); a HELO that is no multi-label domain gives none. */
    public SpfVerdict checkHelo(InetAddress clientIp, String helo) {
        return evaluate(SpfRequest.helo(clientIp, helo));
    }

    /** Evaluates check_host() for {@code request} (RFC 7208 §4), and the explanation of a fail (§6.2). */
    public SpfVerdict evaluate(SpfRequest request) {
        return evaluate(request, config.resolver());
    }

    /** As {@link #evaluate(SpfRequest)}, with the queries sent to {@code resolver} (a message's budgeted one). */
    public SpfVerdict evaluate(SpfRequest request, DnsResolver resolver) {
        return evaluate(request, resolver, SpfRecordSelection.RFC7208);
    }

    /**
     * As {@link #evaluate(SpfRequest, DnsResolver)}, with the records chosen by {@code selection} at every
     * level of the check (the identity's domain, each include and redirect target): e.g. Sender ID's scoped
     * {@code spf2.0} records (RFC 4406 §4.4) instead of RFC 7208 §4.5's "v=spf1".
     */
    public SpfVerdict evaluate(SpfRequest request, DnsResolver resolver, SpfRecordSelection selection) {
        Objects.requireNonNull(request, "request");
        SpfCheck check = new SpfCheck(config, request, Objects.requireNonNull(resolver, "resolver"),
                Objects.requireNonNull(selection, "selection"));
        try {
            SpfOutcome outcome = check.run();
            String explanation = outcome.result() == SpfResult.FAIL ? check.explanation(outcome) : null;
            return SpfVerdict.of(request, outcome, explanation, check.lookups().terms(), check.lookups().voids(),
                    check.localPartUsed(), config.receiver());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("SPF check of {} for {} failed inside Inkan", request.sender(), request.clientIp(), e);
            SpfOutcome outcome = SpfOutcome.of(SpfReason.INTERNAL_ERROR, e.getClass().getSimpleName());
            return SpfVerdict.of(request, outcome, null, check.lookups().terms(), check.lookups().voids(),
                    check.localPartUsed(), config.receiver());
        }
    }
}
