package dev.inkan.crypto;

/**
 * Signing algorithms of the a= tag: rsa-sha1 and rsa-sha256 (RFC 6376 §3.3; rsa-sha1 deprecated by
 * RFC 8301 §3.1) and ed25519-sha256 (RFC 8463 §3).
 */
public enum SignatureAlgorithm {
    RSA_SHA1("rsa-sha1", KeyType.RSA, HashAlgorithm.SHA1),
    RSA_SHA256("rsa-sha256", KeyType.RSA, HashAlgorithm.SHA256),
    ED25519_SHA256("ed25519-sha256", KeyType.ED25519, HashAlgorithm.SHA256);

    private final String tagName;
    private final KeyType keyType;
    private final HashAlgorithm hash;

    SignatureAlgorithm(String tagName, KeyType keyType, HashAlgorithm hash) {
        this.tagName = tagName;
        this.keyType = keyType;
        this.hash = hash;
    }

    /** The a= value. */
    public String tagName() {
        return tagName;
    }

    public KeyType keyType() {
        return keyType;
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** The algorithm named {@code tagName} in an a= tag (case-insensitive), or null when unknown. */
    public static SignatureAlgorithm fromTagName(String tagName) {
        for (SignatureAlgorithm a : values()) {
            if (a.tagName.equalsIgnoreCase(tagName)) {
                return a;
            }
        }
        return null;
    }

    /** The default algorithm for a key type: rsa-sha256 or ed25519-sha256. */
    public static SignatureAlgorithm defaultFor(KeyType type) {
        return type == KeyType.RSA ? RSA_SHA256 : ED25519_SHA256;
    }
}
