package dev.inkan.message;

import dev.inkan.crypto.HashAlgorithm;
import java.util.Objects;

/**
 * What a signature needs hashed of the body: canonicalization, digest and the l= length limit.
 * Signatures with equal keys share one digest; signatures with equal canonicalization share one
 * canonicalizer.
 *
 * @param canonicalization body canonicalization
 * @param hash digest algorithm
 * @param limit number of canonical body bytes to hash (RFC 6376 §3.5 l=), or -1 for the whole body
 */
public record BodyHashKey(Canonicalization canonicalization, HashAlgorithm hash, long limit) {

    public static final long NO_LIMIT = -1;

    public BodyHashKey {
        Objects.requireNonNull(canonicalization, "canonicalization");
        Objects.requireNonNull(hash, "hash");
        if (limit < NO_LIMIT) {
            throw new IllegalArgumentException("limit must be -1 (none) or >= 0: " + limit);
        }
    }

    public static BodyHashKey of(Canonicalization canonicalization, HashAlgorithm hash) {
        return new BodyHashKey(canonicalization, hash, NO_LIMIT);
    }
}
