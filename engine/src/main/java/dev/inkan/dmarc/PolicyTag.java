package dev.inkan.dmarc;

/** Which tag of the record gave the policy that applied (RFC 9989 §4.10.1, RFC 7489 §6.6.3). */
public enum PolicyTag {
    /** The Author Domain's own record: {@code p}. */
    P("p"),
    /** A record of the Organizational Domain or PSD for an existing subdomain: {@code sp}. */
    SP("sp"),
    /** A record of the Organizational Domain or PSD for a non-existent subdomain: {@code np} (RFC 9989). */
    NP("np");

    private final String tagName;

    PolicyTag(String tagName) {
        this.tagName = tagName;
    }

    public String tagName() {
        return tagName;
    }
}
