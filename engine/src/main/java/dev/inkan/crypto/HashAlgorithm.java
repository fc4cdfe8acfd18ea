package dev.inkan.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digest algorithms of DKIM and ARC signatures (RFC 6376 §3.3, RFC 8301). */
public enum HashAlgorithm {
    SHA1("sha1", "SHA-1"),
    SHA256("sha256", "SHA-256");

    private final String tagName;
    private final String jcaName;

    HashAlgorithm(String tagName, String jcaName) {
        this.tagName = tagName;
        this.jcaName = jcaName;
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
