package dev.inkan.dmarc;

/** The DMARC result codes of RFC 9989 §9.2 (Email Authentication Result Names). */
public enum DmarcResult {
    /** A policy record exists and an Authenticated Identifier is aligned. */
    PASS("pass"),
    /** A policy record exists but no Authenticated Identifier is aligned. */
    FAIL("fail"),
    /** No DMARC Policy Record exists for the Author Domain. */
    NONE("none"),
    /** A transient error (DNS); a later attempt might give a final result. */
    TEMPERROR("temperror"),
    /** An unrecoverable error (an unusable record, no usable author domain). */
    PERMERROR("permerror");

    private final String keyword;

    DmarcResult(String keyword) {
        this.keyword = keyword;
    }

    /** The Authentication-Results keyword. */
    public String keyword() {
        return keyword;
    }
}
