package dev.inkan.bench;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
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
 * Body hashing against the hash limit, one whole message per operation (the report turns ops/s into
 * MiB/s): raw {@code SHA-256} over the message bytes; the engine's {@link MessageSink} with no digest
 * requested (the header split only: with no canonicalization to feed, the body is counted, not scanned);
 * and the sink hashing the body with simple or relaxed canonicalization into SHA-256. Simple includes the
 * sink's scan for bare LFs; relaxed reads bare LFs itself, so its row is one pass over the body plus the
 * hash. Written to the sink in 8 KiB chunks, as {@code InputStream.transferTo} and
 * {@code MimeMessage.writeTo} do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BodyHashBenchmark {

    static final int CHUNK = 8192;

    @Param({"1048576"})
    public int size;

    private byte[] message;
    private MessageDigest sha256;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        message = BenchmarkFixtures.message(size);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Benchmark
    public byte[] sha256() {
        for (int off = 0; off < message.length; off += CHUNK) {
            sha256.update(message, off, Math.min(CHUNK, message.length - off));
        }
        return sha256.digest();
    }

    @Benchmark
    public ScannedMessage sinkOnly() throws IOException {
        return scan(null);
    }

    @Benchmark
    public ScannedMessage simple() throws IOException {
        return scan(BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA256));
    }

    @Benchmark
    public ScannedMessage relaxed() throws IOException {
        return scan(BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256));
    }

    private ScannedMessage scan(BodyHashKey key) throws IOException {
        MessageSink sink = new MessageSink(MessageLimits.DEFAULT,
                List.of(headers -> key == null ? Set.of() : Set.of(key)));
        for (int off = 0; off < message.length; off += CHUNK) {
            sink.write(message, off, Math.min(CHUNK, message.length - off));
        }
        sink.close();
        return sink.scanned();
    }
}
