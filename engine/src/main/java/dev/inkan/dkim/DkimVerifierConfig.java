package dev.inkan.dkim;

import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dns.DnsResolver;
import dev.inkan.message.MessageLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link DkimVerifier} depends on, immutable: DNS, clock, limits and the local policy of
 * RFC 8301. Start from {@link #builder(DnsResolver)} (RFC 8301 defaults) and change what differs.
 */
public final class DkimVerifierConfig {

    private final DnsResolver resolver;
    private final Clock clock;
    private final int maxSignatures;
    private final KeyPolicy keyPolicy;
    private final boolean acceptDraftSignatures;
    private final Duration clockSkew;
    private final MessageLimits messageLimits;

    private DkimVerifierConfig(Builder b) {
        this.resolver = Objects.requireNonNull(b.resolver, "resolver");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.maxSignatures = b.maxSignatures;
        this.keyPolicy = b.keyPolicy;
        this.acceptDraftSignatures = b.acceptDraftSignatures;
        this.clockSkew = Objects.requireNonNull(b.clockSkew, "clockSkew");
        this.messageLimits = Objects.requireNonNull(b.messageLimits, "messageLimits");
    }

    /**
     * RFC 8301 defaults: rsa-sha1 refused, RSA keys of at least 1024 and at most 8192 bits, at most 10
     * signatures checked per message, 300 s of clock skew tolerated for t=.
     */
    public static Builder builder(DnsResolver resolver) {
        return new Builder(resolver);
    }

    public Builder toBuilder() {
        Builder b = new Builder(resolver);
        b.clock = clock;
        b.maxSignatures = maxSignatures;
        b.keyPolicy(keyPolicy);
        b.acceptDraftSignatures = acceptDraftSignatures;
        b.clockSkew = clockSkew;
        b.messageLimits = messageLimits;
        return b;
    }

    public DnsResolver resolver() {
        return resolver;
    }

    public Clock clock() {
        return clock;
    }

    public int maxSignatures() {
        return maxSignatures;
    }

    /** The RFC 8301 policy: algorithms and RSA key sizes accepted. */
    public KeyPolicy keyPolicy() {
        return keyPolicy;
    }




    public boolean acceptDraftSignatures() {
        return acceptDraftSignatures;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public MessageLimits messageLimits() {
        return messageLimits;
    }

    public static final class Builder {
        private final DnsResolver resolver;
        private Clock clock = Clock.systemUTC();
        private int maxSignatures = 10;
        private KeyPolicy keyPolicy = KeyPolicy.RFC8301;
        private boolean acceptDraftSignatures;
        private Duration clockSkew = Duration.ofSeconds(300);
        private MessageLimits messageLimits = MessageLimits.DEFAULT;

        private Builder(DnsResolver resolver) {
            this.resolver = resolver;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Signatures checked per message; the rest are reported as policy (not checked). */
        public Builder maxSignatures(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the number of signatures to check must be at least 1, got " + n);
            }
            this.maxSignatures = n;
            return this;
        }


        /** The RFC 8301 policy: {@link KeyPolicy#RFC8301} (the default), {@link KeyPolicy#LEGACY} or one derived from them. */
        public Builder keyPolicy(KeyPolicy policy) {
            this.keyPolicy = policy;
            return this;
        }



        /**
         * Also verify signatures of the pre-RFC 4871 drafts (no v= or v=0.5, q=dns), which RFC 6376
         * §6.1.1 permits an implementation to support; off by default.
         */
        public Builder acceptDraftSignatures(boolean accept) {
            this.acceptDraftSignatures = accept;
            return this;
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = skew;
            return this;
        }

        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = limits;
            return this;
        }

        /**
         * The legacy preset for archives and old corpora: RSA keys from 512 bits and rsa-sha1 accepted, as
         * RFC 6376 §3.3.3 allowed before RFC 8301, and pre-RFC draft signatures verified.
         */
        public Builder legacy() {
            keyPolicy(KeyPolicy.LEGACY);
            this.acceptDraftSignatures = true;
            return this;
        }

        public DkimVerifierConfig build() {
            return new DkimVerifierConfig(this);
        }
    }
}
