package dev.inkan.dkim;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dns.ScriptedResolver;
import java.security.SecureRandom;

/** Keys generated once per test JVM, and the DNS records that publish them. */
final class TestKeys {

    static final SigningKey RSA_1024;
    static final SigningKey RSA_2048;
    static final SigningKey ED25519;

    static {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        RSA_1024 = generator.rsa(1024);
        RSA_2048 = generator.rsa(2048);
        ED25519 = generator.ed25519();
    }

    private TestKeys() {
    }

    static String record(SigningKey key) {
        return DkimKeyRecord.textFor(key.publicKey());
    }

    /** A resolver publishing each key at {@code <selector>._domainkey.example.com}. */
    static ScriptedResolver publish(Object... selectorAndKey) {
        ScriptedResolver dns = ScriptedResolver.empty();
        for (int i = 0; i < selectorAndKey.length; i += 2) {
            dns.txt(selectorAndKey[i] + "._domainkey.example.com", record((SigningKey) selectorAndKey[i + 1]));
        }
        return dns;
    }
}
