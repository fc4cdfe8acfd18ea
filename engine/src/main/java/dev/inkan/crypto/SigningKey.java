package dev.inkan.crypto;

/** A private key that signs DKIM and ARC header hashes. Thread-safe. */
public sealed interface SigningKey permits RsaSigningKey, Ed25519SigningKey {

    KeyType type();

    /** Key size in bits: the RSA modulus length, 256 for Ed25519. */
    int bits();

    /**
     * Signs {@code data} hashed with {@code hash}: RSASSA-PKCS1-v1_5 for RSA, PureEdDSA over the hash for
     * Ed25519 (RFC 8463 §3). Deterministic for both key types.
     */
    byte[] sign(HashAlgorithm hash, byte[] data);

    /** The matching public key. */
    VerifyingKey publicKey();

    /** The key as PEM text: PKCS#1 "RSA PRIVATE KEY" for RSA (as opendkim-genkey writes), PKCS#8 for Ed25519. */
    String toPem();
}
