package dev.inkan.diagnosis;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.keyrecord.KeyRecord;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Keys generated once per test JVM for the diagnosis tests, and the records that publish them. */
final class DiagnosisKeys {

    static final SigningKey RSA_2048;
    static final SigningKey RSA_1024;
    static final SigningKey OTHER_RSA_2048;
    static final SigningKey ED25519;
    /** p= of a 512-bit RSA key, which no Inkan tool generates (RFC 8301 forbids it) but old records hold. */
    static final String RSA_512_P;

    static {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        RSA_2048 = generator.rsa(2048);
        RSA_1024 = generator.rsa(1024);
        OTHER_RSA_2048 = generator.rsa(2048);
        ED25519 = generator.ed25519();
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(512);
            RSA_512_P = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DiagnosisKeys() {
    }

    /** {@code v=DKIM1; k=...; p=...} for {@code key}. */
    static String record(SigningKey key) {
        return KeyRecord.textFor(key.publicKey());
    }

    /** p= of {@code key}. */
    static String p(SigningKey key) {
        return key.publicKey().dnsKeyBase64();
    }

    /** A zone-file TXT line at {@code name} with {@code value} as strings of at most 250 bytes (as keygen writes). */
    static String zoneLine(String name, String value) {
        StringBuilder line = new StringBuilder(name).append(". IN TXT (");
        for (int i = 0; i < value.length(); i += 250) {
            line.append(" \"").append(value.substring(i, Math.min(value.length(), i + 250)).replace("\"", "\\\""))
                    .append('"');
        }
        return line.append(" )\n").toString();
    }
}
