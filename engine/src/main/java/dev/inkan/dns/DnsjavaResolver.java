package dev.inkan.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Credibility;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Real DNS over the network through dnsjava: a {@link Lookup} per query against configured (or the
 * system's) recursive servers, with a cache of its own.
 *
 * <ul>
 *   <li>Transport (RFC 1035 §4.2): UDP, falling back to TCP when an answer is truncated; each server
 *       is tried in turn, {@code retries + 1} rounds, each attempt waiting at most {@code timeout}.</li>
 *   <li>Names are absolute: no search path, no /etc/hosts; a trailing dot is optional. CNAME chains
 *       are followed by {@code Lookup}. Invalid names are answered NXDOMAIN without a query (see
 *       {@link RecordQueries}).</li>
 *   <li>Cache: a per-instance {@link Cache} bounded to {@code cacheMaxEntries} names, keeping each
 *       answer for its TTL (RFC 1035 §3.2.1; TTL 0 is never cached) and NXDOMAIN / no-data answers
 *       for the SOA's TTL, capped by its MINIMUM (RFC 2308 §5). Temporary failures are not cached, except
 *       that a query that timed out is not sent again for {@code timeoutCacheTtl} (30 s; RFC 2308 §7.2).
 *       {@code cacheMaxEntries(0)} turns caching off.</li>
 *   <li>Outcomes: SUCCESSFUL → FOUND, HOST_NOT_FOUND (RCODE 3) → NXDOMAIN, TYPE_NOT_FOUND (NOERROR,
 *       no answer) → NO_DATA; everything else → TEMPFAIL with dnsjava's short reason ("timed out",
 *       "network error", "SERVFAIL", "REFUSED", "CNAME loop", "referral", …). Nothing is thrown.</li>
 * </ul>
 *
 * <p>Thread-safe: the configuration is immutable and dnsjava's cache is synchronised.
 */
public final class DnsjavaResolver extends RecordQueries {

    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);
    private static final DnsFailureLog FAILURES = new DnsFailureLog(LOG, Duration.ofMinutes(1), 10_000);

    private final RetryingResolver transport;
    private final Cache cache;
    private final UnreachableNames unreachable;

    private DnsjavaResolver(RetryingResolver transport, Cache cache, UnreachableNames unreachable) {
        this.transport = transport;
        this.cache = cache;
        this.unreachable = unreachable;
    }

    /**
     * A builder with the defaults: the system's resolvers, 2 s timeout, 1 retry, 10 000 cache entries, a circuit
     * breaker per server (3 queries in a row without an answer, then a probe decides; probes every 5 s while open).
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    DnsAnswer<Record> query(Name name, int type) {
        String key = Type.string(type) + ' ' + name.toString().toLowerCase(java.util.Locale.ROOT);
        if (unreachable.recentlyTimedOut(key, System.nanoTime())) {
            return DnsAnswer.tempFail(DnsAnswer.TIMED_OUT + " (recently; not asked again yet, RFC 2308 section 7.2)");
        }
        try {
            Lookup lookup = new Lookup(name, type, DClass.IN);
            lookup.setResolver(transport);
            lookup.setCache(cache); // null: a throw-away cache for this lookup only
            lookup.setHostsFileParser(null);
            lookup.setCycleResults(false);
            lookup.run();
            DnsAnswer<Record> answer = outcome(lookup);
            if (answer.status() == DnsStatus.TEMPFAIL) {
                FAILURES.failed(name.toString(), Type.string(type), answer.detail(), System.nanoTime());
                if (DnsAnswer.TIMED_OUT.equals(answer.detail()) && !transport.allOpen()) { // not when the breaker skipped
                    unreachable.timedOut(key, System.nanoTime());
                }
            }
            return answer;
        } catch (RuntimeException e) {
            LOG.warn("DNS lookup of {} type {} failed inside dnsjava", name, type, e);
            return DnsAnswer.tempFail("resolver error: " + e.getMessage());
        }
    }

    /**
     * This resolver answering only from its cache, on the caller's thread, without waiting: what dnsjava's {@link
     * Lookup} would answer from the cache (records, NXDOMAIN, no data, CNAMEs followed) it answers the same; what
     * would need the network is answered {@link DnsAnswer#isNotCached() not cached}, never sent. Null without a
     * cache. {@link DnsLookups} asks it first: most of a busy server's queries are cache hits, and handing each to
     * the lookup pool and back cost two thread wake-ups per query.
     */
    DnsResolver cacheOnly() {
        return cacheOnly;
    }

    private final RecordQueries cacheOnly = new RecordQueries() {
        @Override
        DnsAnswer<Record> query(Name name, int type) {
            if (cache == null) {
                return DnsAnswer.tempFail(DnsAnswer.NOT_CACHED);
            }
            // The cache's answer as Lookup reads it (credibility NORMAL, records in order) for the three outcomes a
            // busy server meets nearly every time; Lookup itself costs four calls synchronized on its class (its
            // defaults) per query, and a spool's threads all make them
            SetResponse cached = cache.lookupRecords(name, type, Credibility.NORMAL);
            if (cached.isSuccessful()) {
                List<Record> records = new ArrayList<>();
                for (RRset set : cached.answers()) {
                    records.addAll(set.rrs(false));
                }
                return records.isEmpty() ? DnsAnswer.noData() : DnsAnswer.found(records);
            }
            if (cached.isNXDOMAIN()) {
                return DnsAnswer.nxdomain();
            }
            if (cached.isNXRRSET()) {
                return DnsAnswer.noData();
            }
            // a CNAME or DNAME to follow, or nothing cached: Lookup follows it exactly as it would
            Lookup lookup = new Lookup(name, type, DClass.IN);
            lookup.setResolver(NoNetwork.INSTANCE);
            lookup.setCache(cache);
            lookup.setHostsFileParser(null);
            lookup.setCycleResults(false);
            lookup.run();
            return lookup.getResult() == Lookup.TRY_AGAIN ? DnsAnswer.tempFail(DnsAnswer.NOT_CACHED) : outcome(lookup);
        }

        @Override
        public String toString() {
            return "cache of " + DnsjavaResolver.this;
        }
    };

    /** A transport that never sends: every query fails at once, which {@link Lookup} reports as TRY_AGAIN. */
    private static final class NoNetwork implements Resolver {
        static final NoNetwork INSTANCE = new NoNetwork();

        @Override
        public void setPort(int port) {
        }

        @Override
        public void setTCP(boolean flag) {
        }

        @Override
        public void setIgnoreTruncation(boolean flag) {
        }

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
        }

        @Override
        public void setTSIGKey(TSIG key) {
        }

        @Override
        public void setTimeout(Duration timeout) {
        }

        @Override
        public Message send(Message query) throws IOException {
            throw new IOException(DnsAnswer.NOT_CACHED);
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query) {
            return CompletableFuture.failedFuture(new IOException(DnsAnswer.NOT_CACHED));
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query, Executor executor) {
            return sendAsync(query);
        }
    }

    private static DnsAnswer<Record> outcome(Lookup lookup) {
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL:
                Record[] answers = lookup.getAnswers();
                return answers == null || answers.length == 0 ? DnsAnswer.noData() : DnsAnswer.found(Arrays.asList(answers));
            case Lookup.HOST_NOT_FOUND:
                return DnsAnswer.nxdomain();
            case Lookup.TYPE_NOT_FOUND:
                return DnsAnswer.noData();
            default:
                return DnsAnswer.tempFail(lookup.getErrorString());
        }
    }

    @Override
    public String toString() {
        return "DnsjavaResolver[" + transport + ", cache=" + (cache == null ? "off" : cache.getMaxEntries()) + "]";
    }

    /** Configures a {@link DnsjavaResolver}; not thread-safe, build once and share the resolver. */
    public static final class Builder {

        private final List<String> servers = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(2);
        private int retries = 1;
        private int cacheMaxEntries = 10_000;
        private int breakerThreshold = 3;
        private Duration timeoutCacheTtl = Duration.ofSeconds(30);
        private Duration probeInterval = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * Adds a recursive server: {@code "host"}, {@code "host:port"}, an IPv6 literal
         * ({@code "2001:db8::53"}) or {@code "[2001:db8::53]:5353"}. Port 53 when none is given. Without
         * any server, the system's resolvers are used (dnsjava's {@link ResolverConfig}).
         */
        public Builder server(String server) {
            servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** Adds each of {@code servers}, as {@link #server(String)}. */
        public Builder servers(List<String> servers) {
            servers.forEach(this::server);
            return this;
        }

        /** How long one attempt at one server may take; positive. Default 2 s. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("DNS timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Further rounds over all servers after the first; 0 or more. Default 1. */
        public Builder retries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("DNS retries must be 0 or more: " + retries);
            }
            this.retries = retries;
            return this;
        }

        /** At most this many names in the cache (least recently used go first); 0 disables it. Default 10 000. */
        public Builder cacheMaxEntries(int cacheMaxEntries) {
            if (cacheMaxEntries < 0) {
                throw new IllegalArgumentException("DNS cache size must be 0 or more: " + cacheMaxEntries);
            }
            this.cacheMaxEntries = cacheMaxEntries;
            return this;
        }

        /**
         * The circuit breaker of each server: {@code threshold} queries in a row without an answer make it send a
         * probe ({@code . IN NS}); when that is not answered either, the server's queries fail at once, with a
         * probe every {@code probeInterval} until one is answered (see {@code ServerHealth}). Default 3 and 5 s.
         */
        public Builder circuitBreaker(int threshold, Duration probeInterval) {
            if (threshold < 1) {
                throw new IllegalArgumentException("circuit breaker threshold must be at least 1: " + threshold);
            }
            if (probeInterval.isNegative() || probeInterval.isZero()) {
                throw new IllegalArgumentException("circuit breaker probe interval must be positive: " + probeInterval);
            }
            this.breakerThreshold = threshold;
            this.probeInterval = probeInterval;
            return this;
        }

        /**
         * How long a query that timed out is answered "timed out" again without being sent (RFC 2308 §7.2, at most
         * 5 minutes); zero turns it off. Default 30 s. See {@code UnreachableNames}.
         */
        public Builder timeoutCacheTtl(Duration ttl) {
            this.timeoutCacheTtl = UnreachableNames.checkTtl(ttl);
            return this;
        }

        /**
         * Builds the resolver.
         *
         * @throws IllegalArgumentException a server is malformed or its host name does not resolve
         */
        public DnsjavaResolver build() {
            List<InetSocketAddress> addresses = servers.isEmpty()
                    ? ResolverConfig.getCurrentConfig().servers()
                    : servers.stream().map(Builder::address).toList();
            List<SimpleResolver> resolvers = addresses.stream().map(SimpleResolver::new).toList();
            Cache cache = null;
            if (cacheMaxEntries > 0) {
                cache = new Cache(DClass.IN);
                cache.setMaxEntries(cacheMaxEntries);
            }
            return new DnsjavaResolver(new RetryingResolver(resolvers, timeout, retries, breakerThreshold,
                    probeInterval), cache, new UnreachableNames(timeoutCacheTtl, 10_000));
        }

        static InetSocketAddress address(String server) {
            String host = server.strip();
            int port = SimpleResolver.DEFAULT_PORT;
            if (host.startsWith("[")) {
                int close = host.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("DNS server \"" + server + "\": missing ']'");
                }
                String rest = host.substring(close + 1);
                if (!rest.isEmpty()) {
                    port = port(server, rest.startsWith(":") ? rest.substring(1) : rest);
                }
                host = host.substring(1, close);
            } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
                port = port(server, host.substring(host.indexOf(':') + 1));
                host = host.substring(0, host.indexOf(':'));
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("DNS server \"" + server + "\": no host");
            }
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("DNS server \"" + server + "\": unknown host " + host, e);
            }
        }

        private static int port(String server, String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("DNS server \"" + server + "\": bad port \"" + text + "\"");
        }
    }
}
