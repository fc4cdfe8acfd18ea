package dev.inkan.message;

/**
 * A finished body digest.
 *
 * @param key what was hashed
 * @param digest the digest of the first {@code hashedLength} canonical body bytes
 * @param hashedLength how many canonical bytes went into the digest
 * @param canonicalLength the length of the whole canonical body; greater than {@code hashedLength} when
 *     an l= limit left content unsigned
 */
public record BodyHash(BodyHashKey key, byte[] digest, long hashedLength, long canonicalLength) {

    /** True when content follows the l= limit (content appended after signing is not covered). */
    public boolean hasUnsignedContent() {
        return canonicalLength > hashedLength;
    }
}
