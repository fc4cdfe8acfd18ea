package dev.inkan.spf;

import dev.inkan.dns.DnsResolver;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything an {@link SpfEvaluator} depends on, immutable: DNS, clock, limits, the receiving host's
 * name and the default explanation. Start from {@link #builder(DnsResolver)} (RFC 7208 defaults).
 */
public final class SpfConfig {

    private final DnsResolver resolver;
    private final Clock clock;
    private final SpfLimits limits;
    private final String receiver;
    private final SpfMacroString defaultExplanation;

    private SpfConfig(Builder b) {
        this.resolver = Objects.requireNonNull(b.resolver, "resolver");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.limits = Objects.requireNonNull(b.limits, "limits");
        this.receiver = Objects.requireNonNull(b.receiver, "receiver");
        this.defaultExplanation = b.defaultExplanation;
    }

    /**
     * The defaults: {@link SpfLimits#RFC7208}, the system UTC clock (for {@code %{t}} and the time limit),
     * receiver "unknown" (RFC 7208 §7.3 for {@code %{r}}), no default explanation.
     */
    public static Builder builder(DnsResolver resolver) {
        return new Builder(resolver);
    }

    public Builder toBuilder() {
        Builder b = new Builder(resolver);
        b.clock = clock;
        b.limits = limits;
        b.receiver = receiver;
        b.defaultExplanation = defaultExplanation;
        return b;
    }

    public DnsResolver resolver() {
        return resolver;
    }

    public Clock clock() {
        return clock;
    }

    public SpfLimits limits() {
        return limits;
    }

    /** The receiving host's name: {@code %{r}}, the Received-SPF {@code receiver} and comment prefix. */
    public String receiver() {
        return receiver;
    }

    /** The explanation for a fail without a usable {@code exp=} (RFC 7208 §6.2), or null for none. */
    public SpfMacroString defaultExplanation() {
        return defaultExplanation;
    }

    /** Configures an {@link SpfConfig}; not thread-safe. */
    public static final class Builder {
        private final DnsResolver resolver;
        private Clock clock = Clock.systemUTC();
        private SpfLimits limits = SpfLimits.RFC7208;
        private String receiver = "unknown";
        private SpfMacroString defaultExplanation;

        private Builder(DnsResolver resolver) {
            this.resolver = resolver;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder limits(SpfLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * The receiving MTA's host name (RFC 7208 §7.2 {@code r}), a fully qualified domain name; "unknown"
         * by default, as §7.3 suggests when there is none.
         */
        public Builder receiver(String receiver) {
            Objects.requireNonNull(receiver, "receiver");
            if (receiver.isBlank() || receiver.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException("receiver must be a host name, got \"" + receiver + "\"");
            }
            this.receiver = receiver;
            return this;
        }

        /**
         * The explanation returned with a fail when the record has no usable {@code exp=} (RFC 7208 §6.2:
         * "either a default explanation string or an empty explanation string MUST be returned"). It is an
         * explain-string and may use macros, e.g. {@code "%{o} does not authorize %{c}; see
         * https://example.org/spf?d=%{O}"}; null for none.
         *
         * @throws IllegalArgumentException the text is not a valid explain-string (§7.1)
         */
        public Builder defaultExplanation(String explanation) {
            if (explanation == null) {
                this.defaultExplanation = null;
                return this;
            }
            SpfMacroParse parsed = SpfMacroString.parse(explanation, SpfMacroString.Kind.EXPLAIN_STRING);
            if (!parsed.isOk()) {
                throw new IllegalArgumentException("default explanation: " + parsed.error());
            }
            this.defaultExplanation = parsed.value();
            return this;
        }

        public SpfConfig build() {
            return new SpfConfig(this);
        }
    }
}
