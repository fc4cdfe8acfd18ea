package dev.inkan.message;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The digests fed by one canonicalizer, each with its own l= limit. */
final class BodyDigests {

    private static final class Entry {
        final BodyHashKey key;
        final MessageDigest digest;
        long hashed;

        Entry(BodyHashKey key) {
            this.key = key;
            this.digest = key.hash().newDigest();
            key.digestPrefixInto(digest);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private long canonicalLength;

    void add(BodyHashKey key) {
        entries.add(new Entry(key));
    }

    /** Canonical body bytes, in order. */
    void accept(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        canonicalLength += len;
        for (Entry e : entries) {
            long limit = e.key.limit();
            int n = limit < 0 ? len : (int) Math.min(len, limit - e.hashed);
            if (n > 0) {
                e.digest.update(b, off, n);
                e.hashed += n;
            }
        }
    }

    void finish(List<BodyHash> out) {
        for (Entry e : entries) {
            out.add(new BodyHash(e.key, e.digest.digest(), e.hashed, canonicalLength));
        }
    }
}
