package dev.inkan.bench;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inkan verifying one signed message per operation, from bytes in memory, with the key record from
 * in-memory DNS and one long-lived {@link DkimVerifier} (its decoded-key cache warm, as in a server).
 * Compare with {@link RawCryptoBenchmark} (the crypto floor) and {@link JdkimVerifyBenchmark} (the peer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DkimVerifyBenchmark {

    @Param({"RSA_2048", "ED25519"})
    public Algorithm algorithm;

    /** Size of the message before signing, in bytes. */
    @Param({"4096", "1048576"})
    public int size;

    private DkimVerifier verifier;
    private byte[] signed;

    @Setup
    public void setUp() {
        verifier = BenchmarkFixtures.verifier();
        signed = BenchmarkFixtures.signedMessage(algorithm, size);
        BenchmarkFixtures.requirePass(BenchmarkFixtures.verify(verifier, signed), "benchmark message");
    }

    @Benchmark
    public List<DkimVerdict> verify() throws IOException {
        return verifier.verify(new ByteArrayInputStream(signed));
    }
}
