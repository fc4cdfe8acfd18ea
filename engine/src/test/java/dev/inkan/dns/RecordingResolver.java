package dev.inkan.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ReverseMap;

/**
 * Test support: a {@link DnsResolver} that passes every query to another one and records it, so a test
 * can assert how many lookups a check made and of which kind (SPF's 10 DNS-querying terms and 2 void
 * lookups, RFC 7208 §4.6.4; one key query per DKIM signature, RFC 6376 §6.1.2).
 *
 * <pre>{@code
 * RecordingResolver dns = new RecordingResolver(ZoneFileResolver.fromText(zone));
 * ... run the check with dns ...
 * assertThat(dns.count(QueryType.TXT)).isEqualTo(1);
 * assertThat(dns.queries()).containsExactly(new RecordingResolver.Query(QueryType.TXT, "sel._domainkey.example.com"));
 * }</pre>
 *
 * Thread-safe; queries are kept in the order they were made.
 */
public final class RecordingResolver implements DnsResolver {

    /**
     * One query: its type and the name asked, lower-cased, without a trailing dot. For PTR the name is
     * the reverse name ({@code 4.3.2.1.in-addr.arpa}).
     */
    public record Query(QueryType type, String name) {

        public Query {
            Objects.requireNonNull(type, "type");
            name = normalised(name);
        }
    }

    private final DnsResolver delegate;
    private final List<Query> queries = new CopyOnWriteArrayList<>();

    public RecordingResolver(DnsResolver delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        queries.add(new Query(QueryType.TXT, name));
        return delegate.txt(name);
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        queries.add(new Query(QueryType.A, name));
        return delegate.a(name);
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        queries.add(new Query(QueryType.AAAA, name));
        return delegate.aaaa(name);
    }

    @Override
    public DnsAnswer<MxHost> mx(String name) {
        queries.add(new Query(QueryType.MX, name));
        return delegate.mx(name);
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        queries.add(new Query(QueryType.PTR, ReverseMap.fromAddress(address).toString()));
        return delegate.ptr(address);
    }

    /** Every query so far, oldest first (a snapshot). */
    public List<Query> queries() {
        return List.copyOf(queries);
    }

    /** How many queries were made. */
    public int count() {
        return queries.size();
    }

    /** How many queries of {@code type} were made. */
    public int count(QueryType type) {
        return (int) queries.stream().filter(query -> query.type() == type).count();
    }

    /** The names asked with {@code type}, oldest first, normalised as in {@link Query}. */
    public List<String> names(QueryType type) {
        return queries.stream().filter(query -> query.type() == type).map(Query::name).toList();
    }

    /** Forgets the queries recorded so far. */
    public void clear() {
        queries.clear();
    }

    private static String normalised(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
