package dev.inkan.message;

import dev.inkan.crypto.HashAlgorithm;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a signature needs hashed of the body: canonicalization, digest and the l= length limit.
 * Signatures with equal keys share one digest; signatures with equal canonicalization share one
 * canonicalizer.
 *
 * @param canonicalization body canonicalization
 * @param hash digest algorithm
 * @param limit number of canonical body bytes to hash (RFC 6376 §3.5 l=), or -1 for the whole body
 * @param prefix bytes digested before the canonical body, empty for DKIM and ARC; DomainKeys (RFC 4870 §3.4)
 *     signs one digest of its canonical header lines followed by the body, so its key carries those lines
 */
public record BodyHashKey(BodyCanonicalization canonicalization, HashAlgorithm hash, long limit, byte[] prefix) {

    public static final long NO_LIMIT = -1;
    private static final byte[] NONE = new byte[0];

    public BodyHashKey {
        Objects.requireNonNull(canonicalization, "canonicalization");
        Objects.requireNonNull(hash, "hash");
        if (limit < NO_LIMIT) {
            throw new IllegalArgumentException("limit must be -1 (none) or >= 0: " + limit);
        }
        prefix = prefix == null || prefix.length == 0 ? NONE : prefix.clone();
    }

    public BodyHashKey(BodyCanonicalization canonicalization, HashAlgorithm hash, long limit) {
        this(canonicalization, hash, limit, NONE);
    }

    public static BodyHashKey of(BodyCanonicalization canonicalization, HashAlgorithm hash) {
        return new BodyHashKey(canonicalization, hash, NO_LIMIT);
    }

    /** The whole canonical body digested after {@code prefix} (DomainKeys: its canonical header lines). */
    public static BodyHashKey withPrefix(DomainKeysCanonicalization canonicalization, HashAlgorithm hash, byte[] prefix) {
        return new BodyHashKey(canonicalization, hash, NO_LIMIT, prefix);
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    void digestPrefixInto(java.security.MessageDigest digest) {
        digest.update(prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyHashKey k && k.canonicalization == canonicalization && k.hash == hash
                && k.limit == limit && Arrays.equals(k.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonicalization, hash, limit, Arrays.hashCode(prefix));
    }

    @Override
    public String toString() {
        return "BodyHashKey[" + canonicalization + ", " + hash + ", limit=" + limit
                + (prefix.length == 0 ? "" : ", prefix=" + prefix.length + " bytes " + HexFormat.of().formatHex(
                        prefix, 0, Math.min(8, prefix.length)) + "…") + "]";
    }
}
