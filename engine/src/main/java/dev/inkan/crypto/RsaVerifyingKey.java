package dev.inkan.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;

/** An RSA public key, verified through the JDK (faster than Bouncy Castle's pure-Java RSA). */
public final class RsaVerifyingKey implements VerifyingKey {

    private final RSAPublicKey key;

    public RsaVerifyingKey(RSAPublicKey key) {
        this.key = key;
    }

    /**
     * RFC 6376 §3.6.1: p= is an RSAPublicKey inside a SubjectPublicKeyInfo. A bare PKCS#1 RSAPublicKey is
     * accepted as well, since some publishers write that.
     */
    static RsaVerifyingKey fromDnsKeyData(byte[] data) throws InvalidKeyException {
        if (data.length == 0) {
            throw new InvalidKeyException("public key record has an empty key");
        }
        org.bouncycastle.asn1.pkcs.RSAPublicKey parsed = rsaStructure(data);
        if (parsed == null) {
            throw new InvalidKeyException("public key record has no modulus (p= is not an RSA public key)");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new RsaVerifyingKey((RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(parsed.getModulus(), parsed.getPublicExponent())));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyException("public key record has an unusable RSA key (modulus of "
                    + parsed.getModulus().bitLength() + " bits, public exponent of "
                    + parsed.getPublicExponent().bitLength() + " bits): " + e.getMessage());
        }
    }

    /** The modulus and exponent of a SubjectPublicKeyInfo holding an RSAPublicKey, or of a bare one; null if neither. */
    private static org.bouncycastle.asn1.pkcs.RSAPublicKey rsaStructure(byte[] data) {
        try {
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(data);
            return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(spki.parsePublicKey());
        } catch (java.io.IOException | RuntimeException notSpki) {
            try {
                return org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(data);
            } catch (RuntimeException notPkcs1) {
                return null;
            }
        }
    }

    @Override
    public KeyType type() {
        return KeyType.RSA;
    }

    @Override
    public int bits() {
        return key.getModulus().bitLength();
    }

    public RSAPublicKey jdkKey() {
        return key;
    }

    @Override
    public boolean verify(HashAlgorithm hash, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(jcaName(hash));
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Verifies an RSASSA-PKCS1-v1_5 {@code signature} over a {@code digest} already computed with {@code hash}
     * (DomainKeys, RFC 4870 §3.2.2, streams header and body into one digest). False for any malformed value.
     */
    public boolean verifyDigest(HashAlgorithm hash, byte[] digest, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("NONEwithRSA");
            verifier.initVerify(key);
            verifier.update(hash.digestInfo(digest));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String jcaName(HashAlgorithm hash) {
        return hash == HashAlgorithm.SHA1 ? "SHA1withRSA" : "SHA256withRSA";
    }

    @Override
    public byte[] dnsKeyData() {
        return key.getEncoded();
    }
}
