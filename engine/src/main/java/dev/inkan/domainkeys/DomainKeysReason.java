package dev.inkan.domainkeys;

import dev.inkan.keyrecord.KeyRecordProblem;

/**
 * Why a message did not pass DomainKeys, each with the RFC 7601 §2.7.1 result it maps to; the same mapping as
 * Inkan's DKIM reasons: neutral for a signature that cannot be processed (syntax, unsupported values), permerror
 * for what is unrecoverable (no sending address, a signature that does not cover it, no usable key), fail for a
 * signature the key says no to (and for a revoked key, or a key whose g= excludes the sender: RFC 4870 §3.2.3
 * "constitutes a failed verification"), temperror for a key that could not be fetched now.
 */
public enum DomainKeysReason {
    SIGNATURE_SYNTAX(DomainKeysResult.NEUTRAL, "signature syntax error"),
    MISSING_TAG(DomainKeysResult.NEUTRAL, "signature missing required tag"),
    UNSUPPORTED_ALGORITHM(DomainKeysResult.NEUTRAL, "unsupported algorithm"),
    UNSUPPORTED_CANONICALIZATION(DomainKeysResult.NEUTRAL, "unsupported canonicalization"),
    UNSUPPORTED_QUERY_METHOD(DomainKeysResult.NEUTRAL, "unsupported query method"),
    NO_SENDING_ADDRESS(DomainKeysResult.PERMERROR, "no sending address in Sender or From"),
    DOMAIN_MISMATCH(DomainKeysResult.PERMERROR, "d= does not match the sending domain"),
    SENDER_NOT_SIGNED(DomainKeysResult.PERMERROR, "h= does not list the header of the sending address"),
    NO_KEY(DomainKeysResult.PERMERROR, "no key for signature"),
    KEY_SYNTAX(DomainKeysResult.PERMERROR, "key syntax error"),
    KEY_INVALID(DomainKeysResult.PERMERROR, "public key record has no modulus"),
    KEY_VERSION(DomainKeysResult.PERMERROR, "key record has an unsupported version"),
    INAPPROPRIATE_KEY_ALGORITHM(DomainKeysResult.PERMERROR, "inappropriate key algorithm"),
    GRANULARITY_MISMATCH(DomainKeysResult.FAIL, "key g= does not match the sending address"),
    KEY_REVOKED(DomainKeysResult.FAIL, "key revoked"),
    SIGNATURE_MISMATCH(DomainKeysResult.FAIL, "signature did not verify"),
    KEY_UNAVAILABLE(DomainKeysResult.TEMPERROR, "key unavailable"),
    INTERNAL_ERROR(DomainKeysResult.TEMPERROR, "internal error");

    private final DomainKeysResult result;
    private final String text;

    DomainKeysReason(DomainKeysResult result, String text) {
        this.result = result;
        this.text = text;
    }

    public DomainKeysResult result() {
        return result;
    }

    public String text() {
        return text;
    }

    /**
     * The reason for a problem of the key record. DomainKeys records are DKIM's without v= (or with v=DKIM1),
     * so the DKIM key record parser reads them; service and hash restrictions (s=, h=) do not exist in RFC 4870.
     */
    static DomainKeysReason forKeyProblem(KeyRecordProblem problem) {
        return switch (problem) {
            case NOT_FOUND -> NO_KEY;
            case UNAVAILABLE -> KEY_UNAVAILABLE;
            case SYNTAX -> KEY_SYNTAX;
            case VERSION -> KEY_VERSION;
            case KEY_TYPE -> INAPPROPRIATE_KEY_ALGORITHM;
            case REVOKED -> KEY_REVOKED;
            case INVALID_KEY -> KEY_INVALID;
            case HASH_ALGORITHM, SERVICE -> throw new IllegalArgumentException("not checked for DomainKeys: " + problem);
        };
    }
}
