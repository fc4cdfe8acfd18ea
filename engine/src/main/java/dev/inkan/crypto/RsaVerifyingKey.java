package dev.inkan.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

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
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new RsaVerifyingKey((RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(data)));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException spki) {
            try {
                org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(data);
                KeyFactory factory = KeyFactory.getInstance("RSA");
                return new RsaVerifyingKey((RSAPublicKey) factory.generatePublic(
                        new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent())));
            } catch (GeneralSecurityException | RuntimeException pkcs1) {
                throw new InvalidKeyException("public key record has no modulus (p= is not an RSA public key)");
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

    static String jcaName(HashAlgorithm hash) {
        return hash == HashAlgorithm.SHA1 ? "SHA1withRSA" : "SHA256withRSA";
    }

    @Override
    public byte[] dnsKeyData() {
        return key.getEncoded();
    }
}
