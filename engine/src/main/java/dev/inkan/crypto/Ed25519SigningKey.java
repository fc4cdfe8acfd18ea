package dev.inkan.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/** An Ed25519 private key (RFC 8463), used through Bouncy Castle's lightweight API. */
public final class Ed25519SigningKey implements SigningKey {

    private final Ed25519PrivateKeyParameters key;
    private final Ed25519VerifyingKey publicKey;

    public Ed25519SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.publicKey = new Ed25519VerifyingKey(key.generatePublicKey());
    }

    /** The key whose 32-byte seed (RFC 8032 §5.1.5 private key) is {@code seed}. */
    public static Ed25519SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        return new Ed25519SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    @Override
    public KeyType type() {
        return KeyType.ED25519;
    }

    @Override
    public int bits() {
        return 256;
    }

    @Override
    public byte[] sign(HashAlgorithm hash, byte[] data) {
        byte[] digest = hash.newDigest().digest(data);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(digest, 0, digest.length);
        return signer.generateSignature();
    }

    @Override
    public Ed25519VerifyingKey publicKey() {
        return publicKey;
    }

    /** The 32-byte seed, the raw form dkimpy and others keep in a key file. */
    public byte[] seed() {
        return key.getEncoded();
    }

    @Override
    public String toPem() {
        try {
            return PemText.write("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
