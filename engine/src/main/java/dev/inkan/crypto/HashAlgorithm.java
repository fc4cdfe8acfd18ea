package dev.inkan.crypto;

import java.util.Arrays;
import java.util.HexFormat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digest algorithms of DKIM and ARC signatures (RFC 6376 §3.3, RFC 8301). */
public enum HashAlgorithm {
    SHA1("sha1", "SHA-1", HexFormat.of().parseHex("3021300906052b0e03021a05000414")),
    SHA256("sha256", "SHA-256", HexFormat.of().parseHex("3031300d060960864801650304020105000420"));

    private final String tagName;
    private final String jcaName;
    /** The DER of DigestInfo (RFC 8017 §9.2 note 1) up to the digest bytes. */
    private final byte[] digestInfoPrefix;

    HashAlgorithm(String tagName, String jcaName, byte[] digestInfoPrefix) {
        this.tagName = tagName;
        this.jcaName = jcaName;
        this.digestInfoPrefix = digestInfoPrefix;
    }

    /**
     * The DER DigestInfo of {@code digest} (RFC 8017 §9.2), what RSASSA-PKCS1-v1_5 signs: for signatures over a
     * digest computed elsewhere (DomainKeys hashes header and body in one streamed digest).
     */
    byte[] digestInfo(byte[] digest) {
        byte[] out = Arrays.copyOf(digestInfoPrefix, digestInfoPrefix.length + digest.length);
        System.arraycopy(digest, 0, out, digestInfoPrefix.length, digest.length);
        return out;
    }

    /** The name used in DKIM tags (a=rsa-sha256, key record h=sha256). */
    public String tagName() {
        return tagName;
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /** The algorithm named {@code tagName} in a DKIM tag (case-insensitive), or null. */
    public static HashAlgorithm fromTagName(String tagName) {
        for (HashAlgorithm h : values()) {
            if (h.tagName.equalsIgnoreCase(tagName)) {
                return h;
            }
        }
        return null;
    }
}
