package dev.inkan.spf;

import java.util.Locale;

/** The results of check_host(), RFC 7208 §2.6 (also the RFC 8601 §2.7.2 "spf" result codes). */
public enum SpfResult {
    /** §2.6.1: no syntactically valid DNS domain name was extracted, or no SPF record was retrieved. */
    NONE,
    /** §2.6.2: the domain owner has explicitly stated that it is not asserting whether the IP is authorized. */
    NEUTRAL,
    /** §2.6.3: the client is authorized to inject mail with the given identity. */
    PASS,
    /** §2.6.4: the client is explicitly not authorized to use the identity. */
    FAIL,
    /** §2.6.5: the client is probably not authorized (a weak statement). */
    SOFTFAIL,
    /** §2.6.6: a transient (generally DNS) error; a later retry may succeed. */
    TEMPERROR,
    /** §2.6.7: the domain's published records could not be correctly interpreted. */
    PERMERROR;

    /** The keyword written in Received-SPF and Authentication-Results ("pass", "softfail", ...). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The result named by {@code keyword}, case-insensitively, or null when there is none. */
    public static SpfResult fromKeyword(String keyword) {
        for (SpfResult result : values()) {
            if (result.keyword().equalsIgnoreCase(keyword)) {
                return result;
            }
        }
        return null;
    }
}
