package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyCommandTest {

    private static final long T = 1_700_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keyDir;

    private static Keys keys;
    private static byte[] signed;

    @TempDir
    Path dir;

    @BeforeAll
    static void keygenAndSign() throws IOException {
        keys = Keys.generate(keyDir);
        signed = sign(Messages.crlf(), "--timestamp", "" + T);
    }

    @Test
    void aGoodSignaturePrintsAnAuthenticationResultsHeader() {
        CliRun verify = verify(signed);

        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.stderr()).isEmpty();
        assertThat(verify.out()).startsWith("Authentication-Results: mx.test;")
                .contains("dkim=pass header.d=example.com header.s=rsa header.a=rsa-sha256")
                .doesNotContain("==>");
    }

    @Test
    void aTamperedBodyFails() {
        byte[] tampered = new String(signed, StandardCharsets.US_ASCII).replace("Noon", "Nine")
                .getBytes(StandardCharsets.US_ASCII);

        CliRun verify = verify(tampered);

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("dkim=fail (body hash did not verify)");
    }

    @Test
    void anUnsignedMessageReportsDkimNoneAndArcNone() {
        CliRun verify = verify(Messages.lf());

        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).isEqualTo("Authentication-Results: mx.test; dkim=none; arc=none"
                + System.lineSeparator());
    }

    @Test
    void jsonHasOneObjectPerMessageWithEachSignature() throws IOException {
        Path a = Files.write(dir.resolve("a.eml"), signed);
        Path b = Files.write(dir.resolve("b.eml"), Messages.lf());

        CliRun verify = CliRun.run("verify", "--json", "--dns-zone", keys.zone().toString(), "--authserv-id", "mx.test",
                a.toString(), b.toString());

        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.outLines()).hasSize(2);
        JsonNode first = JSON.readTree(verify.outLines().get(0));
        assertThat(first.get("file").asText()).isEqualTo(a.toString());
        assertThat(first.get("authenticationResults").asText())
                .startsWith("mx.test; dkim=pass header.d=example.com header.s=rsa").doesNotContain("\n");
        assertThat(first.get("dkim")).hasSize(1);
        JsonNode signature = first.get("dkim").get(0);
        assertThat(signature.get("result").asText()).isEqualTo("pass");
        assertThat(signature.get("domain").asText()).isEqualTo("example.com");
        assertThat(signature.get("selector").asText()).isEqualTo("rsa");
        assertThat(signature.get("algorithm").asText()).isEqualTo("rsa-sha256");
        assertThat(signature.get("reason").isNull()).isTrue();
        assertThat(signature.get("reasonCode").isNull()).isTrue();
        assertThat(signature.get("identity").isNull()).isTrue();
        assertThat(signature.get("keyBits").asInt()).isEqualTo(1024);
        assertThat(signature.get("testing").asBoolean()).isFalse();
        assertThat(signature.get("bodyLength").isNull()).isTrue();
        assertThat(signature.get("unsignedBodyBytes").asLong()).isZero();
        JsonNode second = JSON.readTree(verify.outLines().get(1));
        assertThat(second.get("file").asText()).isEqualTo(b.toString());
        assertThat(second.get("authenticationResults").asText()).isEqualTo("mx.test; dkim=none; arc=none");
        assertThat(second.get("dkim")).isEmpty();
        assertThat(second.get("arc").get("result").asText()).isEqualTo("none");
        assertThat(second.get("arc").get("reasonCode").asText()).isEqualTo("NO_CHAIN");
        assertThat(second.get("arc").get("instances").asInt()).isZero();
        assertThat(second.get("arc").get("oldestPass").isNull()).isTrue();
    }

    @Test
    void jsonNamesWhyASignatureFailed() throws IOException {
        byte[] tampered = new String(signed, StandardCharsets.US_ASCII).replace("Subject: lunch", "Subject: dinner")
                .getBytes(StandardCharsets.US_ASCII);

        CliRun verify = CliRun.run(tampered, "verify", "--json", "--dns-zone", keys.zone().toString());

        JsonNode message = JSON.readTree(verify.out());
        assertThat(message.get("file").asText()).isEqualTo("-");
        JsonNode signature = message.get("dkim").get(0);
        assertThat(signature.get("result").asText()).isEqualTo("fail");
        assertThat(signature.get("reasonCode").asText()).isEqualTo("SIGNATURE_MISMATCH");
        assertThat(signature.get("reason").asText()).isNotBlank();
    }

    @Test
    void severalFilesAreEachIntroducedByTheirName() throws IOException {
        Path a = Files.write(dir.resolve("a.eml"), signed);
        Path b = Files.write(dir.resolve("b.eml"), Messages.crlf());

        CliRun verify = CliRun.run("verify", "--dns-zone", keys.zone().toString(), "--authserv-id", "mx.test",
                a.toString(), b.toString());

        assertThat(verify.outLines()).first().isEqualTo("==> " + a + " <==");
        assertThat(verify.out()).containsSubsequence("==> " + a + " <==", "dkim=pass", "", "==> " + b + " <==",
                "Authentication-Results: mx.test; dkim=none; arc=none");
    }

    @Test
    void nowDecidesWhetherAnExpiringSignatureHasExpired() {
        byte[] expiring = sign(Messages.crlf(), "--timestamp", "" + T, "--expiration", "3600");

        CliRun before = verify(expiring, "--now", "" + (T + 3599));
        CliRun after = verify(expiring, "--now", "" + (T + 3601));

        assertThat(before.out()).contains("dkim=pass");
        assertThat(after.out()).contains("dkim=permerror").contains("expired");
    }

    @Test
    void minKeyBitsTurnsASmallKeyIntoPolicy() {
        CliRun verify = verify(signed, "--min-key-bits", "2048");

        assertThat(verify.out()).contains("dkim=policy");
    }

    @Test
    void maxSignaturesLeavesTheRestUnchecked() {
        byte[] dual = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature(), keys.ed25519Signature())).stdout();

        CliRun verify = verify(dual, "--max-signatures", "1");

        assertThat(verify.out()).containsSubsequence("dkim=pass", "dkim=policy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--min-key-bits=100", "--min-key-bits=9000", "--max-signatures=0"})
    void limitsOutOfRangeAreInputErrorsNamingTheOption(String option) {
        CliRun verify = verify(signed, option);

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stdout()).isEmpty();
        assertThat(verify.errLines()).singleElement(STRING).startsWith("inkan: " + option.replace('=', ' ') + ": ");
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path missing = dir.resolve("missing.eml");

        CliRun verify = CliRun.run("verify", "--dns-zone", keys.zone().toString(), missing.toString());

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stdout()).isEmpty();
        assertThat(verify.errLines()).singleElement(STRING).isEqualTo("inkan: " + missing + ": no such file");
    }

    @Test
    void aBadZoneFileIsAnInputErrorNamingTheLine() throws IOException {
        Path zone = Files.writeString(dir.resolve("bad.zone"), "; keys\nmail.example.com. IN A not-an-address\n");

        CliRun verify = CliRun.run(signed, "verify", "--dns-zone", zone.toString());

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stdout()).isEmpty();
        assertThat(verify.errLines()).singleElement(STRING).startsWith("inkan: zone file " + zone + ", line 2");
    }

    @Test
    void aMissingZoneFileIsAnInputError() {
        CliRun verify = CliRun.run(signed, "verify", "--dns-zone", dir.resolve("none.zone").toString());

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.errLines()).singleElement(STRING).contains("none.zone").contains("no such file");
    }

    @Test
    void aZoneFileAndADnsServerCannotBeCombined() {
        CliRun verify = CliRun.run(signed, "verify", "--dns-zone", keys.zone().toString(), "--dns-server", "127.0.0.1");

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.errLines()).singleElement(STRING).contains("--dns-zone").contains("--dns-server");
    }

    @Test
    void aHeaderBlockOverTheLimitsIsAnInputError() {
        CliRun verify = verify(Messages.tooManyHeaderFields());

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.errLines()).singleElement(STRING).startsWith("inkan: standard input: ");
    }

    private static byte[] sign(byte[] message, String... options) {
        CliRun sign = CliRun.run(message, Args.of("sign", options, keys.rsaSignature()));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        return sign.stdout();
    }

    private static CliRun verify(byte[] message, String... options) {
        return CliRun.run(message, Args.of("verify", "--dns-zone", keys.zone(), "--authserv-id", "mx.test", options));
    }

    @Test
    void aLineBreakInTheAuthservIdIsAUsageError() {
        CliRun verify = CliRun.run(Messages.crlf(), "verify", "--authserv-id", "mx.test\r\nX-Evil: 1");
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stderr()).contains("--authserv-id").doesNotContain("Exception");
        assertThat(verify.stdout()).isEmpty();
    }

    @Test
    void aPublicSuffixListThatIsNotTextIsAnInputErrorThatSaysSo() throws java.io.IOException {
        java.nio.file.Path binary = java.nio.file.Files.createTempFile("psl", ".bin");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        CliRun verify = CliRun.run(Messages.crlf(), "verify", "--ip", "192.0.2.1", "--helo", "mx.example.com",
                "--psl", binary.toString());
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.stderr()).contains("is not UTF-8 text").doesNotContain("Input length");
    }

    @Test
    void nonAsciiHeaderValuesArePrintedAsTheTextTheyAreNotTwiceEncoded() {
        byte[] message = ("DKIM-Signature: v=1; a=rsa-sha256; d=b\u00fccher.example; s=s1;"
                + " i=j\u00f6rg@other.example; h=from; bh=AAAA; b=AAAA\r\nFrom: j@example.com\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        CliRun verify = CliRun.run(message, "verify", "--authserv-id", "mx.test");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("b\u00fccher.example").contains("j\u00f6rg@other.example")
                .doesNotContain("\u00c3");
    }
}
