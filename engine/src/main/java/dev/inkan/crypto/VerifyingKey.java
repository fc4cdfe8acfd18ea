package dev.inkan.crypto;

import java.security.InvalidKeyException;
import java.util.Base64;

/**
 * A public key as published in DNS (RFC 6376 §3.6.1 p=): RSA as SubjectPublicKeyInfo DER, Ed25519 as the
 * raw 32-byte key (RFC 8463 §4).
 */
public sealed interface VerifyingKey permits RsaVerifyingKey, Ed25519VerifyingKey {

    KeyType type();

    /** Key size in bits: the RSA modulus length, 256 for Ed25519. */
    int bits();

    /**
     * Verifies {@code signature} over {@code data} hashed with {@code hash}. For RSA this is
     * RSASSA-PKCS1-v1_5 with that hash; for Ed25519 (RFC 8463 §3) PureEdDSA over the hash of the data.
     * A malformed signature value yields false, never an exception.
     */
    boolean verify(HashAlgorithm hash, byte[] data, byte[] signature);

    /** The bytes of the DNS p= tag. */
    byte[] dnsKeyData();

    /** The p= value: {@link #dnsKeyData()} in base64. */
    default String dnsKeyBase64() {
        return Base64.getEncoder().encodeToString(dnsKeyData());
    }

    /**
     * Decodes the p= bytes of a key record.
     *
     * @throws InvalidKeyException with a precise message ("public key record has no modulus", "Ed25519
     *     public key must be 32 bytes, got 44") when the data is not a key of that type
     */
    static VerifyingKey fromDnsKeyData(KeyType type, byte[] data) throws InvalidKeyException {
        return type == KeyType.RSA ? RsaVerifyingKey.fromDnsKeyData(data) : Ed25519VerifyingKey.fromDnsKeyData(data);
    }
}
