package dev.inkan.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Generates signing keys; randomness comes in from the caller. */
public final class SigningKeyGenerator {

    /** RFC 8301 §3.2: signers MUST use at least 1024 bits; verifiers must handle up to 4096. */
    public static final int MIN_RSA_BITS = 1024;
    public static final int MAX_RSA_BITS = 4096;

    private final SecureRandom random;

    public SigningKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public RsaSigningKey rsa(int bits) {
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new IllegalArgumentException("RSA key size must be between " + MIN_RSA_BITS + " and " + MAX_RSA_BITS
                    + " bits (RFC 8301 §3.2), got " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            return new RsaSigningKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    public Ed25519SigningKey ed25519() {
        return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(random));
    }
}
