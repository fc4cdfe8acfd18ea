package dev.inkan.dmarc;

import java.util.Locale;
import java.util.Objects;

/**
 * The SPF result as DMARC takes it (RFC 9989 §5.3.3: "pass" or "fail" and "the domain name used to
 * complete the SPF check"). DMARC uses only the MAIL FROM identity (RFC 9989 §3.2.4, §4.4.2); for the
 * null reverse-path that identity is {@code postmaster@<HELO name>} (RFC 7208 §2.4), so the caller passes
 * the HELO name as the domain with {@link Identity#MAILFROM}. A result for the HELO identity of a
 * non-null sender is never aligned.
 *
 * @param result the SPF result keyword (RFC 7208 §2.6), lower-cased
 * @param domain the domain checked: the MAIL FROM domain, or the HELO name for the null reverse-path
 * @param identity which identity was checked
 */
public record SpfInput(String result, String domain, Identity identity) {

    /** Which SMTP identity SPF checked (RFC 7208 §2.3, §2.4). */
    public enum Identity {
        /** The MAIL FROM identity, including the null reverse-path's {@code postmaster@<HELO>}. */
        MAILFROM,
        /** The HELO identity; DMARC does not use it (RFC 9989 §3.2.4). */
        HELO
    }

    public SpfInput {
        result = Objects.requireNonNull(result, "result").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(identity, "identity");
    }

    /** A MAIL FROM result for {@code domain}. */
    public static SpfInput mailFrom(String result, String domain) {
        return new SpfInput(result, domain, Identity.MAILFROM);
    }

    /** True when SPF passed for the MAIL FROM identity: the SPF-Authenticated Identifier exists (§4.4.2). */
    public boolean authenticates() {
        return identity == Identity.MAILFROM && result.equals("pass");
    }

    public boolean tempFailed() {
        return identity == Identity.MAILFROM && result.equals("temperror");
    }
}
