package dev.inkan.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads private keys in the forms DKIM tools write them:
 * <ul>
 *   <li>PEM "RSA PRIVATE KEY" (PKCS#1, opendkim-genkey, openssl genrsa);</li>
 *   <li>PEM "PRIVATE KEY" (PKCS#8) holding RSA or Ed25519 (openssl genpkey);</li>
 *   <li>the base64 of a raw 32-byte Ed25519 seed (dkimpy's dknewkey, RFC 8463 Appendix A.1).</li>
 * </ul>
 * Encrypted keys and other types are refused with a message saying what to do.
 */
public final class SigningKeyReader {

    private SigningKeyReader() {
    }

    public static SigningKey read(Path file) throws KeyFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KeyFormatException("cannot read key file " + file + ": " + describe(e));
        }
        try {
            return read(text);
        } catch (KeyFormatException e) {
            throw new KeyFormatException(file + ": " + e.getMessage());
        }
    }

    public static SigningKey read(String text) throws KeyFormatException {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new KeyFormatException("the key is empty");
        }
        if (!trimmed.contains("-----BEGIN")) {
            return readRawEd25519Seed(trimmed);
        }
        if (trimmed.contains("ENCRYPTED")) {
            throw new KeyFormatException("encrypted private keys are not supported; decrypt it first"
                    + " (openssl pkey -in key.pem -out plain.pem)");
        }
        PemObject pem;
        try {
            pem = PemText.readFirst(trimmed);
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("the PEM text is damaged: " + describe(e));
        }
        if (pem == null) {
            throw new KeyFormatException("no PEM key block found");
        }
        switch (pem.getType()) {
            case "RSA PRIVATE KEY":
                return readPkcs1(pem.getContent());
            case "PRIVATE KEY":
                return readPkcs8(pem.getContent());
            case "PUBLIC KEY":
            case "RSA PUBLIC KEY":
                throw new KeyFormatException("this is a public key; signing needs the private key");
            default:
                throw new KeyFormatException("unsupported PEM type \"" + pem.getType()
                        + "\"; use an RSA (PKCS#1 or PKCS#8) or Ed25519 (PKCS#8) private key");
        }
    }

    private static SigningKey readPkcs1(byte[] der) throws KeyFormatException {
        try {
            RSAPrivateKey k = RSAPrivateKey.getInstance(der);
            return rsa(new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                    k.getPrime1(), k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient()));
        } catch (RuntimeException e) {
            throw new KeyFormatException("the RSA PRIVATE KEY block is not a PKCS#1 RSA key: " + describe(e));
        }
    }

    private static SigningKey readPkcs8(byte[] der) throws KeyFormatException {
        AsymmetricKeyParameter parameters;
        try {
            parameters = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new KeyFormatException("the PRIVATE KEY block is not a supported PKCS#8 key: " + describe(e));
        }
        if (parameters instanceof Ed25519PrivateKeyParameters) {
            return new Ed25519SigningKey((Ed25519PrivateKeyParameters) parameters);
        }
        if (parameters instanceof RSAPrivateCrtKeyParameters) {
            RSAPrivateCrtKeyParameters k = (RSAPrivateCrtKeyParameters) parameters;
            return rsa(new RSAPrivateCrtKeySpec(k.getModulus(), k.getPublicExponent(), k.getExponent(), k.getP(),
                    k.getQ(), k.getDP(), k.getDQ(), k.getQInv()));
        }
        throw new KeyFormatException("unsupported key type " + parameters.getClass().getSimpleName()
                + "; DKIM signs with RSA or Ed25519");
    }

    private static SigningKey rsa(RSAPrivateCrtKeySpec spec) throws KeyFormatException {
        if (spec.getModulus().signum() <= 0 || spec.getPublicExponent().compareTo(BigInteger.ONE) <= 0) {
            throw new KeyFormatException("the RSA key has no modulus or exponent");
        }
        try {
            return new RsaSigningKey((RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatException("the RSA key is invalid: " + describe(e));
        }
    }

    private static SigningKey readRawEd25519Seed(String text) throws KeyFormatException {
        byte[] seed;
        try {
            seed = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("not a PEM key and not base64 of an Ed25519 seed");
        }
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new KeyFormatException("not a PEM key; as a raw Ed25519 seed it should be 32 bytes, got "
                    + seed.length);
        }
        return Ed25519SigningKey.fromSeed(seed);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
