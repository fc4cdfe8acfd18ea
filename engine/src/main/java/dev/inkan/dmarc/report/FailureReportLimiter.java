package dev.inkan.dmarc.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rate limit RFC 9991 §2 requires of failure report generators (and §8.1 motivates: spoofed mail must not turn
 * the receiver into a report flood): at most {@code perDestination} reports per destination per hour and
 * {@code global} reports per minute in all; what is over is not sent (and counted). Thread-safe.
 */
public final class FailureReportLimiter {

    private final int perDestination;
    private final int global;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byDestination = new HashMap<>();
    private final Deque<Instant> all = new ArrayDeque<>();
    private long refused;

    public FailureReportLimiter(int perDestination, int global, Clock clock) {
        if (perDestination < 1 || global < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1");
        }
        this.perDestination = perDestination;
        this.global = global;
        this.clock = clock;
    }

    /** Whether one more report may go to {@code destination} now; if so, it is counted. */
    public synchronized boolean allow(String destination) {
        Instant now = clock.instant();
        prune(all, now.minus(Duration.ofMinutes(1)));
        Deque<Instant> mine = byDestination.computeIfAbsent(destination.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
        prune(mine, now.minus(Duration.ofHours(1)));
        if (all.size() >= global || mine.size() >= perDestination) {
            refused++;
            return false;
        }
        all.add(now);
        mine.add(now);
        if (byDestination.size() > 10_000) {
            byDestination.values().removeIf(Deque::isEmpty);
        }
        return true;
    }

    /** Reports not sent because of the limits. */
    public synchronized long refused() {
        return refused;
    }

    private static void prune(Deque<Instant> times, Instant before) {
        while (!times.isEmpty() && times.peekFirst().isBefore(before)) {
            times.pollFirst();
        }
    }
}
