package dev.inkan.authenticate;

import java.util.Locale;

/** The authentication methods the pipeline runs, by their RFC 8601 method names (RFC 8601 §2.7, RFC 8617 §6). */
public enum Method {
    SPF, DKIM, ARC, DMARC;

    /** The method name in Authentication-Results ("dkim", "spf", ...). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
