package dev.inkan.message;

/** The two canonicalization algorithms of DomainKeys (RFC 4870 §3.4.2), for header lines and body alike. */
public enum DomainKeysCanonicalization implements BodyCanonicalization {
    /** §3.4.2.1: lines unchanged; trailing empty lines, and an all-empty body with its separator, ignored. */
    SIMPLE("simple"),
    /** §3.4.2.2: headers unfolded; every SP, HTAB (and lone CR, LF) removed from each line; then as simple. */
    NOFWS("nofws");

    private final String tagName;

    DomainKeysCanonicalization(String tagName) {
        this.tagName = tagName;
    }

    @Override
    public String tagName() {
        return tagName;
    }

    /** The algorithm named {@code name} in a DomainKey-Signature c= (case-insensitive), or null when unknown. */
    public static DomainKeysCanonicalization fromTagName(String name) {
        for (DomainKeysCanonicalization c : values()) {
            if (c.tagName.equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
