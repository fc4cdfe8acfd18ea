package dev.inkan.spf;

import dev.inkan.dns.QueryType;
import dev.inkan.dns.ScriptedResolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Test support: the DNS data of an SPF test, following the runner rules of the OpenSPF suites
 * (../shared/conformance/spf/SOURCE.txt, as pyspf's own test driver applies them):
 *
 * <ul>
 *   <li>names are case-insensitive;</li>
 *   <li>an SPF (type 99) record is also served as TXT unless the name has an explicit TXT entry
 *       ({@code TXT: NONE} is explicit and adds no record);</li>
 *   <li>a multi-string TXT is joined (the resolver does it);</li>
 *   <li>a {@code TIMEOUT} entry makes every query type time out at that name, except the types that have a
 *       record listed before it.</li>
 * </ul>
 *
 * The same data feeds Inkan (through a {@link ScriptedResolver}) and pyspf (through {@link #toJson()},
 * replayed by the pyspf driver script), so both see exactly the same DNS.
 */
public final class SpfTestZone {

    /** One entry of a name: a record, or the TIMEOUT marker (type "TIMEOUT", value null). */
    record Entry(String type, Object value) {
        boolean isTimeout() {
            return type.equals("TIMEOUT");
        }
    }

    private final Map<String, List<Entry>> names = new LinkedHashMap<>();

    /** The zones of one peer batch ({"z0": zone JSON, ...}), each distinct zone written once. */
    public static final class Batch {
        private final Map<SpfTestZone, String> ids = new java.util.IdentityHashMap<>();
        private final Map<String, Object> json = new LinkedHashMap<>();

        /** The id of {@code zone} in this batch, adding it the first time. */
        public String id(SpfTestZone zone) {
            return ids.computeIfAbsent(zone, z -> {
                String id = "z" + ids.size();
                json.put(id, z.toJson());
                return id;
            });
        }

        /** {id: zone JSON} for the peer script. */
        public Map<String, Object> json() {
            return json;
        }
    }

    /** Adds a record: TXT and SPF values are lists of byte[] character-strings, MX is [Integer, String]. */
    public SpfTestZone add(String name, String type, Object value) {
        names.computeIfAbsent(key(name), k -> new ArrayList<>()).add(new Entry(type, value));
        return this;
    }

    public SpfTestZone txt(String name, String text) {
        return add(name, "TXT", strings(text));
    }

    public SpfTestZone a(String name, String address) {
        return add(name, "A", address);
    }

    public SpfTestZone aaaa(String name, String address) {
        return add(name, "AAAA", address);
    }

    public SpfTestZone timeout(String name) {
        return add(name, "TIMEOUT", null);
    }

    /** The entries of each name in the order pyspf's driver serves them: generated TXT records last. */
    Map<String, List<Entry>> entries() {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        names.forEach((name, list) -> {
            boolean explicitTxt = list.stream().anyMatch(e -> e.type().equals("TXT"));
            List<Entry> served = new ArrayList<>();
            List<Entry> generated = new ArrayList<>();
            for (Entry entry : list) {
                if (entry.value() != null && "NONE".equals(entry.value())) {
                    continue;
                }
                served.add(entry);
                if (entry.type().equals("SPF") && !explicitTxt) {
                    generated.add(new Entry("TXT", entry.value()));
                }
            }
            served.addAll(generated);
            out.put(name, served);
        });
        return out;
    }

    /** A resolver serving this data. */
    public ScriptedResolver toResolver() {
        ScriptedResolver dns = ScriptedResolver.empty();
        entries().forEach((name, list) -> {
            Set<QueryType> before = EnumSet.noneOf(QueryType.class);
            boolean timeout = false;
            for (Entry entry : list) {
                if (entry.isTimeout()) {
                    timeout = true;
                    continue;
                }
                if ("TIMEOUT".equals(entry.value())) {
                    typeOf(entry.type()).ifPresent(type -> dns.tempFail(name, type, "timed out"));
                    continue;
                }
                if (!timeout) {
                    typeOf(entry.type()).ifPresent(before::add);
                }
                addRecord(dns, name, entry);
            }
            if (timeout) {
                for (QueryType type : QueryType.values()) {
                    if (!before.contains(type)) {
                        dns.tempFail(name, type, "timed out");
                    }
                }
            }
        });
        return dns;
    }

    @SuppressWarnings("unchecked")
    private static void addRecord(ScriptedResolver dns, String name, Entry entry) {
        switch (entry.type()) {
            case "TXT" -> dns.txtStrings(name, (List<byte[]>) entry.value());
            case "SPF" -> dns.spfStrings(name, (List<byte[]>) entry.value()); // never queried (RFC 7208 §3.1)
            case "A" -> dns.a(name, (String) entry.value());
            case "AAAA" -> dns.aaaa(name, (String) entry.value());
            case "PTR" -> dns.ptr(name, (String) entry.value());
            case "CNAME" -> dns.cname(name, (String) entry.value());
            case "MX" -> {
                List<Object> mx = (List<Object>) entry.value();
                dns.mx(name, ((Number) mx.get(0)).intValue(), String.valueOf(mx.get(1)));
            }
            default -> throw new IllegalArgumentException("record type " + entry.type() + " at " + name);
        }
    }

    private static java.util.Optional<QueryType> typeOf(String type) {
        try {
            return java.util.Optional.of(QueryType.valueOf(type));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The data as JSON-ready values for the pyspf driver: {name: [["TIMEOUT"] | [type, value]]}; TXT and SPF
     * values are lists of strings whose characters are the octets (ISO-8859-1).
     */
    @SuppressWarnings("unchecked")
    public Map<String, List<List<Object>>> toJson() {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        entries().forEach((name, list) -> {
            List<List<Object>> json = new ArrayList<>();
            for (Entry entry : list) {
                if (entry.isTimeout()) {
                    json.add(List.of("TIMEOUT"));
                } else if ("TIMEOUT".equals(entry.value())) {
                    json.add(List.of(entry.type(), "TIMEOUT"));
                } else if (entry.type().equals("TXT") || entry.type().equals("SPF")) {
                    List<Object> strings = new ArrayList<>();
                    for (byte[] string : (List<byte[]>) entry.value()) {
                        strings.add(new String(string, StandardCharsets.ISO_8859_1));
                    }
                    json.add(List.of(entry.type(), strings));
                } else {
                    json.add(List.of(entry.type(), entry.value()));
                }
            }
            out.put(name, json);
        });
        return out;
    }

    /**
     * A TXT value as character-strings of octets: text whose characters are all below U+0100 is taken as
     * octets (the suites write octets as YAML "\xNN" escapes), other text as UTF-8; split at 255 octets.
     */
    static List<byte[]> strings(String text) {
        boolean octets = text.chars().allMatch(c -> c < 0x100);
        byte[] all = text.getBytes(octets ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        List<byte[]> strings = new ArrayList<>();
        for (int offset = 0; offset < all.length || offset == 0; offset += 255) {
            int length = Math.min(255, all.length - offset);
            byte[] string = new byte[length];
            System.arraycopy(all, offset, string, 0, length);
            strings.add(string);
            if (all.length == 0) {
                break;
            }
        }
        return strings;
    }

    static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
