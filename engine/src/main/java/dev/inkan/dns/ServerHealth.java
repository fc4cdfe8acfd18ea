package dev.inkan.dns;

import java.time.Duration;

/**
 * A circuit breaker for one DNS server, so that a resolver that has stopped answering costs the mail path
 * nothing instead of a full timeout per query. It opens when the server has let {@code threshold} queries in a
 * row time out <em>and</em> has answered nothing for at least {@code quietPeriod}: one hostile domain whose name
 * servers never answer makes single queries time out while the server keeps answering everything else, and must
 * not cut every other domain off. While open, queries to the server fail at once, except one probe every
 * {@code probeInterval}; the first answer closes it again.
 *
 * <p>Times are {@link System#nanoTime()} values passed in by the caller. Thread-safe.
 */
final class ServerHealth {

    /** What a call changed, so the caller can log each transition once. */
    enum Transition { NONE, OPENED, CLOSED }

    private final int threshold;
    private final long quietNanos;
    private final long probeNanos;
    private int consecutiveTimeouts;
    private long lastAnswer;
    private boolean open;
    private long nextProbe;

    ServerHealth(int threshold, Duration quietPeriod, Duration probeInterval, long now) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit breaker threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
        this.quietNanos = quietPeriod.toNanos();
        this.probeNanos = probeInterval.toNanos();
        this.lastAnswer = now;
    }

    /** Whether a query may be sent now: always while closed; while open, one probe per interval. */
    synchronized boolean allows(long now) {
        if (!open) {
            return true;
        }
        if (now - nextProbe >= 0) {
            nextProbe = now + probeNanos;
            return true;
        }
        return false;
    }

    /** The server answered (any RCODE: it is alive). */
    synchronized Transition answered(long now) {
        lastAnswer = now;
        consecutiveTimeouts = 0;
        if (open) {
            open = false;
            return Transition.CLOSED;
        }
        return Transition.NONE;
    }

    /** A query to the server timed out. */
    synchronized Transition timedOut(long now) {
        consecutiveTimeouts++;
        if (!open && consecutiveTimeouts >= threshold && now - lastAnswer >= quietNanos) {
            open = true;
            nextProbe = now + probeNanos;
            return Transition.OPENED;
        }
        return Transition.NONE;
    }

    synchronized boolean isOpen() {
        return open;
    }
}
