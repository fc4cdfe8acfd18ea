package dev.inkan.bench;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The crypto floor: what one DKIM signature of the 4 KiB benchmark message costs in pure crypto, over
 * exactly the bytes the engine signs (the canonicalized signed header fields and the signature field
 * without b=, see {@link BenchmarkFixtures#headerHashInput}). RSA-2048 through the JDK's
 * {@code SHA256withRSA}; Ed25519 through Bouncy Castle over the SHA-256 of those bytes (RFC 8463 §3).
 *
 * <p>The {@code rsa*} and {@code ed25519*} methods reuse one initialised signer per thread: the limit. The
 * {@code *NewInstance} methods pay {@code Signature.getInstance} and init per operation, as a stateless
 * caller does, to show what the JCA lookup costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawCryptoBenchmark {

    static final int MESSAGE_SIZE = 4096;

    private byte[] rsaData;
    private byte[] rsaSignature;
    private PrivateKey rsaPrivate;
    private PublicKey rsaPublic;
    private Signature rsaSigner;
    private Signature rsaVerifier;

    private byte[] edData;
    private byte[] edSignature;
    private Ed25519PrivateKeyParameters edPrivate;
    private Ed25519PublicKeyParameters edPublic;
    private MessageDigest sha256;
    private Ed25519Signer edSigner;
    private Ed25519Signer edVerifier;

    @Setup
    public void setUp() throws GeneralSecurityException {
        rsaData = BenchmarkFixtures.headerHashInput(Algorithm.RSA_2048, MESSAGE_SIZE);
        rsaPrivate = BenchmarkFixtures.rsaKeyPair().getPrivate();
        rsaPublic = BenchmarkFixtures.rsaKeyPair().getPublic();
        rsaSigner = Signature.getInstance("SHA256withRSA");
        rsaSigner.initSign(rsaPrivate);
        rsaVerifier = Signature.getInstance("SHA256withRSA");
        rsaVerifier.initVerify(rsaPublic);
        rsaSignature = rsaSign();
        if (!rsaVerify()) {
            throw new IllegalStateException("raw RSA signature does not verify");
        }

        edData = BenchmarkFixtures.headerHashInput(Algorithm.ED25519, MESSAGE_SIZE);
        edPrivate = BenchmarkFixtures.ed25519PrivateKey();
        edPublic = BenchmarkFixtures.ed25519PublicKey();
        sha256 = MessageDigest.getInstance("SHA-256");
        edSigner = new Ed25519Signer();
        edSigner.init(true, edPrivate);
        edVerifier = new Ed25519Signer();
        edVerifier.init(false, edPublic);
        edSignature = ed25519Sign();
        if (!ed25519Verify()) {
            throw new IllegalStateException("raw Ed25519 signature does not verify");
        }
    }

    @Benchmark
    public byte[] rsaSign() throws GeneralSecurityException {
        rsaSigner.update(rsaData);
        return rsaSigner.sign();
    }

    @Benchmark
    public boolean rsaVerify() throws GeneralSecurityException {
        rsaVerifier.update(rsaData);
        return rsaVerifier.verify(rsaSignature);
    }

    @Benchmark
    public byte[] rsaSignNewInstance() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsaPrivate);
        s.update(rsaData);
        return s.sign();
    }

    @Benchmark
    public boolean rsaVerifyNewInstance() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(rsaPublic);
        s.update(rsaData);
        return s.verify(rsaSignature);
    }

    @Benchmark
    public byte[] ed25519Sign() {
        byte[] digest = sha256.digest(edData);
        edSigner.update(digest, 0, digest.length);
        return edSigner.generateSignature();
    }

    @Benchmark
    public boolean ed25519Verify() {
        byte[] digest = sha256.digest(edData);
        edVerifier.update(digest, 0, digest.length);
        return edVerifier.verifySignature(edSignature);
    }
}
