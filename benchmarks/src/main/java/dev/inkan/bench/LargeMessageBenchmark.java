package dev.inkan.bench;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory bound: a 100 MiB message, generated on the fly by {@link GeneratedMessage} and never held in
 * memory, streamed through signing and through verification in a JVM limited to a 64 MiB heap. Each
 * operation is one whole message (single shot, seconds per message; the report turns that into MiB/s).
 * Setup refuses to run in a larger heap, so a result here is proof that the engine streams.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx64m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LargeMessageBenchmark {

    static final long MAX_HEAP = 64L * 1024 * 1024;

    @Param({"RSA_2048"})
    public Algorithm algorithm;

    /** 100 MiB. */
    @Param({"104857600"})
    public long size;

    private DkimSigner signer;
    private DkimVerifier verifier;
    private byte[] signatureField;

    @Setup
    public void setUp() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        if (heap > MAX_HEAP) {
            throw new IllegalStateException("run with -Xmx64m: the heap limit is " + (heap >> 20) + " MiB, and"
                    + " the point of this benchmark is that a " + (size >> 20) + " MiB message fits in 64 MiB");
        }
        signer = BenchmarkFixtures.signer(algorithm);
        verifier = BenchmarkFixtures.verifier();
        signatureField = BenchmarkFixtures.latin1(sign().get(0));
        BenchmarkFixtures.requirePass(verify(), (size >> 20) + " MiB message");
    }

    @Benchmark
    public List<String> sign() throws IOException {
        return signer.sign(new GeneratedMessage(size));
    }

    @Benchmark
    public List<DkimVerdict> verify() throws IOException {
        InputStream signed = new SequenceInputStream(new ByteArrayInputStream(signatureField), new GeneratedMessage(size));
        return verifier.verify(signed);
    }
}
