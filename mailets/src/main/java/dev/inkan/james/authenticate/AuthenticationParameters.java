package dev.inkan.james.authenticate;

import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.james.config.AuthservIds;
import dev.inkan.james.config.DnsParameters;
import dev.inkan.james.config.KeyPolicyParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.message.MessageLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.mail.MessagingException;

/**
 * The parameters every checking mailet (DkimVerify, SpfCheck, ArcVerify, DmarcEvaluate) accepts, read into the
 * one {@link AuthenticationConfig}: {@code authservId}, the DNS settings ({@link DnsParameters}), {@code
 * dnsBudget} (milliseconds one mail may wait for DNS in all, default 5000), the RFC 8301 policy ({@link
 * KeyPolicyParameters}), {@code maxSignatures} (DKIM signatures checked, default 10) and {@code maxHeaderBytes}
 * (largest header block read, default 1 MiB). The same values give the same verdicts in every mailet.
 */
public final class AuthenticationParameters {

    public static final Set<String> NAMES = names();

    private AuthenticationParameters() {
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(DnsParameters.NAMES);
        names.addAll(KeyPolicyParameters.NAMES);
        names.addAll(Set.of("authservId", "dnsBudget", "maxSignatures", "maxHeaderBytes"));
        return Set.copyOf(names);
    }

    /**
     * The pipeline of a checking mailet or SMTP hook: {@link #read} its configuration, its results and DNS queries
     * counted in {@code metrics}.
     */
    public static MailAuthentication pipeline(MailetParameters p, Clock clock, boolean checkHelo, DmarcConfig dmarc,
            InkanMetrics metrics) throws MessagingException {
        return new MailAuthentication(read(p, clock, checkHelo, dmarc, metrics), metrics);
    }

    /**
     * The configuration, with SPF's HELO check as given, DMARC's settings when {@code dmarc} is not null, and the DNS
     * queries counted in {@code metrics}.
     */
    public static AuthenticationConfig read(MailetParameters p, Clock clock, boolean checkHelo, DmarcConfig dmarc,
            InkanMetrics metrics) throws MessagingException {
        AuthenticationConfig.Builder b = AuthenticationConfig.builder(DnsParameters.resolver(p), AuthservIds.of(p))
                .clock(clock)
                .keyPolicy(KeyPolicyParameters.read(p))
                .maxSignatures(p.integer("maxSignatures", 10, 1, 100))
                .messageLimits(new MessageLimits(MessageLimits.DEFAULT.maxHeaderFields(),
                        p.integer("maxHeaderBytes", MessageLimits.DEFAULT.maxHeaderBytes(), 1024, 64 * 1024 * 1024)))
                .dnsBudget(Duration.ofMillis(p.integer("dnsBudget",
                        (int) AuthenticationConfig.DEFAULT_DNS_BUDGET.toMillis(), 100, 600_000)))
                .checkHelo(checkHelo)
                .dnsObserver(metrics.dns());
        if (dmarc != null) {
            b.dmarc(dmarc);
        }
        return b.build();
    }
}
