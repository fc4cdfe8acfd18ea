package dev.inkan.keyrecord;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.VerifyingKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A key record in the DKIM format (RFC 6376 §3.6.1; RFC 8463 for Ed25519) whose syntax is valid, as DKIM
 * and ARC (RFC 8617 §4.1.2, §4.1.3) publish it at {@code selector._domainkey.domain}. The key data is kept
 * as bytes; an empty {@code keyData} means the key was revoked.
 *
 * @param text the TXT record as published
 * @param keyType k= (default rsa); null when k= names a type this verifier does not implement
 * @param keyTypeName k= as written
 * @param hashes h= (empty list means "all allowed")
 * @param services s= (default "*")
 * @param flags t= flags, lower case
 * @param keyData p=, decoded
 */
public record KeyRecord(String text, KeyType keyType, String keyTypeName, List<String> hashes,
        List<String> services, List<String> flags, byte[] keyData) {

    public boolean revoked() {
        return keyData.length == 0;
    }

    /** t=y: the domain is testing DKIM (RFC 6376 §3.6.1). */
    public boolean testing() {
        return flags.contains("y");
    }

    /** t=s: a DKIM i= domain must equal d= exactly, no subdomains. */
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

    /**
     * What stops this record from verifying a signature made with {@code algorithm}, checked in the order of
     * RFC 6376 §6.1.2 steps 6–7 (key type, hash, service, revocation); null when nothing does.
     */
    public KeyRecordProblem problemFor(SignatureAlgorithm algorithm) {
        if (keyType == null || keyType != algorithm.keyType()) {
            return KeyRecordProblem.KEY_TYPE;
        }
        if (!allows(algorithm.hash())) {
            return KeyRecordProblem.HASH_ALGORITHM;
        }
        if (!isForEmail()) {
            return KeyRecordProblem.SERVICE;
        }
        if (revoked()) {
            return KeyRecordProblem.REVOKED;
        }
        return null;
    }

    /** A human detail for {@code problem} as found with {@code algorithm}, or null when the problem's text says it all. */
    public String detailFor(KeyRecordProblem problem, SignatureAlgorithm algorithm) {
        switch (problem) {
            case KEY_TYPE:
                return "inappropriate key algorithm: key k=" + keyTypeName + ", signature a=" + algorithm.tagName();
            case HASH_ALGORITHM:
                return "inappropriate hash algorithm: key h=" + String.join(":", hashes);
            case SERVICE:
                return "key is not for email: s=" + String.join(":", services);
            default:
                return null;
        }
    }

    /** The TXT record text that publishes {@code key}: {@code v=DKIM1; k=rsa; p=...} (RFC 6376 §3.6.1, RFC 8463 §4). */
    public static String textFor(VerifyingKey key) {
        return revokedTextFor(key.type()) + key.dnsKeyBase64();
    }

    /**
     * The record that revokes a selector's key of {@code type}: {@code v=DKIM1; k=rsa; p=} (RFC 6376 §3.6.1: "An
     * empty value means that this public key has been revoked").
     */
    public static String revokedTextFor(KeyType type) {
        return "v=DKIM1; k=" + type.tagName() + "; p=";
    }

    static List<String> lowerList(String value) {
        return Arrays.stream(value.split(":"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
