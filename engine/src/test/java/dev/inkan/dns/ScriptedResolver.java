package dev.inkan.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Test support: DNS answered from a {@link ZoneFileResolver}, plus what a zone file cannot say. A
 * standard zone cannot express a timeout or a SERVFAIL, so per-name overrides script them:
 *
 * <pre>{@code
 * ScriptedResolver dns = ScriptedResolver.fromZoneText("""
 *         example.com. TXT "v=spf1 include:_spf.example.net -all"
 *         """)
 *         .tempFail("_spf.example.net", "timed out")              // every type at that name
 *         .tempFail("mail.example.com", QueryType.A, "SERVFAIL")  // only A
 *         .nxdomain("gone.example.com")
 *         .txt("sel._domainkey.example.com", "v=DKIM1; k=ed25519; p=...");
 * }</pre>
 *
 * An override wins over the zone: a type-specific override first, then one for every type. {@link
 * #txt(String, String, String...)}, {@link #txtStrings}, {@link #a}, {@link #aaaa}, {@link #mx}, {@link
 * #ptr(String, String)} and {@link #cname} add records to the zone itself, so the name then exists for other
 * types too (NO_DATA, not NXDOMAIN), exactly as if the zone had held them. For PTR, script the reverse
 * name ({@code 4.3.2.1.in-addr.arpa}). Names compare case-insensitively; a trailing dot is optional.
 *
 * <p>Configure it before use; it is safe to query from several threads, also while being scripted.
 */
public final class ScriptedResolver implements DnsResolver {

    private record Scripted(DnsStatus status, String detail) {
        <T> DnsAnswer<T> answer() {
            return new DnsAnswer<>(status, List.of(), detail);
        }
    }

    /** Key for an override that applies to every type at a name. */
    private static final String EVERY_TYPE = "*";

    private volatile ZoneFileResolver zone;
    private final Map<String, Scripted> overrides = new ConcurrentHashMap<>();

    private ScriptedResolver(ZoneFileResolver zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** No records at all: every name is NXDOMAIN until scripted. */
    public static ScriptedResolver empty() {
        return new ScriptedResolver(ZoneFileResolver.fromRecords(List.of()));
    }

    /** Answers from {@code zone}, plus what gets scripted. */
    public static ScriptedResolver of(ZoneFileResolver zone) {
        return new ScriptedResolver(zone);
    }

    /** Answers from zone text (origin: root); a syntax error fails the test with the line. */
    public static ScriptedResolver fromZoneText(String zoneText) {
        try {
            return of(ZoneFileResolver.fromText(zoneText));
        } catch (ZoneFileException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers from a zone file (origin: root), e.g. one from the conformance suites. */
    public static ScriptedResolver fromZoneFile(Path zoneFile) {
        try {
            return of(ZoneFileResolver.fromFile(zoneFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers from a Mail::DKIM {@code FAKE_DNS.dat} (its test corpora's DNS): "name value" per line; NXDOMAIN,
     * "~~Query timed out~~" and "~~SERVFAIL~~" are DNS outcomes, {@code ""} an empty TXT record, anything else
     * the TXT record's text.
     */
    public static ScriptedResolver fromMailDkimFakeDns(Path file) {
        ScriptedResolver dns = empty();
        try {
            for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                String name = trimmed.substring(0, space);
                String value = trimmed.substring(space).strip();
                switch (value) {
                    case "NXDOMAIN" -> dns.nxdomain(name);
                    case "~~Query timed out~~" -> dns.tempFail(name, "timed out");
                    case "~~SERVFAIL~~" -> dns.tempFail(name, "SERVFAIL");
                    case "\"\"" -> dns.txt(name, "");
                    default -> dns.txt(name, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dns;
    }

    /** Every query for {@code name}, of any type, fails temporarily with {@code detail} ("timed out", "SERVFAIL"). */
    public ScriptedResolver tempFail(String name, String detail) {
        return script(name, EVERY_TYPE, new Scripted(DnsStatus.TEMPFAIL, detail));
    }

    /** Queries of {@code type} for {@code name} fail temporarily with {@code detail}. */
    public ScriptedResolver tempFail(String name, QueryType type, String detail) {
        return script(name, type.name(), new Scripted(DnsStatus.TEMPFAIL, detail));
    }

    /** {@code name} does not exist (RCODE 3), whatever the zone says. */
    public ScriptedResolver nxdomain(String name) {
        return script(name, EVERY_TYPE, new Scripted(DnsStatus.NXDOMAIN, "NXDOMAIN"));
    }

    /**
     * Adds one TXT record per given string at {@code name} (TTL 3600). Strings longer than 255 octets
     * are split into several character-strings, as a publisher would, and come back joined.
     */
    public synchronized ScriptedResolver txt(String name, String record, String... more) {
        Name owner = absolute(name);
        List<Record> records = new ArrayList<>(zone.records());
        records.add(txtRecord(owner, record));
        for (String each : more) {
            records.add(txtRecord(owner, each));
        }
        zone = ZoneFileResolver.fromRecords(records);
        return this;
    }

    /**
     * Adds one TXT record made of exactly these character-strings, as octets (none is allowed: an empty
     * record, which is illegal but seen). Each string must be at most 255 octets.
     */
    public ScriptedResolver txtStrings(String name, List<byte[]> strings) {
        return strings(name, Type.TXT, strings);
    }

    /**
     * Adds one SPF (type 99, RFC 4408 §3.1.1) record of these character-strings. Resolvers never query
     * this type; the record only makes the name exist (a TXT query there then answers no data).
     */
    public ScriptedResolver spfStrings(String name, List<byte[]> strings) {
        return strings(name, Type.SPF, strings);
    }

    private ScriptedResolver strings(String name, int type, List<byte[]> strings) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (byte[] string : strings) {
            if (string.length > 255) {
                throw new IllegalArgumentException("a character-string holds at most 255 octets");
            }
            rdata.write(string.length);
            rdata.write(string, 0, string.length);
        }
        return add(Record.newRecord(absolute(name), type, DClass.IN, ZoneFileResolver.DEFAULT_TTL,
                rdata.toByteArray()));
    }

    /** Adds A records; addresses are literals (parsed without DNS). */
    public ScriptedResolver a(String name, String... addresses) {
        for (String address : addresses) {
            add(new ARecord(absolute(name), DClass.IN, ZoneFileResolver.DEFAULT_TTL, literal(address, Address.IPv4)));
        }
        return this;
    }

    /** Adds AAAA records; addresses are literals (parsed without DNS). */
    public ScriptedResolver aaaa(String name, String... addresses) {
        for (String address : addresses) {
            add(new AAAARecord(absolute(name), DClass.IN, ZoneFileResolver.DEFAULT_TTL,
                    literal(address, Address.IPv6)));
        }
        return this;
    }

    /** Adds an MX record; an empty exchange is a null MX (RFC 7505, exchange "."). */
    public ScriptedResolver mx(String name, int preference, String exchange) {
        Name target = exchange.isEmpty() || exchange.equals(".") ? Name.root : absolute(exchange);
        return add(new MXRecord(absolute(name), DClass.IN, ZoneFileResolver.DEFAULT_TTL, preference, target));
    }

    /** Adds a PTR record at a reverse name given as text ({@code 4.3.2.1.in-addr.arpa}). */
    public ScriptedResolver ptr(String reverseName, String target) {
        return add(new PTRRecord(absolute(reverseName), DClass.IN, ZoneFileResolver.DEFAULT_TTL, absolute(target)));
    }

    /** Adds a PTR record for {@code address} (the reverse name is built from it). */
    public ScriptedResolver ptr(InetAddress address, String target) {
        return add(new PTRRecord(ReverseMap.fromAddress(address), DClass.IN, ZoneFileResolver.DEFAULT_TTL,
                absolute(target)));
    }

    /** Adds a CNAME record: {@code name} is an alias of {@code target}. */
    public ScriptedResolver cname(String name, String target) {
        return add(new CNAMERecord(absolute(name), DClass.IN, ZoneFileResolver.DEFAULT_TTL, absolute(target)));
    }

    private synchronized ScriptedResolver add(Record record) {
        List<Record> records = new ArrayList<>(zone.records());
        records.add(record);
        zone = ZoneFileResolver.fromRecords(records);
        return this;
    }

    private static InetAddress literal(String address, int family) {
        byte[] octets = Address.toByteArray(address, family);
        if (octets == null) {
            throw new IllegalArgumentException("not an IP" + (family == Address.IPv4 ? "v4" : "v6") + " literal: "
                    + address);
        }
        try {
            return InetAddress.getByAddress(octets);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return answer(name, QueryType.TXT, resolver -> resolver.txt(name));
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return answer(name, QueryType.A, resolver -> resolver.a(name));
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return answer(name, QueryType.AAAA, resolver -> resolver.aaaa(name));
    }

    @Override
    public DnsAnswer<MxHost> mx(String name) {
        return answer(name, QueryType.MX, resolver -> resolver.mx(name));
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        return answer(ReverseMap.fromAddress(address).toString(), QueryType.PTR, resolver -> resolver.ptr(address));
    }

    private <T> DnsAnswer<T> answer(String name, QueryType type, Function<DnsResolver, DnsAnswer<T>> query) {
        String key = key(name);
        Scripted scripted = overrides.get(key + " " + type.name());
        if (scripted == null) {
            scripted = overrides.get(key + " " + EVERY_TYPE);
        }
        return scripted != null ? scripted.answer() : query.apply(zone);
    }

    private ScriptedResolver script(String name, String type, Scripted scripted) {
        absolute(name);
        overrides.put(key(name) + " " + type, scripted);
        return this;
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Name absolute(String name) {
        QueryName query = QueryName.of(name);
        if (!query.isValid()) {
            throw new IllegalArgumentException(query.problem());
        }
        return query.name();
    }

    private static Record txtRecord(Name owner, String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        int offset = 0;
        do {
            int length = Math.min(255, octets.length - offset);
            rdata.write(length);
            rdata.write(octets, offset, length);
            offset += length;
        } while (offset < octets.length);
        return Record.newRecord(owner, Type.TXT, DClass.IN, ZoneFileResolver.DEFAULT_TTL, rdata.toByteArray());
    }
}
