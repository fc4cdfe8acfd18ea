package dev.inkan.message;

/** The two canonicalization algorithms of RFC 6376 §3.4, also used by ARC (RFC 8617 §4.1.2). */
public enum Canonicalization implements BodyCanonicalization {
    SIMPLE("simple"),
    RELAXED("relaxed");

    private final String tagName;

    Canonicalization(String tagName) {
        this.tagName = tagName;
    }

    @Override
    public String tagName() {
        return tagName;
    }

    /** The algorithm named {@code name} (case-insensitive), or null when unknown. */
    public static Canonicalization fromTagName(String name) {
        for (Canonicalization c : values()) {
            if (c.tagName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
