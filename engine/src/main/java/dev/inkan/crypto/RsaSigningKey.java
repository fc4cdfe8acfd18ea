package dev.inkan.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;

/** An RSA private key, used through the JDK's RSA. */
public final class RsaSigningKey implements SigningKey {

    private final RSAPrivateCrtKey key;
    private final RsaVerifyingKey publicKey;

    public RsaSigningKey(RSAPrivateCrtKey key) {
        this.key = key;
        try {
            RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            this.publicKey = new RsaVerifyingKey(pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RSA key has no usable public part", e);
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

    @Override
    public byte[] sign(HashAlgorithm hash, byte[] data) {
        try {
            Signature signer = Signature.getInstance(RsaVerifyingKey.jcaName(hash));
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    /** RSASSA-PKCS1-v1_5 over a {@code digest} already computed with {@code hash} (DomainKeys signing). */
    public byte[] signDigest(HashAlgorithm hash, byte[] digest) {
        try {
            Signature signer = Signature.getInstance("NONEwithRSA");
            signer.initSign(key);
            signer.update(hash.digestInfo(digest));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RsaVerifyingKey publicKey() {
        return publicKey;
    }

    @Override
    public String toPem() {
        RSAPrivateKey pkcs1 = new RSAPrivateKey(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(),
                key.getCrtCoefficient());
        try {
            return PemText.write("RSA PRIVATE KEY", pkcs1.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
