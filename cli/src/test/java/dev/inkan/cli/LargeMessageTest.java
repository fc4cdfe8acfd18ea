package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB message signed and verified by the real {@code inkan} main class in a JVM limited to a 64 MB
 * heap: nothing may hold a message in memory, neither from a file nor from standard input.
 */
class LargeMessageTest {

    private static final long SIZE = 100L * 1024 * 1024;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;

    private static Keys keys;
    private static Path message;

    @BeforeAll
    static void writeMessage() throws IOException {
        keys = Keys.generate(Files.createDirectories(dir.resolve("keys")));
        message = dir.resolve("big.eml");
        byte[] line = "The quick brown fox jumps over the lazy dog, again and again and again.  \r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(message), 1 << 16)) {
            out.write(("From: alice@example.com\r\nTo: bob@example.org\r\nSubject: a big one\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < SIZE; written += line.length) {
                out.write(line);
            }
        }
    }

    @Test
    void aHundredMegabyteFileIsSignedAndVerifiedInA64MegabyteHeap() throws Exception {
        Path outDir = dir.resolve("signed");

        Child sign = inkan(null, Args.of("sign", "--timestamp", "1700000000", keys.rsaSignature(),
                keys.ed25519Signature(), "--out-dir", outDir, message));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        Path signed = outDir.resolve("big.eml");
        assertThat(Files.size(signed) - Files.size(message)).isBetween(500L, 2000L);

        Child verify = inkan(null, Args.of("verify", "--dns-zone", keys.zone(), "--authserv-id", "mx.test", signed));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stdout()).containsSubsequence("dkim=pass header.d=example.com header.s=rsa",
                "dkim=pass header.d=example.com header.s=ed");
    }

    @Test
    void aHundredMegabyteMessageOnStandardInputIsSignedAndVerifiedInA64MegabyteHeap() throws Exception {
        Path signed = dir.resolve("stdin-signed.eml");

        Child sign = inkan(message, signed, Args.of("sign", keys.rsaSignature()));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();

        Child verify = inkan(signed, Args.of("verify", "--dns-zone", keys.zone(), "--authserv-id", "mx.test"));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stdout()).contains("dkim=pass header.d=example.com header.s=rsa");
        Files.delete(signed);
    }

    private record Child(int exitCode, String stdout, String stderr) {
    }

    private static Child inkan(Path stdin, String... args) throws Exception {
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        try {
            Child child = inkan(stdin, stdout, args);
            return new Child(child.exitCode(), Files.readString(stdout), child.stderr());
        } finally {
            Files.delete(stdout);
        }
    }

    /** Runs the main class in a fresh JVM with a 64 MB heap; its temporary files go to the test directory. */
    private static Child inkan(Path stdin, Path stdout, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                InkanCommand.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        try {
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("inkan finished").isTrue();
            try (var left = Files.list(tmp)) {
                assertThat(left).as("temporary files left behind").isEmpty();
            }
            return new Child(process.exitValue(), null, Files.readString(stderr));
        } finally {
            process.destroyForcibly();
            Files.delete(stderr);
        }
    }
}
