package dev.inkan.dns;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs DNS failures at WARN so an operator sees an outage, at most once per name and cause per interval, so that
 * an outage (or an attacker's thousand queries for one dead name) does not flood the log. Suppressed repeats are
 * counted and reported with the next line for that name and cause. Bounded: past {@code maxKeys} remembered keys
 * it starts over. Thread-safe.
 */
final class DnsFailureLog {

    private final Logger log;
    private final long intervalNanos;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        long lastLogged;
        int suppressed;
    }

    DnsFailureLog(Logger log, Duration interval, int maxKeys) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.maxKeys = maxKeys;
    }

    /** Reports that the query for {@code name} of {@code type} failed temporarily with {@code cause}. */
    void failed(String name, String type, String cause, long now) {
        if (!log.isWarnEnabled()) {
            return;
        }
        if (entries.size() >= maxKeys) {
            entries.clear();
        }
        Entry entry = entries.computeIfAbsent(type + ' ' + name + ' ' + cause, k -> new Entry());
        int suppressed;
        synchronized (entry) {
            if (entry.lastLogged != 0 && now - entry.lastLogged < intervalNanos) {
                entry.suppressed++;
                return;
            }
            entry.lastLogged = now == 0 ? 1 : now;
            suppressed = entry.suppressed;
            entry.suppressed = 0;
        }
        if (suppressed > 0) {
            log.warn("DNS {} {} failed: {} ({} more times since the last report)", type, name, cause, suppressed);
        } else {
            log.warn("DNS {} {} failed: {}", type, name, cause);
        }
    }
}
