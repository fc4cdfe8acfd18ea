package dev.inkan.dkim;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.keyrecord.KeyRecord;

/**
 * The DKIM key record to publish for a key. The record model, parser and cache live in
 * {@link dev.inkan.keyrecord}, shared with ARC; this name stays for callers that publish DKIM keys.
 */
public final class DkimKeyRecord {

    private DkimKeyRecord() {
    }

    /** The TXT record text that publishes {@code key}: {@code v=DKIM1; k=rsa; p=...} (RFC 6376 §3.6.1, RFC 8463 §4). */
    public static String textFor(VerifyingKey key) {
        return KeyRecord.textFor(key);
    }

    /** The record that revokes a key of {@code type}, with an empty {@code p=} (RFC 6376 §3.6.1). */
    public static String revokedTextFor(KeyType type) {
        return KeyRecord.revokedTextFor(type);
    }
}
