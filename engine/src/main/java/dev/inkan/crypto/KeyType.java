package dev.inkan.crypto;

/** Key types of DKIM key records (RFC 6376 §3.6.1 k=, RFC 8463). */
public enum KeyType {
    RSA("rsa"),
    ED25519("ed25519");

    private final String tagName;

    KeyType(String tagName) {
        this.tagName = tagName;
    }

    /** The k= value of a key record. */
    public String tagName() {
        return tagName;
    }

    /** The key type named {@code tagName} (case-insensitive), or null. */
    public static KeyType fromTagName(String tagName) {
        for (KeyType t : values()) {
            if (t.tagName.equalsIgnoreCase(tagName)) {
                return t;
            }
        }
        return null;
    }
}
