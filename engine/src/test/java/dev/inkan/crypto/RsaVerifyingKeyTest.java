package dev.inkan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** What a p= value that is no usable RSA key is reported as (RFC 6376 §3.6.1). */
class RsaVerifyingKeyTest {

    /** The modulus of a real 2048-bit key (two random 1024-bit primes alone may give 2047 bits). */
    private static final BigInteger MODULUS = modulus();

    private static BigInteger modulus() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            return ((java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic()).getModulus();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aKeyWithAnAbsurdExponentIsNamedSoNotAsMissingItsModulus() throws Exception {
        byte[] spki = spki(MODULUS, BigInteger.ONE.shiftLeft(4096).add(BigInteger.ONE));
        assertThatThrownBy(() -> RsaVerifyingKey.fromDnsKeyData(spki)).isInstanceOf(InvalidKeyException.class)
                .hasMessageStartingWith("public key record has an unusable RSA key (modulus of 2048 bits,"
                        + " public exponent of 4097 bits)")
                .hasMessageNotContaining("no modulus");
    }

    @Test
    void anOrdinaryKeyAndABarePkcs1KeyAreRead() throws Exception {
        BigInteger e = BigInteger.valueOf(65537);
        assertThat(RsaVerifyingKey.fromDnsKeyData(spki(MODULUS, e)).bits()).isEqualTo(2048);
        assertThat(RsaVerifyingKey.fromDnsKeyData(new RSAPublicKey(MODULUS, e).getEncoded()).bits()).isEqualTo(2048);
    }

    @Test
    void bytesThatAreNoKeyHaveNoModulus() {
        assertThatThrownBy(() -> RsaVerifyingKey.fromDnsKeyData(new byte[] {1, 2, 3, 4}))
                .hasMessage("public key record has no modulus (p= is not an RSA public key)");
    }

    private static byte[] spki(BigInteger modulus, BigInteger exponent) throws Exception {
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(modulus, exponent)).getEncoded();
    }
}
