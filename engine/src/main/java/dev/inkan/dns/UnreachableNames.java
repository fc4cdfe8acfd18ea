package dev.inkan.dns;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queries that recently got no answer at all (timed out), remembered for a short while so that the next message
 * asking the same name does not wait for the same timeout again: RFC 2308 §7.2 lets a resolver cache that a
 * server is "dead / unreachable" for a query, for at most five minutes. A hostile domain whose name servers never
 * answer then costs one timeout per name per period, not one per message. Answers, negative ones included, and
 * SERVFAIL (a quick answer, asked again at no cost) are never remembered here. Bounded: past {@code maxEntries}
 * it starts over. Thread-safe.
 */
final class UnreachableNames {

    /** RFC 2308 §7.2: "MUST NOT be cached for longer than five (5) minutes". */
    static final Duration MAX_TTL = Duration.ofMinutes(5);

    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Long> until = new ConcurrentHashMap<>();

    UnreachableNames(Duration ttl, int maxEntries) {
        this.ttlNanos = checkTtl(ttl).toNanos();
        this.maxEntries = maxEntries;
    }

    /** {@code ttl}, when it is 0 to 5 minutes (RFC 2308 §7.2). */
    static Duration checkTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("timeout cache time must be 0 to 5 minutes (RFC 2308 section 7.2): "
                    + ttl);
        }
        return ttl;
    }


    /** Whether {@code key} timed out less than the TTL ago. */
    boolean recentlyTimedOut(String key, long now) {
        if (ttlNanos == 0) {
            return false;
        }
        Long end = until.get(key);
        if (end == null) {
            return false;
        }
        if (now - end >= 0) {
            until.remove(key, end);
            return false;
        }
        return true;
    }

    void timedOut(String key, long now) {
        if (ttlNanos == 0) {
            return;
        }
        if (until.size() >= maxEntries) {
            until.clear();
        }
        until.put(key, now + ttlNanos);
    }
}
