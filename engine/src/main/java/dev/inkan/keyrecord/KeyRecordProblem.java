package dev.inkan.keyrecord;

/**
 * Why a DKIM-format key record (RFC 6376 §3.6.1, also used by ARC, RFC 8617 §4.1.2, §4.1.3) cannot verify a
 * signature, whichever protocol asked. Each protocol maps these to its own reasons and results.
 */
public enum KeyRecordProblem {
    /** No TXT record at the key's name (NXDOMAIN or no data). */
    NOT_FOUND("no key for signature"),
    /** The DNS query failed temporarily. */
    UNAVAILABLE("key unavailable"),
    /** The record is not a valid tag list, lacks p=, or p= is not base64 (RFC 6376 §3.6.1). */
    SYNTAX("key syntax error"),
    /** v= is present but not DKIM1. */
    VERSION("key record has an unsupported version"),
    /** k= is unknown or does not match the signature's algorithm (RFC 6376 §6.1.2 step 6). */
    KEY_TYPE("inappropriate key algorithm"),
    /** h= does not list the signature's hash (RFC 6376 §3.6.1). */
    HASH_ALGORITHM("inappropriate hash algorithm"),
    /** s= names neither "*" nor "email". */
    SERVICE("key is not for email"),
    /** p= is empty (RFC 6376 §3.6.1, §6.1.2 step 7). */
    REVOKED("key revoked"),
    /** p= is not a public key of the record's type. */
    INVALID_KEY("public key record has no modulus");

    private final String text;

    KeyRecordProblem(String text) {
        this.text = text;
    }

    /** The short human text, e.g. "key revoked". */
    public String text() {
        return text;
    }
}
