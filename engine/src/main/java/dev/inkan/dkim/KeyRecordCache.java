package dev.inkan.dkim;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed key records by their TXT text, so a busy verifier parses each published record once. Bounded:
 * when full it starts over. Thread-safe.
 */
final class KeyRecordCache {

    private final int capacity;
    private final ConcurrentHashMap<String, DkimKeyRecordParse> parsed = new ConcurrentHashMap<>();

    KeyRecordCache(int capacity) {
        this.capacity = capacity;
    }

    DkimKeyRecordParse parse(String text) {
        DkimKeyRecordParse p = parsed.get(text);
        if (p == null) {
            p = DkimKeyRecordParse.parse(text);
            if (parsed.size() >= capacity) {
                parsed.clear();
            }
            parsed.put(text, p);
        }
        return p;
    }
}
