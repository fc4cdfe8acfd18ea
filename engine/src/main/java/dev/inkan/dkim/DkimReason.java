package dev.inkan.dkim;

import dev.inkan.keyrecord.KeyRecordProblem;

/**
 * Why a signature did not pass, each with the RFC 8601 §2.7.1 result it maps to and the RFC 6376 §6.1
 * wording operators know from other verifiers. The mapping:
 * <ul>
 *   <li>neutral — the signature "contained syntax errors or [was] not otherwise able to be processed":
 *   tag syntax, missing tags, unsupported version/algorithm/canonicalization/query method;</li>
 *   <li>permerror — unrecoverable, "such as a required header field being absent": From not signed,
 *   i= outside d=, expiry, no key, key record unusable;</li>
 *   <li>fail — the cryptography says no, and a revoked key ("treat this as a failed signature check",
 *   RFC 6376 §6.1.2 step 7);</li>
 *   <li>policy — verifiable but not acceptable here (RFC 8301: rsa-sha1, RSA keys under 1024 bits);</li>
 *   <li>temperror — the key could not be fetched now.</li>
 * </ul>
 */
public enum DkimReason {
    SIGNATURE_SYNTAX(DkimResult.NEUTRAL, "signature syntax error"),
    MISSING_TAG(DkimResult.NEUTRAL, "signature missing required tag"),
    UNSUPPORTED_VERSION(DkimResult.NEUTRAL, "incompatible version"),
    UNSUPPORTED_ALGORITHM(DkimResult.NEUTRAL, "unsupported algorithm"),
    UNSUPPORTED_CANONICALIZATION(DkimResult.NEUTRAL, "unsupported canonicalization"),
    UNSUPPORTED_QUERY_METHOD(DkimResult.NEUTRAL, "unsupported query method"),
    FROM_NOT_SIGNED(DkimResult.PERMERROR, "From field not signed"),
    DOMAIN_MISMATCH(DkimResult.PERMERROR, "domain mismatch"),
    EXPIRED(DkimResult.PERMERROR, "signature expired"),
    TIMESTAMP_IN_FUTURE(DkimResult.PERMERROR, "signature timestamp in the future"),
    NO_KEY(DkimResult.PERMERROR, "no key for signature"),
    KEY_SYNTAX(DkimResult.PERMERROR, "key syntax error"),
    KEY_INVALID(DkimResult.PERMERROR, "public key record has no modulus"),
    KEY_VERSION(DkimResult.PERMERROR, "key record has an unsupported version"),
    INAPPROPRIATE_KEY_ALGORITHM(DkimResult.PERMERROR, "inappropriate key algorithm"),
    INAPPROPRIATE_HASH_ALGORITHM(DkimResult.PERMERROR, "inappropriate hash algorithm"),
    KEY_SERVICE_MISMATCH(DkimResult.PERMERROR, "key is not for email"),
    KEY_STRICT_IDENTITY(DkimResult.PERMERROR, "key requires i= domain to equal d= (t=s)"),
    KEY_REVOKED(DkimResult.FAIL, "key revoked"),
    BODY_HASH_MISMATCH(DkimResult.FAIL, "body hash did not verify"),
    BODY_LENGTH_EXCEEDS_BODY(DkimResult.FAIL, "l= is longer than the body"),
    SIGNATURE_MISMATCH(DkimResult.FAIL, "signature did not verify"),
    SHA1_REFUSED(DkimResult.POLICY, "rsa-sha1 is not accepted (RFC 8301)"),
    KEY_TOO_SHORT(DkimResult.POLICY, "RSA key too short"),
    KEY_TOO_LONG(DkimResult.POLICY, "RSA key too long"),
    NOT_CHECKED(DkimResult.POLICY, "not checked: signature limit reached"),
    KEY_UNAVAILABLE(DkimResult.TEMPERROR, "key unavailable"),
    INTERNAL_ERROR(DkimResult.TEMPERROR, "internal error");

    private final DkimResult result;
    private final String text;

    DkimReason(DkimResult result, String text) {
        this.result = result;
        this.text = text;
    }

    /** The reason for a key record problem found while verifying a DKIM signature. */
    static DkimReason forKeyProblem(KeyRecordProblem problem) {
        switch (problem) {
            case NOT_FOUND: return NO_KEY;
            case UNAVAILABLE: return KEY_UNAVAILABLE;
            case SYNTAX: return KEY_SYNTAX;
            case VERSION: return KEY_VERSION;
            case KEY_TYPE: return INAPPROPRIATE_KEY_ALGORITHM;
            case HASH_ALGORITHM: return INAPPROPRIATE_HASH_ALGORITHM;
            case SERVICE: return KEY_SERVICE_MISMATCH;
            case REVOKED: return KEY_REVOKED;
            case INVALID_KEY: return KEY_INVALID;
            default: throw new IllegalArgumentException("unmapped key record problem " + problem);
        }
    }

    public DkimResult result() {
        return result;
    }

    /** The short human text, e.g. "body hash did not verify". */
    public String text() {
        return text;
    }
}
