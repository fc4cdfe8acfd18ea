package dev.inkan.dns;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Offline DNS answered from standard master-file text (RFC 1035 §5, BIND syntax: {@code $ORIGIN},
 * {@code $TTL}, relative names, parenthesised multi-line records, multi-string TXT), parsed by dnsjava's
 * {@link Master}. Used for test vectors, the CLI's offline mode and reproducible interop runs.
 *
 * <ul>
 *   <li>Records without a TTL get 3600 s; the origin defaults to the root. {@code $INCLUDE} is refused
 *       (a zone is self-contained) and only class IN is answered. Non-ASCII octets are kept as written,
 *       so UTF-8 TXT data comes back as written.</li>
 *   <li>Names compare case-insensitively (RFC 4343). A name that owns no record and has no descendant
 *       that does is NXDOMAIN; a name that exists but lacks the asked type is NO_DATA, and that includes
 *       an empty non-terminal, a name with no records of its own but records below it, such as
 *       {@code _domainkey.example.org} when {@code sel._domainkey.example.org} exists (RFC 8020,
 *       RFC 4592 §2.2.2). Every ancestor of an owner name is such a node, up to the top-level domain.</li>
 *   <li>CNAMEs are followed inside the zone (RFC 1034 §3.6.2), at most 8 hops, then TEMPFAIL
 *       "CNAME loop"; a target absent from the zone is NXDOMAIN. Wildcards and DNAME are not
 *       synthesised: a {@code *} label is an ordinary name here.</li>
 *   <li>TXT strings are joined without separators (RFC 6376 §3.6.2.2, RFC 7208 §3.3).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ZoneFileResolver extends RecordQueries {

    static final long DEFAULT_TTL = 3600;
    private static final int MAX_CNAME_HOPS = 8;
    private static final Pattern DNSJAVA_POSITION = Pattern.compile("^<none>:(\\d+): (.*)$", Pattern.DOTALL);

    /** Every existing node: owner names with their records by type, and empty non-terminals with none. */
    private final Map<Name, Map<Integer, List<Record>>> nodes;
    private final List<Record> records;
    private final List<OversizedTxtString> oversized;

    private ZoneFileResolver(Collection<Record> records) {
        this(records, List.of());
    }

    private ZoneFileResolver(Collection<Record> records, List<OversizedTxtString> oversized) {
        this.records = List.copyOf(records);
        this.oversized = List.copyOf(oversized);
        Map<Name, Map<Integer, List<Record>>> building = new HashMap<>();
        for (Record record : this.records) {
            building.computeIfAbsent(record.getName(), name -> new HashMap<>())
                    .computeIfAbsent(record.getType(), type -> new ArrayList<>())
                    .add(record);
        }
        for (Record record : this.records) {
            for (Name ancestor = parent(record.getName()); ancestor.labels() > 1; ancestor = parent(ancestor)) {
                building.putIfAbsent(ancestor, Map.of());
            }
        }
        Map<Name, Map<Integer, List<Record>>> frozen = new HashMap<>();
        building.forEach((name, byType) -> {
            Map<Integer, List<Record>> types = new HashMap<>();
            byType.forEach((type, list) -> types.put(type, List.copyOf(list)));
            frozen.put(name, Map.copyOf(types));
        });
        this.nodes = Map.copyOf(frozen);
    }

    /** Loads a zone file with the root as its initial origin. */
    public static ZoneFileResolver fromFile(Path file) throws IOException {
        return fromFile(file, ".");
    }

    /**
     * Loads a zone file; relative owner names before any {@code $ORIGIN} are relative to {@code origin}.
     *
     * @throws ZoneFileException the file is not a valid zone file; the message names file and line
     * @throws IOException the file cannot be read
     */
    public static ZoneFileResolver fromFile(Path file, String origin) throws IOException {
        return parse(Files.readAllBytes(file), origin, "zone file " + file);
    }

    /**
     * Loads a zone file that may hold quoted strings over 255 octets, which {@link #fromFile(Path)} (like BIND)
     * refuses: each is split into legal strings, so its record keeps its value, and listed in {@link
     * #oversizedTxtStrings()}. For diagnosis ({@code inkan check}), which explains such a string rather than
     * stopping at it; anything else wrong with the file is still a {@link ZoneFileException}.
     */
    public static ZoneFileResolver fromFileSplittingLongStrings(Path file) throws IOException {
        return splittingLongStrings(Files.readAllBytes(file), "zone file " + file);
    }

    /** As {@link #fromFileSplittingLongStrings(Path)}, for zone text (origin: the root). */
    public static ZoneFileResolver fromTextSplittingLongStrings(String text) throws ZoneFileException {
        return splittingLongStrings(text.getBytes(StandardCharsets.UTF_8), "zone text");
    }

    private static ZoneFileResolver splittingLongStrings(byte[] zone, String source) throws ZoneFileException {
        OversizedTxtString.Scan scan = OversizedTxtString.scan(zone);
        ZoneFileResolver parsed = parse(scan.splitZone(), ".", source);
        return new ZoneFileResolver(parsed.records, scan.oversized());
    }

    /**
     * The strings over 255 octets the file held, when loaded with {@link #fromFileSplittingLongStrings}; else
     * empty (a strict load refuses them).
     */
    public List<OversizedTxtString> oversizedTxtStrings() {
        return oversized;
    }

    /** Parses zone text with the root as its initial origin. */
    public static ZoneFileResolver fromText(String text) throws ZoneFileException {
        return fromText(text, ".");
    }

    /**
     * Parses zone text; relative owner names before any {@code $ORIGIN} are relative to {@code origin}.
     *
     * @throws ZoneFileException the text is not a valid zone; the message names the line
     */
    public static ZoneFileResolver fromText(String text, String origin) throws ZoneFileException {
        return parse(text.getBytes(StandardCharsets.UTF_8), origin, "zone text");
    }

    /** A resolver over records already built (used by the test resolvers in this package). */
    static ZoneFileResolver fromRecords(Collection<Record> records) {
        return new ZoneFileResolver(records);
    }

    /** Every record loaded, in file order. */
    List<Record> records() {
        return records;
    }

    private static ZoneFileResolver parse(byte[] zone, String origin, String source) throws ZoneFileException {
        List<Record> records = new ArrayList<>();
        // dnsjava's tokenizer reads octets as Latin-1 chars, then re-encodes them with the platform
        // charset: \DDD escapes keep every non-ASCII octet exactly as written (RFC 1035 §5.1).
        try (Master master = new Master(new ByteArrayInputStream(escapeNonAscii(zone)), originName(origin), DEFAULT_TTL)) {
            master.disableIncludes(true);
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                if (record instanceof TXTRecord && ((TXTRecord) record).getStringsAsByteArrays().isEmpty()) {
                    throw new ZoneFileException(source + ": the TXT record of " + record.getName()
                            + " has no character-string (RFC 1035 §3.3.14 requires one)");
                }
                if (record.getDClass() == DClass.IN) {
                    records.add(record);
                }
            }
        } catch (ZoneFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ZoneFileException(describe(source, e));
        }
        return new ZoneFileResolver(records);
    }

    private static Name originName(String origin) {
        if (".".equals(origin)) {
            return Name.root;
        }
        QueryName name = QueryName.of(origin);
        if (!name.isValid()) {
            throw new IllegalArgumentException("zone origin: " + name.problem());
        }
        return name.name();
    }

    private static String describe(String source, Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        Matcher position = DNSJAVA_POSITION.matcher(message);
        if (position.matches()) {
            return source + ", line " + position.group(1) + ": " + position.group(2);
        }
        return source + ": " + message;
    }

    private static byte[] escapeNonAscii(byte[] zone) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream(zone.length + 16);
        boolean afterBackslash = false; // an unescaped backslash was just written: it escapes this octet
        for (byte octet : zone) {
            if (octet < 0) {
                String digits = String.format("%03d", octet & 0xFF);
                escaped.writeBytes((afterBackslash ? digits : "\\" + digits).getBytes(StandardCharsets.US_ASCII));
                afterBackslash = false;
            } else {
                escaped.write(octet);
                afterBackslash = octet == '\\' && !afterBackslash;
            }
        }
        return escaped.toByteArray();
    }

    @Override
    DnsAnswer<Record> query(Name name, int type) {
        Name current = name;
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            Map<Integer, List<Record>> node = nodes.get(current);
            if (node == null) {
                return DnsAnswer.nxdomain();
            }
            List<Record> found = node.get(type);
            if (found != null) {
                return DnsAnswer.found(found);
            }
            List<Record> alias = node.get(Type.CNAME);
            if (alias == null) {
                return DnsAnswer.noData();
            }
            current = ((CNAMERecord) alias.get(0)).getTarget();
        }
        return DnsAnswer.tempFail("CNAME loop");
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }

    @Override
    public String toString() {
        return "ZoneFileResolver[" + records.size() + " records, " + nodes.size() + " names]";
    }
}
