package dev.inkan.arc;

import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dns.DnsResolver;
import dev.inkan.message.MessageLimits;
import java.util.Objects;

/**
 * Everything an {@link ArcValidator} depends on, immutable: DNS, limits and the RFC 8301 policy shared with
 * DKIM. Start from {@link #builder(DnsResolver)} and change what differs.
 */
public final class ArcValidatorConfig {

    /** RFC 8617 §4.2.1: instance values range from 1 to 50. */
    public static final int MAX_INSTANCES = 50;

    private final DnsResolver resolver;
    private final int maxInstances;
    private final KeyPolicy keyPolicy;
    private final boolean oldestPass;
    private final MessageLimits messageLimits;

    private ArcValidatorConfig(Builder b) {
        this.resolver = Objects.requireNonNull(b.resolver, "resolver");
        this.maxInstances = b.maxInstances;
        this.keyPolicy = b.keyPolicy;
        this.oldestPass = b.oldestPass;
        this.messageLimits = Objects.requireNonNull(b.messageLimits, "messageLimits");
    }

    /**
     * Defaults: at most 50 sets, rsa-sha1 refused and RSA keys of 1024 to 8192 bits (RFC 8301, as for DKIM), the
     * optional oldest-pass step of RFC 8617 §5.2 step 5 computed.
     */
    public static Builder builder(DnsResolver resolver) {
        return new Builder(resolver);
    }

    public Builder toBuilder() {
        Builder b = new Builder(resolver);
        b.maxInstances = maxInstances;
        b.keyPolicy(keyPolicy);
        b.oldestPass = oldestPass;
        b.messageLimits = messageLimits;
        return b;
    }

    public DnsResolver resolver() {
        return resolver;
    }

    public int maxInstances() {
        return maxInstances;
    }

    /** The RFC 8301 policy: algorithms and RSA key sizes accepted. */
    public KeyPolicy keyPolicy() {
        return keyPolicy;
    }




    /** Whether the AMS of older sets are verified for {@code header.oldest-pass} (RFC 8617 §5.2 step 5). */
    public boolean oldestPass() {
        return oldestPass;
    }

    public MessageLimits messageLimits() {
        return messageLimits;
    }

    public static final class Builder {
        private final DnsResolver resolver;
        private int maxInstances = MAX_INSTANCES;
        private KeyPolicy keyPolicy = KeyPolicy.RFC8301;
        private boolean oldestPass = true;
        private MessageLimits messageLimits = MessageLimits.DEFAULT;

        private Builder(DnsResolver resolver) {
            this.resolver = resolver;
        }

        /** Chains with more sets fail (RFC 8617 §5.2 step 1); 1 to 50. */
        public Builder maxInstances(int n) {
            if (n < 1 || n > MAX_INSTANCES) {
                throw new IllegalArgumentException("the ARC set limit must be 1 to " + MAX_INSTANCES + ", got " + n);
            }
            this.maxInstances = n;
            return this;
        }


        /** The RFC 8301 policy: {@link KeyPolicy#RFC8301} (the default), {@link KeyPolicy#LEGACY} or one derived from them. */
        public Builder keyPolicy(KeyPolicy policy) {
            this.keyPolicy = policy;
            return this;
        }



        /** Verify older AMS for header.oldest-pass (RFC 8617 §5.2 step 5, optional); on by default. */
        public Builder oldestPass(boolean compute) {
            this.oldestPass = compute;
            return this;
        }

        public Builder messageLimits(MessageLimits limits) {
            this.messageLimits = limits;
            return this;
        }

        public ArcValidatorConfig build() {
            return new ArcValidatorConfig(this);
        }
    }
}
