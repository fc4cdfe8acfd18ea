package dev.inkan.dns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The five {@link DnsResolver} queries built on one primitive, "the records of this absolute name and
 * type", which each resolver implements its own way (network or zone file). This class owns what the
 * resolvers share: name checking, the outcome for invalid names, and turning dnsjava records into the
 * values of the API.
 *
 * <p>A name that is not a valid DNS name (see {@link QueryName}) can never exist, so it is answered
 * {@link DnsStatus#NXDOMAIN} with the detail {@code "invalid DNS name: …"} and never sent: RFC 7208
 * §4.3 treats a malformed domain exactly like RCODE 3 (result "none"), and for RFC 6376 §6.1.2 it is a
 * key that does not exist (permanent, "no key for signature"), never a temporary failure.
 */
abstract class RecordQueries implements DnsResolver {

    /**
     * Records of {@code type} at {@code name} (after following CNAMEs), or the outcome that replaced
     * them. Never throws.
     */
    abstract DnsAnswer<Record> query(Name name, int type);

    /** {@inheritDoc} Character-strings are joined as octets, then decoded (RFC 6376 §3.6.2.2, RFC 7208 §3.3). */
    @Override
    public final DnsAnswer<String> txt(String name) {
        return lookup(name, Type.TXT, TXTRecord.class, RecordQueries::joinedText);
    }

    @Override
    public final DnsAnswer<InetAddress> a(String name) {
        return lookup(name, Type.A, ARecord.class, ARecord::getAddress);
    }

    @Override
    public final DnsAnswer<InetAddress> aaaa(String name) {
        return lookup(name, Type.AAAA, AAAARecord.class, AAAARecord::getAddress);
    }

    /** {@inheritDoc} A null MX (RFC 7505, exchange ".") has the exchange "". */
    @Override
    public final DnsAnswer<MxHost> mx(String name) {
        return lookup(name, Type.MX, MXRecord.class,
                mx -> new MxHost(mx.getPriority(), QueryName.withoutTrailingDot(mx.getTarget())));
    }

    /** {@inheritDoc} The reverse name is under in-addr.arpa (RFC 1035 §3.5) or ip6.arpa (RFC 3596 §2.5). */
    @Override
    public final DnsAnswer<String> ptr(InetAddress address) {
        Name reverse = ReverseMap.fromAddress(address);
        return values(query(reverse, Type.PTR), PTRRecord.class,
                ptr -> QueryName.withoutTrailingDot(ptr.getTarget()));
    }

    private <R extends Record, T> DnsAnswer<T> lookup(String name, int type, Class<R> kind, Function<R, T> value) {
        QueryName query = QueryName.of(name);
        if (!query.isValid()) {
            return new DnsAnswer<>(DnsStatus.NXDOMAIN, List.of(), "invalid DNS name: " + query.problem());
        }
        return values(query(query.name(), type), kind, value);
    }

    private static <R extends Record, T> DnsAnswer<T> values(DnsAnswer<Record> answer, Class<R> kind,
            Function<R, T> value) {
        if (!answer.isFound()) {
            return new DnsAnswer<>(answer.status(), List.of(), answer.detail());
        }
        List<T> values = answer.records().stream().filter(kind::isInstance).map(kind::cast).map(value).toList();
        return values.isEmpty() ? DnsAnswer.noData() : DnsAnswer.found(values);
    }

    /**
     * One TXT record's character-strings concatenated with no separator, as octets, then decoded as
     * UTF-8 (RFC 6376 §3.6.2.2, RFC 7208 §3.3). Joining before decoding keeps a multi-octet character
     * split across two strings intact; malformed UTF-8 becomes U+FFFD.
     */
    static String joinedText(TXTRecord record) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] string : record.getStringsAsByteArrays()) {
            joined.writeBytes(string);
        }
        return joined.toString(StandardCharsets.UTF_8);
    }
}
