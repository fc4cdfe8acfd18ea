package dev.inkan.domainkeys;

import java.util.Locale;

/** The DomainKeys result set of RFC 7601 §2.7.1 (shared with DKIM), for a whole message. */
public enum DomainKeysResult {
    NONE,
    PASS,
    FAIL,
    NEUTRAL,
    POLICY,
    TEMPERROR,
    PERMERROR;

    /** The keyword written in Authentication-Results. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
