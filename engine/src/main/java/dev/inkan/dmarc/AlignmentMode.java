package dev.inkan.dmarc;

/**
 * Identifier Alignment mode of the {@code adkim} and {@code aspf} tags (RFC 9989 §3.2.10, §4.7; RFC 7489
 * §3.1): relaxed (same Organizational Domain) or strict (identical domains).
 */
public enum AlignmentMode {
    /** {@code r}, the default: the two domains have the same Organizational Domain (RFC 9989 §3.2.10.1). */
    RELAXED("r"),
    /** {@code s}: the two domains are identical (RFC 9989 §3.2.10.2). */
    STRICT("s");

    private final String tagValue;

    AlignmentMode(String tagValue) {
        this.tagValue = tagValue;
    }

    /** The tag value, "r" or "s". */
    public String tagValue() {
        return tagValue;
    }
}
