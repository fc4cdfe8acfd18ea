package dev.inkan.authenticate;

import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dns.DnsObserver;
import dev.inkan.dns.DnsResolver;
import dev.inkan.message.MessageLimits;
import dev.inkan.spf.SpfConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything the {@link Authenticator} depends on, for every protocol at once, immutable: one resolver and one
 * per-message DNS budget, one set of message limits, one RFC 8301 key policy, the authserv-id (also SPF's
 * receiver name) and the clock. Start from {@link #builder(DnsResolver, String)} and change what differs.
 *
 * <p>Defaults: DNS budget 5 s per message; message limits {@link MessageLimits#DEFAULT} (1000 header fields,
 * 1 MiB of header); RFC 8301 key policy; 10 DKIM signatures checked; the HELO identity not checked by SPF;
 * DMARC in RFC 9989 mode without trusted ARC sealers; DNS queries on the JVM's shared Inkan DNS pool.
 */
public final class AuthenticationConfig {

    /** The per-message DNS budget unless configured: a few seconds, far above a healthy resolver's answers. */
    public static final Duration DEFAULT_DNS_BUDGET = Duration.ofSeconds(5);

    private final DnsResolver resolver;
    private final String authservId;
    private final Clock clock;
    private final KeyPolicy keyPolicy;
    private final int maxSignatures;
    private final MessageLimits messageLimits;
    private final Duration dnsBudget;
    private final boolean checkHelo;
    private final DmarcConfig dmarc;
    private final Executor dnsExecutor;
    private final DnsObserver dnsObserver;

    private AuthenticationConfig(Builder b) {
        this.resolver = b.resolver;
        this.authservId = b.authservId;
        this.clock = b.clock;
        this.keyPolicy = b.keyPolicy;
        this.maxSignatures = b.maxSignatures;
        this.messageLimits = b.messageLimits;
        this.dnsBudget = b.dnsBudget;
        this.checkHelo = b.checkHelo;
        this.dmarc = b.dmarc != null ? b.dmarc : DmarcConfig.rfc9989(b.resolver);
        this.dnsExecutor = b.dnsExecutor;
        this.dnsObserver = b.dnsObserver;
    }

    /**
     * @param resolver answers every query of every protocol (through the per-message budget)
     * @param authservId the authserv-id of the results (RFC 8601 §2.5), also the receiver of Received-SPF
     */
    public static Builder builder(DnsResolver resolver, String authservId) {
        return new Builder(resolver, authservId);
    }

    public DnsResolver resolver() {
        return resolver;
    }

    public String authservId() {
        return authservId;
    }

    public Clock clock() {
        return clock;
    }

    public KeyPolicy keyPolicy() {
        return keyPolicy;
    }

    public int maxSignatures() {
        return maxSignatures;
    }

    public MessageLimits messageLimits() {
        return messageLimits;
    }

    public Duration dnsBudget() {
        return dnsBudget;
    }

    public boolean checkHelo() {
        return checkHelo;
    }

    public DmarcConfig dmarc() {
        return dmarc;
    }

    /** The executor of DNS queries, or null for the shared pool. */
    Executor dnsExecutor() {
        return dnsExecutor;
    }

    /** Who hears of each DNS query of the checks and each spent budget ({@link DnsObserver#NONE} by default). */
    public DnsObserver dnsObserver() {
        return dnsObserver;
    }

    DkimVerifierConfig dkimConfig() {
        return DkimVerifierConfig.builder(resolver).clock(clock).keyPolicy(keyPolicy).maxSignatures(maxSignatures)
                .messageLimits(messageLimits).build();
    }

    ArcValidatorConfig arcConfig() {
        return ArcValidatorConfig.builder(resolver).keyPolicy(keyPolicy).messageLimits(messageLimits).build();
    }

    SpfConfig spfConfig() {
        return SpfConfig.builder(resolver).clock(clock).receiver(authservId).build();
    }

    /** Configures an {@link AuthenticationConfig}; not thread-safe. */
    public static final class Builder {

        private final DnsResolver resolver;
        private final String authservId;
        private Clock clock = Clock.systemUTC();
        private KeyPolicy keyPolicy = KeyPolicy.RFC8301;
        private int maxSignatures = 10;
        private MessageLimits messageLimits = MessageLimits.DEFAULT;
        private Duration dnsBudget = DEFAULT_DNS_BUDGET;
        private boolean checkHelo;
        private DmarcConfig dmarc;
        private Executor dnsExecutor;
        private DnsObserver dnsObserver = DnsObserver.NONE;

        private Builder(DnsResolver resolver, String authservId) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            Objects.requireNonNull(authservId, "authservId");
            if (authservId.isBlank() || authservId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("authserv-id must be a non-empty name without control characters");
            }
            this.authservId = authservId;
        }

        /** The clock of signature times (t=, x=) and SPF's elapsed-time limit. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** RFC 8301's algorithm and key-size policy, for DKIM and ARC alike. */
        public Builder keyPolicy(KeyPolicy policy) {
            this.keyPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** DKIM signatures checked per message, 1 to 100; further ones give dkim=policy. Default 10. */
        public Builder maxSignatures(int max) {
            if (max < 1 || max > 100) {
                throw new IllegalArgumentException("signatures checked per message must be 1 to 100: " + max);
            }
            this.maxSignatures = max;
            return this;
        }

        /** The header limits every protocol reads the message under. */
        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * How long one message may wait for DNS in all, every protocol together; queries still outstanding then
         * are temporary failures. Positive, at most 10 minutes. Default 5 s.
         */
        public Builder dnsBudget(Duration budget) {
            if (budget.isNegative() || budget.isZero() || budget.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("DNS budget must be positive and at most 10 minutes: " + budget);
            }
            this.dnsBudget = budget;
            return this;
        }

        /** Whether SPF also checks the HELO identity (RFC 7208 §2.3). Default false. */
        public Builder checkHelo(boolean check) {
            this.checkHelo = check;
            return this;
        }

        /** DMARC's mode, Public Suffix List and trusted ARC sealers; its resolver is not used (ours is). */
        public Builder dmarc(DmarcConfig config) {
            this.dmarc = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Where DNS queries run (default: the JVM's shared Inkan DNS pool). */
        public Builder dnsExecutor(Executor executor) {
            this.dnsExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Tells {@code observer} of every DNS query the checks run and every message's spent budget (metrics). */
        public Builder dnsObserver(DnsObserver observer) {
            this.dnsObserver = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public AuthenticationConfig build() {
            return new AuthenticationConfig(this);
        }
    }
}
