package dev.inkan.dkim;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.VerifyingKey;
import java.util.List;
import java.util.Locale;

/**
 * A DKIM key record (RFC 6376 §3.6.1) whose syntax is valid. The key data is kept as bytes; an empty
 * {@code keyData} means the key was revoked.
 *
 * @param text the TXT record as published
 * @param keyType k= (default rsa); null when k= names a type this verifier does not implement
 * @param keyTypeName k= as written
 * @param hashes h= (empty list means "all allowed")
 * @param services s= (default "*")
 * @param flags t= flags, lower case
 * @param keyData p=, decoded
 */
public record DkimKeyRecord(String text, KeyType keyType, String keyTypeName, List<String> hashes,
        List<String> services, List<String> flags, byte[] keyData) {

    public boolean revoked() {
        return keyData.length == 0;
    }

    /** t=y: the domain is testing DKIM (RFC 6376 §3.6.1). */
    public boolean testing() {
        return flags.contains("y");
    }

    /** t=s: i= domain must equal d= exactly, no subdomains. */
    public boolean strictIdentity() {
        return flags.contains("s");
    }

    /** True when h= is absent or names {@code hash}. */
    public boolean allows(HashAlgorithm hash) {
        return hashes.isEmpty() || hashes.contains(hash.tagName());
    }

    /** True when s= is absent, "*" or includes "email". */
    public boolean isForEmail() {
        return services.contains("*") || services.contains("email");
    }

    /** The TXT record text that publishes {@code key}: {@code v=DKIM1; k=rsa; p=...} (RFC 6376 §3.6.1, RFC 8463 §4). */
    public static String textFor(VerifyingKey key) {
        return "v=DKIM1; k=" + key.type().tagName() + "; p=" + key.dnsKeyBase64();
    }

    static List<String> lowerList(String value) {
        return java.util.Arrays.stream(value.split(":"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
