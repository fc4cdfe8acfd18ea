package dev.inkan.dns;

import java.time.Duration;

/**
 * A circuit breaker for one DNS server, so that a resolver that has stopped answering costs the mail path
 * nothing instead of a full timeout per query.
 *
 * <p>A query that gets no answer (timed out, or refused by the network) says little by itself: the name servers
 * of one hostile domain may never answer while the resolver serves everything else. So {@code threshold} failed
 * queries in a row only make the server <em>suspect</em>, and the caller then asks it something any recursive
 * resolver answers at once ({@code . IN NS}, {@link #PROBE_NAME}) in the background. Only when that probe gets no
 * answer either does the breaker open: from then on queries to the server fail at once, and every {@code
 * probeInterval} one more background probe is sent; the first answer to anything closes the breaker.
 *
 * <p>Times are {@link System#nanoTime()} values passed in by the caller. Thread-safe.
 */
final class ServerHealth {

    /** The name of the probe query (with type NS): the root, which every recursive resolver answers from cache. */
    static final String PROBE_NAME = ".";

    /** What a call changed, so the caller can act (send a probe) and log each transition once. */
    enum Transition { NONE, SUSPECTED, OPENED, CLOSED }

    /** What to do with a query now: send it, or skip the server (and send a background probe when one is due). */
    enum Access { SEND, PROBE_AND_SKIP, SKIP }

    private enum State { CLOSED, SUSPECT, OPEN }

    private final int threshold;
    private final long probeNanos;
    private int consecutiveFailures;
    private State state = State.CLOSED;
    private long nextProbe;

    ServerHealth(int threshold, Duration probeInterval) {
        if (threshold < 1) {
            throw new IllegalArgumentException("circuit breaker threshold must be at least 1: " + threshold);
        }
        this.threshold = threshold;
        this.probeNanos = probeInterval.toNanos();
    }

    /** Send while closed or suspect; while open, skip, and once per interval send a background probe. */
    synchronized Access access(long now) {
        if (state != State.OPEN) {
            return Access.SEND;
        }
        if (now - nextProbe >= 0) {
            nextProbe = now + probeNanos;
            return Access.PROBE_AND_SKIP;
        }
        return Access.SKIP;
    }

    /** The server answered a query or a probe (any RCODE: it is alive). */
    synchronized Transition answered(long now) {
        consecutiveFailures = 0;
        State was = state;
        state = State.CLOSED;
        return was == State.OPEN ? Transition.CLOSED : Transition.NONE;
    }

    /** A query got no answer; {@link Transition#SUSPECTED} asks the caller to send a probe now. */
    synchronized Transition failed(long now) {
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= threshold) {
            state = State.SUSPECT;
            return Transition.SUSPECTED;
        }
        return Transition.NONE;
    }

    /** A probe got no answer: a suspect server's breaker opens. */
    synchronized Transition probeFailed(long now) {
        if (state == State.SUSPECT) {
            state = State.OPEN;
            nextProbe = now + probeNanos;
            return Transition.OPENED;
        }
        return Transition.NONE;
    }

    synchronized boolean isOpen() {
        return state == State.OPEN;
    }
}
