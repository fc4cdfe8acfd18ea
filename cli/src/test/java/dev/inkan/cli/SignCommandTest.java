package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignCommandTest {

    private static final String T = "1700000000";

    @TempDir
    static Path keyDir;

    private static Keys keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void keygen() throws IOException {
        keys = Keys.generate(keyDir);
    }

    @Test
    void aSignedFileVerifiesAndKeepsEveryOriginalByte() throws IOException {
        Path message = Files.write(dir.resolve("msg.eml"), Messages.crlf());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), message));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.stderr()).isEmpty();
        assertThat(sign.out()).startsWith("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=rsa;");
        assertSuffix(sign.stdout(), Messages.crlf());
        assertThat(verify(sign.stdout())).contains("dkim=pass header.d=example.com header.s=rsa");
    }

    @Test
    void standardInputIsSignedToStandardOutput() {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.ed25519Signature()));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.out()).startsWith("DKIM-Signature: v=1; a=ed25519-sha256;");
        assertSuffix(sign.stdout(), Messages.crlf());
        assertThat(verify(sign.stdout())).contains("dkim=pass header.d=example.com header.s=ed header.a=ed25519-sha256");
    }

    @Test
    void outDirGetsOneSignedFileEachUnderTheSameName() throws IOException {
        Path a = Files.write(Files.createDirectories(dir.resolve("in")).resolve("a.eml"), Messages.crlf());
        Path b = Files.write(dir.resolve("in/b.eml"), Messages.lf());
        Path out = dir.resolve("signed");

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), "--out-dir", out, a, b));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.stdout()).isEmpty();
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.eml", "b.eml");
        }
        assertSuffix(Files.readAllBytes(out.resolve("a.eml")), Messages.crlf());
        assertSuffix(Files.readAllBytes(out.resolve("b.eml")), Messages.lf());
        assertThat(Files.readAllBytes(a)).isEqualTo(Messages.crlf());
        CliRun verify = CliRun.run("verify", "--dns-zone", keys.zone().toString(), "--authserv-id", "mx.test",
                out.resolve("a.eml").toString(), out.resolve("b.eml").toString());
        assertThat(verify.out()).containsSubsequence("==> " + out.resolve("a.eml") + " <==", "dkim=pass",
                "==> " + out.resolve("b.eml") + " <==", "dkim=pass");
    }

    @Test
    void repeatedSignatureGroupsDualSignInGroupOrder() throws IOException {
        Path message = Files.write(dir.resolve("msg.eml"), Messages.crlf());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), keys.ed25519Signature(), message));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.out().split("DKIM-Signature: ", -1)).hasSize(3);
        assertThat(sign.out()).containsSubsequence("a=rsa-sha256", "a=ed25519-sha256", "From: Alice");
        assertThat(verify(sign.stdout())).containsSubsequence(
                "dkim=pass header.d=example.com header.s=rsa", "dkim=pass header.d=example.com header.s=ed");
    }

    @Test
    void aFixedTimestampGivesByteIdenticalOutput() throws IOException {
        Path message = Files.write(dir.resolve("msg.eml"), Messages.crlf());
        String[] args = Args.of("sign", "--timestamp", T, keys.rsaSignature(), keys.ed25519Signature(), message);

        CliRun first = CliRun.run(args);
        CliRun second = CliRun.run(args);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("t=" + T + ";");
        assertThat(second.stdout()).isEqualTo(first.stdout());
    }

    @Test
    void lfInputStaysLfThroughout() throws IOException {
        Path message = Files.write(dir.resolve("msg.eml"), Messages.lf());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), keys.ed25519Signature(), message));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.out()).doesNotContain("\r").contains("\n\tbh=");
        assertSuffix(sign.stdout(), Messages.lf());
        assertThat(verify(sign.stdout())).containsSubsequence("dkim=pass", "dkim=pass");
    }

    @Test
    void crlfInputGetsCrlfSignatureFields() {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature()));

        String fields = sign.out().substring(0, sign.out().indexOf("From: Alice"));
        assertThat(fields.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(fields).endsWith("\r\n");
    }

    @Test
    void signingOptionsShowUpAsTagsAndStillVerify() {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", "--timestamp", T, "--expiration", "3600",
                "--body-length", "--headers", "From,Subject", "--oversign=", "--canonicalization", "simple/simple",
                keys.rsaSignature(), "--identity", "alice@example.com"));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        String field = sign.out().substring(0, sign.out().indexOf("From: Alice")).replaceAll("\r\n\t", " ");
        assertThat(field).contains("c=simple/simple;", "i=alice@example.com;", "l=", "t=1700000000;",
                "x=1700003600;", "h=from:subject;");
        CliRun verify = CliRun.run(sign.stdout(), "verify", "--dns-zone", keys.zone().toString(), "--now", "1700000100");
        assertThat(verify.out()).contains("dkim=pass").contains("header.i=alice@example.com");
    }

    @Test
    void noTimestampLeavesOutT() {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", "--no-timestamp", keys.rsaSignature()));

        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        assertThat(sign.out().substring(0, sign.out().indexOf("From: Alice"))).doesNotContain("t=");
        assertThat(verify(sign.stdout())).contains("dkim=pass");
    }

    @Test
    void severalFilesWithoutOutDirIsAUsageError() throws IOException {
        Path a = Files.write(dir.resolve("a.eml"), Messages.crlf());
        Path b = Files.write(dir.resolve("b.eml"), Messages.crlf());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), a, b));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.stdout()).isEmpty();
        assertThat(sign.errLines()).singleElement(STRING).startsWith("inkan: ").contains("--out-dir");
    }

    @Test
    void outDirNeverReplacesItsInput() throws IOException {
        Path message = Files.write(dir.resolve("msg.eml"), Messages.crlf());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), "--out-dir", dir, message));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.errLines()).singleElement(STRING).contains("is the input itself");
        assertThat(Files.readAllBytes(message)).isEqualTo(Messages.crlf());
    }

    @Test
    void anUnusableKeyIsAnInputError() throws IOException {
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        CliRun sign = CliRun.run(Messages.crlf(), "sign", "--domain", "example.com", "--selector", "s",
                "--key", notAKey.toString());

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.stdout()).isEmpty();
        assertThat(sign.errLines()).singleElement(STRING).startsWith("inkan: ").contains("key.pem");
    }

    @Test
    void anAlgorithmThatDoesNotMatchTheKeyIsAnInputError() {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.ed25519Signature(), "--algorithm", "rsa-sha256"));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.errLines()).singleElement(STRING).contains("rsa-sha256").contains("ed25519");
    }

    @Test
    void aGroupWithoutKeyIsAUsageError() {
        CliRun sign = CliRun.run(Messages.crlf(), "sign", "--domain", "example.com", "--selector", "s");

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.errLines()).singleElement(STRING).startsWith("inkan: ").contains("--key");
    }

    @Test
    void aHeaderBlockOverTheLimitsIsAnInputError() throws IOException {
        Path message = Files.write(dir.resolve("huge-header.eml"), Messages.tooManyHeaderFields());

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), message));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.stdout()).isEmpty();
        assertThat(sign.errLines()).singleElement(STRING).startsWith("inkan: " + message + ": ");
    }

    @Test
    void aMessageWithoutFromIsRefused() throws IOException {
        Path message = Files.writeString(dir.resolve("no-from.eml"), "To: a@example.net\r\nSubject: x\r\n\r\nbody\r\n");

        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), message));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.stdout()).isEmpty();
        assertThat(sign.errLines()).singleElement(STRING).startsWith("inkan: " + message + ": no From field:");
    }

    @Test
    void aMissingFileIsAnInputError() {
        CliRun sign = CliRun.run(Args.of("sign", keys.rsaSignature(), dir.resolve("nope.eml")));

        assertThat(sign.exitCode()).isEqualTo(2);
        assertThat(sign.errLines()).singleElement(STRING).isEqualTo("inkan: " + dir.resolve("nope.eml") + ": no such file");
    }

    private static String verify(byte[] signed) {
        CliRun verify = CliRun.run(signed, "verify", "--dns-zone", keys.zone().toString(), "--authserv-id", "mx.test");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        return verify.out();
    }

    /** The output ends with the original message, byte for byte, after nothing but DKIM-Signature fields. */
    private static void assertSuffix(byte[] signed, byte[] original) {
        assertThat(signed.length).isGreaterThan(original.length);
        byte[] suffix = Arrays.copyOfRange(signed, signed.length - original.length, signed.length);
        assertThat(suffix).isEqualTo(original);
        String added = new String(signed, 0, signed.length - original.length, StandardCharsets.US_ASCII);
        assertThat(added).startsWith("DKIM-Signature: ");
        assertThat(added.lines()).allSatisfy(line ->
                assertThat(line.startsWith("DKIM-Signature: ") || line.startsWith("\t")).as(line).isTrue());
    }
}
