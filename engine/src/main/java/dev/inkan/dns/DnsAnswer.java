package dev.inkan.dns;

import java.util.List;
import java.util.Objects;

/**
 * The typed outcome of one DNS query: a status and, when {@link DnsStatus#FOUND}, the records.
 *
 * @param status how the query ended
 * @param records the records found; empty unless {@code status == FOUND}
 * @param detail a short human text for non-FOUND outcomes ("timed out", "SERVFAIL"), else empty
 */
public record DnsAnswer<T>(DnsStatus status, List<T> records, String detail) {

    /** The detail of a query no server answered in time (dnsjava's text for it, and ours). */
    static final String TIMED_OUT = "timed out";
    /** The detail of {@link DnsjavaResolver#cacheOnly()}'s answer to what its cache cannot answer. */
    static final String NOT_CACHED = "not answerable from the cache";

    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        detail = detail == null ? "" : detail;
        if (status == DnsStatus.FOUND && records.isEmpty()) {
            throw new IllegalArgumentException("a FOUND answer needs at least one record");
        }
        if (status != DnsStatus.FOUND && !records.isEmpty()) {
            throw new IllegalArgumentException(status + " answer cannot carry records");
        }
    }

    public static <T> DnsAnswer<T> found(List<T> records) {
        return new DnsAnswer<>(DnsStatus.FOUND, records, "");
    }

    public static <T> DnsAnswer<T> nxdomain() {
        return new DnsAnswer<>(DnsStatus.NXDOMAIN, List.of(), "NXDOMAIN");
    }

    public static <T> DnsAnswer<T> noData() {
        return new DnsAnswer<>(DnsStatus.NO_DATA, List.of(), "no records of that type");
    }

    public static <T> DnsAnswer<T> tempFail(String detail) {
        return new DnsAnswer<>(DnsStatus.TEMPFAIL, List.of(), detail);
    }

    public boolean isFound() {
        return status == DnsStatus.FOUND;
    }

    /**
     * Whether this is a temporary failure because no answer came in time: the resolver's timeout, a server skipped
     * while its circuit breaker is open, or a name that timed out a moment ago and is not asked again yet (RFC 2308
     * §7.2). Not SERVFAIL, REFUSED or a network error, which are answers (or refusals) that came.
     */
    /** A cache-only lookup's "ask the network" ({@link #NOT_CACHED}), never a real outcome. */
    boolean isNotCached() {
        return status == DnsStatus.TEMPFAIL && NOT_CACHED.equals(detail);
    }

    public boolean isTimeout() {
        return status == DnsStatus.TEMPFAIL && detail.startsWith(TIMED_OUT);
    }
}
