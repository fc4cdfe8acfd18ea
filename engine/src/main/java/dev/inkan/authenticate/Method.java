package dev.inkan.authenticate;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authentication methods the pipeline runs, by their RFC 8601 method names (RFC 8601 §2.7, RFC 8617 §6, and
 * RFC 7601 §2.7.1/§2.7.2 for the historic DomainKeys and Sender ID), in the order their results are written.
 */
public enum Method {
    SPF("spf"),
    /** Sender ID (RFC 4406, PRA of RFC 4407): historic, only when asked for. */
    SENDER_ID("sender-id"),
    DKIM("dkim"),
    /** DomainKeys (RFC 4870): historic, only when asked for. */
    DOMAINKEYS("domainkeys"),
    ARC("arc"),
    DMARC("dmarc");

    private final String keyword;

    Method(String keyword) {
        this.keyword = keyword;
    }

    /** The method name in Authentication-Results ("dkim", "spf", "sender-id", ...). */
    public String keyword() {
        return keyword;
    }

    /** The methods of today's mail, what "every method" means: SPF, DKIM, ARC and DMARC. */
    public static Set<Method> current() {
        return EnumSet.of(SPF, DKIM, ARC, DMARC);
    }

    /** The method named {@code keyword} in Authentication-Results (case-insensitive), or null. */
    public static Method fromKeyword(String keyword) {
        for (Method m : values()) {
            if (m.keyword.equalsIgnoreCase(keyword)) {
                return m;
            }
        }
        return null;
    }
}
