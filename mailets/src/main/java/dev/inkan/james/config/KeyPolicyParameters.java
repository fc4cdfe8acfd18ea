package dev.inkan.james.config;

import dev.inkan.crypto.KeyPolicy;
import java.util.Set;
import javax.mail.MessagingException;

/**
 * The RFC 8301 parameters of every verifying mailet: {@code minimumKeyBits} (default 1024, §3.2) and
 * {@code allowSha1} (default false, §3.1).
 */
public final class KeyPolicyParameters {

    public static final Set<String> NAMES = Set.of("minimumKeyBits", "allowSha1");

    private KeyPolicyParameters() {
    }

    public static KeyPolicy read(MailetParameters p) throws MessagingException {
        return KeyPolicy.RFC8301.withMinRsaBits(p.integer("minimumKeyBits", KeyPolicy.RFC8301.minRsaBits(), 512, 8192))
                .withAllowSha1(p.bool("allowSha1", false));
    }
}
