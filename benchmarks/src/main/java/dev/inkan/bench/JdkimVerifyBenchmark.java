package dev.inkan.bench;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The peer: Apache jDKIM 0.5 verifying the same RSA-2048 messages as {@link DkimVerifyBenchmark} (jDKIM
 * has no Ed25519), the key record injected through its {@link PublicKeyRecordRetriever}. A
 * {@link DKIMVerifier} accumulates results, so each message gets a fresh one, as jDKIM's docs advise
 * (construction is two field stores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdkimVerifyBenchmark {

    /** Always RSA_2048: a parameter so that the report can match rows with Inkan's. */
    @Param({"RSA_2048"})
    public Algorithm algorithm;

    @Param({"4096", "1048576"})
    public int size;

    private PublicKeyRecordRetriever retriever;
    private byte[] signed;

    @Setup
    public void setUp() throws Exception {
        if (algorithm != Algorithm.RSA_2048) {
            throw new IllegalArgumentException("jDKIM verifies RSA only");
        }
        retriever = BenchmarkFixtures.jdkimRetriever();
        signed = BenchmarkFixtures.signedMessage(algorithm, size);
        DKIMVerifier check = new DKIMVerifier(retriever);
        List<SignatureRecord> records = check.verify(new ByteArrayInputStream(signed));
        if (records == null || records.size() != 1 || !check.hasAnyValidSignature()) {
            throw new IllegalStateException("jDKIM does not verify the benchmark message: " + check.getResults());
        }
    }

    @Benchmark
    public List<SignatureRecord> verify() throws IOException, FailException {
        return new DKIMVerifier(retriever).verify(new ByteArrayInputStream(signed));
    }
}
