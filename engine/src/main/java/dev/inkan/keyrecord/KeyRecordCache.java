package dev.inkan.keyrecord;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed key records by their TXT text, so a busy verifier parses each published record once. Bounded: when
 * full it starts over. Thread-safe.
 */
public final class KeyRecordCache {

    private final int capacity;
    private final ConcurrentHashMap<String, KeyRecordParse> parsed = new ConcurrentHashMap<>();

    public KeyRecordCache(int capacity) {
        this.capacity = capacity;
    }

    public KeyRecordParse parse(String text) {
        KeyRecordParse p = parsed.get(text);
        if (p == null) {
            p = KeyRecordParse.parse(text);
            if (parsed.size() >= capacity) {
                parsed.clear();
            }
            parsed.put(text, p);
        }
        return p;
    }
}
