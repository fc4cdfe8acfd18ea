package dev.inkan.keytable;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenDKIM's KeyTable: lines {@code keyname domain:selector:/path/to/key}. A domain of {@code %} stands
 * for the domain of the address being signed. A relative key path is resolved against the table's folder.
 * Every key is loaded when the table is read, so a bad key fails at start-up, not on the first mail.
 */
public final class KeyTable {

    /** One named key: d=, s= and the private key. */
    public record Entry(String name, String domain, String selector, SigningKey key) {

        /** The signing domain for mail of {@code addressDomain}: the entry's domain, or that one for {@code %}. */
        public String domainFor(String addressDomain) {
            return "%".equals(domain) ? addressDomain : domain;
        }
    }

    private final Map<String, Entry> entries;
    private final List<Path> keyFiles;

    private KeyTable(Map<String, Entry> entries, List<Path> keyFiles) {
        this.entries = Map.copyOf(entries);
        this.keyFiles = List.copyOf(keyFiles);
    }

    public static KeyTable read(Path file) throws KeyTableException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Path> keyFiles = new ArrayList<>();
        Path folder = file.toAbsolutePath().getParent();
        for (TableLines.Line line : TableLines.read(file)) {
            String where = file + ", line " + line.number();
            String[] parts = line.value().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new KeyTableException(where + ": expected 'keyname domain:selector:keyfile'");
            }
            SigningKey key;
            Path keyFile = folder.resolve(parts[2].strip());
            keyFiles.add(keyFile);
            try {
                key = SigningKeyReader.read(keyFile);
            } catch (KeyFormatException e) {
                throw new KeyTableException(where + ": " + e.getMessage());
            }
            if (entries.put(line.key(), new Entry(line.key(), parts[0].strip(), parts[1].strip(), key)) != null) {
                throw new KeyTableException(where + ": key name '" + line.key() + "' is defined twice");
            }
        }
        if (entries.isEmpty()) {
            throw new KeyTableException(file + ": the key table has no entries");
        }
        return new KeyTable(entries, keyFiles);
    }

    /** The private-key files the table's lines name, resolved as they were read (a reloader watches them). */
    public List<Path> keyFiles() {
        return keyFiles;
    }

    public Optional<Entry> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public int size() {
        return entries.size();
    }
}
