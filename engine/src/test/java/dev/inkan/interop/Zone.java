package dev.inkan.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.ScriptedResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DNS data of one interop test: TXT records by name. Inkan reads it through a {@link ScriptedResolver};
 * the peers read the same records from the JSON file {@link #writeJson} makes ({name: [record, ...]}, one
 * string per TXT record, character-strings already joined). Every other name is NXDOMAIN everywhere.
 */
public final class Zone {

    private final Map<String, List<String>> records = new LinkedHashMap<>();

    /** Publishes {@code key} at {@code selector._domainkey.domain} as "v=DKIM1; k=...; p=...". */
    public Zone publish(String selector, String domain, VerifyingKey key) {
        return txt(selector + "._domainkey." + domain, DkimKeyRecord.textFor(key));
    }

    public Zone txt(String name, String record) {
        records.computeIfAbsent(normalize(name), n -> new ArrayList<>()).add(record);
        return this;
    }

    boolean contains(String name) {
        return records.containsKey(normalize(name));
    }

    /** The same records for Inkan. */
    public DnsResolver resolver() {
        ScriptedResolver resolver = ScriptedResolver.empty();
        records.forEach((name, texts) -> texts.forEach(text -> resolver.txt(name, text)));
        return resolver;
    }

    /** Writes the records as {@code zone.json} in {@code dir} for the peer scripts. */
    public Path writeJson(Path dir) {
        Path file = dir.resolve("zone.json");
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
