package dev.inkan.spf;

import java.time.Duration;
import java.util.Objects;

/**
 * The processing limits of one check_host() evaluation (RFC 7208 §4.6.4, §11.1). {@link #RFC7208} holds
 * the RFC's values; a receiver MAY make the void-lookup limit configurable (§4.6.4), the others are MUSTs
 * and should only be changed for testing.
 *
 * @param maxDnsTerms DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole evaluation,
 *     includes and redirects included; one more is permerror (§4.6.4: 10)
 * @param maxVoidLookups terms whose query answered NXDOMAIN or no records; one more is permerror (§4.6.4: 2)
 * @param maxMxNames MX records an mx mechanism may look at; more is permerror (§4.6.4: 10)
 * @param maxPtrNames PTR names looked at for ptr and %{p}; the rest are ignored (§4.6.4: 10)
 * @param maxElapsed the longest an evaluation may take, then temperror (§4.6.4: SHOULD allow at least 20 s)
 * @param maxExplanationLength characters of explanation kept (§6.2: implementations MAY limit it)
 */
public record SpfLimits(int maxDnsTerms, int maxVoidLookups, int maxMxNames, int maxPtrNames, Duration maxElapsed,
        int maxExplanationLength) {

    /** The limits of RFC 7208 §4.6.4: 10 terms, 2 void lookups, 10 MX, 10 PTR, 20 s; explanations of 512. */
    public static final SpfLimits RFC7208 = new SpfLimits(10, 2, 10, 10, Duration.ofSeconds(20), 512);

    public SpfLimits {
        Objects.requireNonNull(maxElapsed, "maxElapsed");
        if (maxDnsTerms < 0 || maxVoidLookups < 0 || maxMxNames < 0 || maxPtrNames < 0 || maxExplanationLength < 0) {
            throw new IllegalArgumentException("SPF limits must not be negative");
        }
        if (maxElapsed.isNegative() || maxElapsed.isZero()) {
            throw new IllegalArgumentException("SPF time limit must be positive: " + maxElapsed);
        }
    }

    public SpfLimits withMaxDnsTerms(int n) {
        return new SpfLimits(n, maxVoidLookups, maxMxNames, maxPtrNames, maxElapsed, maxExplanationLength);
    }

    public SpfLimits withMaxVoidLookups(int n) {
        return new SpfLimits(maxDnsTerms, n, maxMxNames, maxPtrNames, maxElapsed, maxExplanationLength);
    }

    public SpfLimits withMaxElapsed(Duration d) {
        return new SpfLimits(maxDnsTerms, maxVoidLookups, maxMxNames, maxPtrNames, d, maxExplanationLength);
    }

    public SpfLimits withMaxExplanationLength(int n) {
        return new SpfLimits(maxDnsTerms, maxVoidLookups, maxMxNames, maxPtrNames, maxElapsed, n);
    }
}
