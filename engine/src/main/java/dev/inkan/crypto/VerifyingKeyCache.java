package dev.inkan.crypto;

import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decoded public keys by their DNS key data, so a busy verifier decodes each published key once. Bounded:
 * when full it starts over. Thread-safe.
 */
public final class VerifyingKeyCache {

    private record Entry(KeyType type, byte[] data) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.type == type && Arrays.equals(e.data, data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    private final int capacity;
    private final ConcurrentHashMap<Entry, VerifyingKey> keys = new ConcurrentHashMap<>();

    public VerifyingKeyCache(int capacity) {
        this.capacity = capacity;
    }

    /** The key for this DNS key data, decoded once. */
    public VerifyingKey get(KeyType type, byte[] dnsKeyData) throws InvalidKeyException {
        Entry entry = new Entry(type, dnsKeyData);
        VerifyingKey key = keys.get(entry);
        if (key == null) {
            key = VerifyingKey.fromDnsKeyData(type, dnsKeyData);
            if (keys.size() >= capacity) {
                keys.clear();
            }
            keys.put(entry, key);
        }
        return key;
    }
}
