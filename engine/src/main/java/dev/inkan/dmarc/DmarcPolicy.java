package dev.inkan.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * A Domain Owner Assessment Policy (RFC 9989 §4.7 {@code p}, {@code sp}, {@code np}; RFC 7489 §6.3), also
 * used for the disposition a verdict asks for: the handling after testing mode, {@code pct} sampling and
 * local overrides (the {@code policy.dmarc} property of RFC 9989 §9.1).
 */
public enum DmarcPolicy {
    /** No expression of preference; also "deliver as usual" as a disposition. */
    NONE("none"),
    /** Treat as suspicious (e.g. a spam folder). */
    QUARANTINE("quarantine"),
    /** Reject (RFC 9989 §7.2; §5.4: not solely on this basis). */
    REJECT("reject");

    private final String keyword;

    DmarcPolicy(String keyword) {
        this.keyword = keyword;
    }

    /** The record and Authentication-Results keyword: "none", "quarantine", "reject". */
    public String keyword() {
        return keyword;
    }

    /**
     * The policy one level below this one: reject → quarantine → none. RFC 9989 §4.7 {@code t=y} ("the
     * policy applied to any failing messages will be one level below the specified policy") and RFC 7489
     * §6.6.4 (a message not selected by {@code pct}: reject becomes quarantine, quarantine becomes local
     * classification, i.e. none).
     */
    public DmarcPolicy oneLevelBelow() {
        return switch (this) {
            case REJECT -> QUARANTINE;
            case QUARANTINE, NONE -> NONE;
        };
    }

    /** True when this policy is stricter than {@code other} (reject &gt; quarantine &gt; none). */
    public boolean stricterThan(DmarcPolicy other) {
        return ordinal() > other.ordinal();
    }

    /**
     * The policy named by a {@code dmarc-request} value (RFC 9989 §4.8). ABNF strings are
     * case-insensitive (RFC 5234 §2.3), so "Reject" is reject.
     */
    public static Optional<DmarcPolicy> parse(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (DmarcPolicy policy : values()) {
            if (policy.keyword.equals(lower)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
