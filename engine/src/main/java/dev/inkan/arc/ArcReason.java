package dev.inkan.arc;

/**
 * Why a chain did not pass. Every one gives {@link ArcResult#FAIL} except {@link #NO_CHAIN}: RFC 8617 §5.2.1
 * makes all errors permanent, DNS failures included. Grouped by the step of RFC 8617 §5.2 that finds them.
 */
public enum ArcReason {
    /** Step 1: no ARC header fields. */
    NO_CHAIN(ArcResult.NONE, "no ARC sets"),
    /** The chain failed when an earlier step of this hop validated it (its recorded result is all that is known). */
    FAILED_EARLIER(ArcResult.FAIL, "the chain failed validation on arrival"),
    /** Step 1: more sets than the limit (50, RFC 8617 §4.2.1). */
    TOO_MANY_SETS(ArcResult.FAIL, "too many ARC sets"),
    /** Step 2: the newest ARC-Seal already says cv=fail. */
    CHAIN_ALREADY_FAILED(ArcResult.FAIL, "the newest ARC-Seal reports cv=fail"),
    /** Step 3: an ARC header field whose instance (i=) is missing or not 1..50. */
    INVALID_INSTANCE(ArcResult.FAIL, "ARC header field with an invalid instance"),
    /** Step 3A: two fields of one kind share an instance. */
    DUPLICATE_FIELD(ArcResult.FAIL, "duplicate ARC header field"),
    /** Step 3A/3B: a set lacks a field, or the instances do not run 1..N without gaps. */
    INCOMPLETE_SET(ArcResult.FAIL, "incomplete ARC set"),
    /** Step 3C: cv= is not none for i=1 and pass above it. */
    INVALID_CV(ArcResult.FAIL, "invalid cv= in an ARC-Seal"),
    /** An ARC-Seal whose tags are malformed, missing or not allowed (h=, RFC 8617 §4.1.3). */
    SEAL_SYNTAX(ArcResult.FAIL, "ARC-Seal syntax error"),
    /** An ARC-Message-Signature whose tags are malformed or missing. */
    AMS_SYNTAX(ArcResult.FAIL, "ARC-Message-Signature syntax error"),
    /** An ARC-Authentication-Results without its {@code i=N;} prefix (RFC 8617 §4.1.1). */
    AAR_SYNTAX(ArcResult.FAIL, "ARC-Authentication-Results syntax error"),
    /** The newest AMS signs ARC-Seal fields (RFC 8617 §4.1.2). */
    AMS_SIGNS_SEAL(ArcResult.FAIL, "ARC-Message-Signature signs an ARC-Seal"),
    /** a= names an algorithm this validator does not know. */
    UNSUPPORTED_ALGORITHM(ArcResult.FAIL, "unsupported algorithm"),
    /** rsa-sha1 refused by local policy (RFC 8301 §3.1). */
    SHA1_REFUSED(ArcResult.FAIL, "rsa-sha1 is not accepted (RFC 8301)"),
    /** RSA key below the configured minimum (RFC 8301 §3.2: 1024 bits). */
    KEY_TOO_SHORT(ArcResult.FAIL, "RSA key too short"),
    /** RSA key above the configured maximum. */
    KEY_TOO_LONG(ArcResult.FAIL, "RSA key too long"),
    /** No key record at s._domainkey.d. */
    NO_KEY(ArcResult.FAIL, "no key for signature"),
    /** The key record could not be fetched; permanent for ARC (RFC 8617 §5.2.1). */
    KEY_UNAVAILABLE(ArcResult.FAIL, "key unavailable"),
    /** The key record is malformed or unusable for the signature (version, k=, h=, s=, p=). */
    KEY_UNUSABLE(ArcResult.FAIL, "key record unusable"),
    /** p= is empty. */
    KEY_REVOKED(ArcResult.FAIL, "key revoked"),
    /** The newest AMS's body hash does not match. */
    BODY_HASH_MISMATCH(ArcResult.FAIL, "ARC-Message-Signature body hash did not verify"),
    /** The newest AMS's signature does not verify. */
    AMS_SIGNATURE_MISMATCH(ArcResult.FAIL, "ARC-Message-Signature did not verify"),
    /** An ARC-Seal's signature does not verify. */
    SEAL_SIGNATURE_MISMATCH(ArcResult.FAIL, "ARC-Seal did not verify"),
    /** The validator failed; reported as fail, the mail goes on. */
    INTERNAL_ERROR(ArcResult.FAIL, "internal error");

    private final ArcResult result;
    private final String text;

    ArcReason(ArcResult result, String text) {
        this.result = result;
        this.text = text;
    }

    public ArcResult result() {
        return result;
    }

    /** The short human text, e.g. "ARC-Seal did not verify". */
    public String text() {
        return text;
    }
}
