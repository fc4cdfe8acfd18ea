package dev.inkan.crypto;

import java.security.InvalidKeyException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key (RFC 8463), verified through Bouncy Castle's lightweight API. */
public final class Ed25519VerifyingKey implements VerifyingKey {

    private final Ed25519PublicKeyParameters key;

    public Ed25519VerifyingKey(Ed25519PublicKeyParameters key) {
        this.key = key;
    }

    /** RFC 8463 §4: p= is the raw 32-byte public key, not a SubjectPublicKeyInfo. */
    static Ed25519VerifyingKey fromDnsKeyData(byte[] data) throws InvalidKeyException {
        if (data.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new InvalidKeyException("Ed25519 public key must be 32 bytes, got " + data.length);
        }
        try {
            return new Ed25519VerifyingKey(new Ed25519PublicKeyParameters(data, 0));
        } catch (RuntimeException e) {
            throw new InvalidKeyException("Ed25519 public key is not a valid curve point");
        }
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
    public boolean verify(HashAlgorithm hash, byte[] data, byte[] signature) {
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        byte[] digest = hash.newDigest().digest(data);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(digest, 0, digest.length);
        try {
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public byte[] dnsKeyData() {
        return key.getEncoded();
    }
}
