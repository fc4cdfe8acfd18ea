package dev.inkan.interop;

import dev.inkan.crypto.Ed25519SigningKey;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of the interop suite, made once per JVM (a 4096-bit RSA key takes seconds): one per name in
 * {@link #NAMES}, published at selector = name under {@link #DOMAIN}.
 */
final class InteropKeys {

    static final String DOMAIN = "example.com";
    static final List<String> RSA_NAMES = List.of("rsa1024", "rsa2048", "rsa4096");
    static final List<String> NAMES = List.of("rsa1024", "rsa2048", "rsa4096", "ed25519");

    private static final SigningKeyGenerator GENERATOR = new SigningKeyGenerator(new SecureRandom());
    private static final Map<String, SigningKey> KEYS = new LinkedHashMap<>();

    private InteropKeys() {
    }

    /** The key named "rsa1024", "rsa2048", "rsa4096" or "ed25519". */
    static synchronized SigningKey key(String name) {
        return KEYS.computeIfAbsent(name, n -> n.equals("ed25519") ? GENERATOR.ed25519()
                : GENERATOR.rsa(Integer.parseInt(n.substring(3))));
    }

    /** A zone publishing every key at its own selector. */
    static Zone zone() {
        Zone zone = new Zone();
        NAMES.forEach(name -> zone.publish(name, DOMAIN, key(name).publicKey()));
        return zone;
    }

    /**
     * Writes the key as the peers read it: PKCS#1 PEM from {@link SigningKey#toPem()} for RSA (dkimpy and
     * Mail::DKIM both read "RSA PRIVATE KEY"); for Ed25519 the base64 of the 32-byte seed, dkimpy's format.
     */
    static Path writeForPeers(String name, Path dir) {
        SigningKey key = key(name);
        String text = key instanceof Ed25519SigningKey ed
                ? Base64.getEncoder().encodeToString(ed.seed()) + "\n"
                : key.toPem();
        Path file = dir.resolve(name + ".key");
        try {
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
