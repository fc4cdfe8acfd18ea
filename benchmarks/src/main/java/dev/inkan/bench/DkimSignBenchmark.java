package dev.inkan.bench;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import dev.inkan.dkim.DkimSigner;
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
 * Inkan signing one message per operation (relaxed/relaxed, default header list), from bytes in memory,
 * producing the DKIM-Signature field to prepend. Compare with {@link RawCryptoBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DkimSignBenchmark {

    @Param({"RSA_2048", "ED25519"})
    public Algorithm algorithm;

    @Param({"4096", "1048576"})
    public int size;

    private DkimSigner signer;
    private byte[] message;

    @Setup
    public void setUp() throws IOException {
        signer = BenchmarkFixtures.signer(algorithm);
        message = BenchmarkFixtures.message(size);
        // signedMessage() signs with the same fixtures and checks the result verifies.
        BenchmarkFixtures.signedMessage(algorithm, size);
    }

    @Benchmark
    public List<String> sign() throws IOException {
        return signer.sign(new ByteArrayInputStream(message));
    }
}
