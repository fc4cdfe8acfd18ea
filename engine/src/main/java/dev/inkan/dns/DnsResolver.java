package dev.inkan.dns;

import java.net.InetAddress;

/**
 * The DNS queries Inkan's protocols need, with outcomes that tell found / NXDOMAIN / no data /
 * temporary failure apart. Names are given without a trailing dot and are treated as absolute.
 * Implementations never throw for DNS outcomes; every failure is a {@link DnsStatus#TEMPFAIL} answer.
 * Implementations are thread-safe.
 *
 * <p>A name that can never exist in the DNS (an empty label, a label over 63 octets, more than 253
 * characters: RFC 1035 §2.3.4) is answered {@link DnsStatus#NXDOMAIN} with a detail starting
 * {@code "invalid DNS name: "}, without a query: RFC 7208 §4.3 treats a malformed domain like RCODE 3,
 * and for RFC 6376 §6.1.2 its key simply does not exist. Names are taken literally (no master-file
 * escapes); internationalised names must already be A-labels.
 *
 * @see DnsjavaResolver real DNS over the network, with a cache
 * @see ZoneFileResolver offline DNS from master-file text
 */
public interface DnsResolver {

    /**
     * TXT records of {@code name}. Each record is one string: the record's character-strings joined
     * without separators (RFC 6376 §3.6.2.2, RFC 7208 §3.3), decoded as UTF-8.
     */
    DnsAnswer<String> txt(String name);

    /** IPv4 addresses of {@code name}. */
    DnsAnswer<InetAddress> a(String name);

    /** IPv6 addresses of {@code name}. */
    DnsAnswer<InetAddress> aaaa(String name);

    /** MX records of {@code name}, in the order received. */
    DnsAnswer<MxHost> mx(String name);

    /** PTR names for {@code address} (the reverse name is built by the resolver), without trailing dots. */
    DnsAnswer<String> ptr(InetAddress address);
}
