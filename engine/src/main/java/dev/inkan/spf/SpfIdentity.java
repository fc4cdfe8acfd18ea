package dev.inkan.spf;

/** The identity check_host() was applied to (RFC 7208 §2.3, §2.4; the {@code identity} key of §9.1). */
public enum SpfIdentity {
    /** The MAIL FROM identity (RFC 7208 §2.4), {@code postmaster@<helo>} for a null reverse-path. */
    MAILFROM("mailfrom"),
    /** The HELO/EHLO identity (RFC 7208 §2.3), checked as {@code postmaster@<helo>}. */
    HELO("helo");

    private final String keyword;

    SpfIdentity(String keyword) {
        this.keyword = keyword;
    }

    /**
     * The keyword of Received-SPF's {@code identity} (RFC 7208 §9.1) and the {@code smtp.} property of
     * Authentication-Results (RFC 8601 §2.7.2).
     */
    public String keyword() {
        return keyword;
    }
}
