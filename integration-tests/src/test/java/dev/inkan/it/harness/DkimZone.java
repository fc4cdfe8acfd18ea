package dev.inkan.it.harness;

import dev.inkan.crypto.SigningKey;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dns.DnsResolver;
import dev.inkan.interop.Zone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DKIM key records of one test, kept once and handed to everyone who verifies: the Inkan mailets in James
 * (a BIND zone file, parameter {@code dnsZoneFile}), Inkan's DkimVerifier in the test, and dkimpy and
 * Mail::DKIM (through the interop harness's {@link Zone}). Other TXT records (SPF) go in with {@link #txt}.
 */
public final class DkimZone {

    private final Zone interop = new Zone();
    private final StringBuilder master = new StringBuilder("$TTL 300\n");
    private final Map<String, List<String>> records = new LinkedHashMap<>();

    /** Publishes {@code key}'s public half at {@code selector._domainkey.domain}. */
    public DkimZone publish(String selector, String domain, SigningKey key) {
        return txt(selector + "._domainkey." + domain, DkimKeyRecord.textFor(key.publicKey()));
    }

    /**
     * Publishes {@code key} at {@code selector._domainkey.domain} the way a DomainKeys-era write-up did: {@code tags}
     * (e.g. {@code "g=; k=rsa"}, {@code "t=y; k=rsa"}) before p=, without v=. DKIM and DomainKeys read the same record.
     */
    public DkimZone publish(String selector, String domain, SigningKey key, String tags) {
        String record = DkimKeyRecord.textFor(key.publicKey());
        return txt(selector + "._domainkey." + domain, tags + "; " + record.substring(record.indexOf("p=")));
    }

    public DkimZone txt(String name, String text) {
        interop.txt(name, text);
        records.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(text);
        master.append(name).append(". IN TXT");
        for (int i = 0; i < text.length(); i += 255) {
            master.append(" \"").append(text, i, Math.min(text.length(), i + 255)).append('"');
        }
        master.append('\n');
        return this;
    }

    /** Writes the records as a zone file (character-strings of at most 255 octets) and returns its path. */
    public Path writeZoneFile(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, master, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The TXT records by lower-case owner name (no final dot), for the test's DNS server. */
    public Map<String, List<String>> records() {
        return Map.copyOf(records);
    }

    public Zone interop() {
        return interop;
    }

    public DnsResolver resolver() {
        return interop.resolver();
    }

    /** Writes a private key as PEM (PKCS#1 for RSA, PKCS#8 for Ed25519), creating the folders. */
    public static Path writeKey(SigningKey key, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, key.toPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
