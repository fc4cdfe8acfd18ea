package dev.inkan.dkim;

/** The DKIM result set of RFC 8601 §2.7.1, per signature. */
public enum DkimResult {
    PASS,
    FAIL,
    NEUTRAL,
    POLICY,
    TEMPERROR,
    PERMERROR;

    /** The keyword written in Authentication-Results ("pass", "temperror", ...). */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
