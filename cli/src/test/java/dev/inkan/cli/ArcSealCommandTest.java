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

/** {@code inkan arc-seal} as a forwarding hop runs it, and the arc= result of {@code inkan verify}. */
class ArcSealCommandTest {

    private static final long T = 1_700_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path keyDir;

    private static Keys keys;
    private static Path zoneWithSpf;

    @TempDir
    Path dir;

    @BeforeAll
    static void keygen() throws IOException {
        keys = Keys.generate(keyDir);
        zoneWithSpf = Files.writeString(keyDir.resolve("spf.zone"), Files.readString(keys.zone())
                + "example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
    }

    @Test
    void aSealedMessageStartsWithTheNewSetAndVerifiesAsArcPass() throws IOException {
        CliRun seal = seal(Messages.crlf(), "--authserv-id", "list.test");

        assertThat(seal.exitCode()).as(seal.stderr()).isZero();
        assertThat(seal.stderr()).isEmpty();
        String out = seal.out();
        assertThat(out).startsWith("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; s=rsa; t=" + T + ";");
        assertThat(out).containsSubsequence("ARC-Seal:", "\r\nARC-Message-Signature: i=1;",
                "\r\nARC-Authentication-Results: i=1; list.test;");
        assertThat(out).endsWith(Messages.TEXT.replace("\n", "\r\n"));

        JsonNode verify = verifyJson(seal.stdout());
        assertThat(verify.get("authenticationResults").asText()).endsWith("; arc=pass header.oldest-pass=0");
        JsonNode arc = verify.get("arc");
        assertThat(arc.get("result").asText()).isEqualTo("pass");
        assertThat(arc.get("reason").isNull()).isTrue();
        assertThat(arc.get("instances").asInt()).isEqualTo(1);
        assertThat(arc.get("oldestPass").asInt()).isZero();
    }

    @Test
    void withoutOurAuthenticationResultsTheAarRecordsInkansOwnChecks() {
        byte[] signed = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature(), "--timestamp", T)).stdout();

        CliRun seal = CliRun.run(signed, Args.of("arc-seal", keys.rsaSignature(), "--dns-zone", zoneWithSpf,
                "--authserv-id", "list.test", "--timestamp", T, "--ip", "192.0.2.7", "--helo", "mail.example.com",
                "--mail-from", "alice@example.com"));

        assertThat(seal.exitCode()).as(seal.stderr()).isZero();
        assertThat(aar(seal.out())).isEqualTo("ARC-Authentication-Results: i=1; list.test;"
                + " spf=pass (domain of alice@example.com designates 192.0.2.7 as permitted sender)"
                + " smtp.mailfrom=example.com; dkim=pass header.d=example.com header.s=rsa"
                + " header.a=rsa-sha256 header.b=" + pvalue(headerB(seal.out()))
                + "; arc=none smtp.remote-ip=192.0.2.7;"
                + " dmarc=none (no DMARC policy record for example.com) header.from=example.com");
    }

    @Test
    void authenticationResultsOnTheMessageAreNeverSealedEvenWithOurAuthservId() {
        byte[] message = ("Authentication-Results: list.test; dkim=pass header.d=example.com;\r\n"
                + "  dmarc=pass header.from=example.com\r\n"
                + "Authentication-Results: elsewhere.test; spf=fail\r\n" + Messages.TEXT.replace("\n", "\r\n"))
                .getBytes(StandardCharsets.US_ASCII);

        CliRun seal = seal(message, "--authserv-id", "list.test", "--ip", "192.0.2.7", "--helo", "x.test");

        assertThat(aar(seal.out())).isEqualTo("ARC-Authentication-Results: i=1; list.test;"
                + " spf=none (x.test does not exist) smtp.mailfrom=x.test; dkim=none;"
                + " arc=none smtp.remote-ip=192.0.2.7;"
                + " dmarc=none (no DMARC policy record for example.com) header.from=example.com");
    }

    /** A pvalue as RFC 8601 writes it: a token bare, anything else (here a '/') quoted. */
    private static String pvalue(String value) {
        return value.matches("[A-Za-z0-9+]+") ? value : "\"" + value + "\"";
    }

    @Test
    void lfMessagesStayLf() {
        CliRun seal = seal(Messages.lf(), "--authserv-id", "list.test");

        assertThat(seal.exitCode()).as(seal.stderr()).isZero();
        assertThat(seal.out()).doesNotContain("\r").endsWith(Messages.TEXT).contains("\n\tb=");
        assertThat(verifyJson(seal.stdout()).get("arc").get("result").asText()).isEqualTo("pass");
    }

    @Test
    void aSecondHopAddsInstanceTwoWithCvPassAndATamperedBodyFails() {
        byte[] first = seal(Messages.crlf(), "--authserv-id", "list.test").stdout();
        CliRun second = CliRun.run(first, Args.of("arc-seal", keys.ed25519Signature(), "--dns-zone", keys.zone(),
                "--authserv-id", "relay.test", "--timestamp", T));

        assertThat(second.out()).startsWith("ARC-Seal: i=2; a=ed25519-sha256; cv=pass;");
        assertThat(second.out()).contains("ARC-Authentication-Results: i=2; relay.test;").contains("arc=pass");
        JsonNode arc = verifyJson(second.stdout()).get("arc");
        assertThat(arc.get("result").asText()).isEqualTo("pass");
        assertThat(arc.get("instances").asInt()).isEqualTo(2);

        byte[] tampered = second.out().replace("Noon", "Nine").getBytes(StandardCharsets.US_ASCII);
        JsonNode failed = verifyJson(tampered).get("arc");
        assertThat(failed.get("result").asText()).isEqualTo("fail");
        assertThat(failed.get("reasonCode").asText()).isEqualTo("BODY_HASH_MISMATCH");
        assertThat(failed.get("reason").asText()).contains("i=2");
    }

    @Test
    void aChainAlreadyMarkedFailedIsWrittenUnchangedWithANote() {
        byte[] first = seal(Messages.crlf(), "--authserv-id", "list.test").stdout();
        byte[] broken = new String(first, StandardCharsets.US_ASCII).replace("Noon", "Nine")
                .getBytes(StandardCharsets.US_ASCII);
        CliRun second = seal(broken, "--authserv-id", "relay.test");
        assertThat(second.out()).startsWith("ARC-Seal: i=2; a=rsa-sha256; cv=fail;");

        CliRun third = seal(second.stdout(), "--authserv-id", "last.test");

        assertThat(third.exitCode()).isZero();
        assertThat(third.stdout()).isEqualTo(second.stdout());
        assertThat(third.errLines()).singleElement(STRING).startsWith("inkan: standard input: not sealed:")
                .contains("cv=fail");
    }

    @Test
    void outDirSealsEachFileAndTheOutputIsReproducible() throws IOException {
        Path a = Files.write(dir.resolve("a.eml"), Messages.crlf());
        Path b = Files.write(dir.resolve("b.eml"), Messages.lf());
        Path out = dir.resolve("sealed");

        CliRun seal = CliRun.run(Args.of("arc-seal", keys.rsaSignature(), "--dns-zone", keys.zone(), "--authserv-id",
                "list.test", "--timestamp", T, "--out-dir", out, a, b));

        assertThat(seal.exitCode()).as(seal.stderr()).isZero();
        assertThat(seal.stdout()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("a.eml")))
                .isEqualTo(seal(Messages.crlf(), "--authserv-id", "list.test").stdout());
        assertThat(Files.readString(out.resolve("b.eml"))).startsWith("ARC-Seal: i=1;").doesNotContain("\r");
    }

    @Test
    void spfNeedsBothIpAndHelo() {
        CliRun seal = seal(Messages.crlf(), "--ip", "192.0.2.7");

        assertThat(seal.exitCode()).isEqualTo(2);
        assertThat(seal.stdout()).isEmpty();
        assertThat(seal.errLines()).singleElement(STRING).contains("--helo");
    }

    @Test
    void dkimOnlyOptionsAreNotArcOptions() {
        CliRun seal = seal(Messages.crlf(), "--identity", "@example.com");

        assertThat(seal.exitCode()).isEqualTo(2);
        assertThat(seal.errLines()).singleElement(STRING).contains("--identity");
    }

    private static CliRun seal(byte[] message, Object... more) {
        return CliRun.run(message, Args.of("arc-seal", keys.rsaSignature(), "--dns-zone", keys.zone(), "--timestamp",
                T, Args.of(more)));
    }

    private static JsonNode verifyJson(byte[] message) {
        CliRun verify = CliRun.run(message, Args.of("verify", "--json", "--dns-zone", keys.zone(), "--authserv-id",
                "mx.test"));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        try {
            return JSON.readTree(verify.out());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ARC-Authentication-Results field of {@code out}, unfolded. */
    private static String aar(String out) {
        int start = out.indexOf("ARC-Authentication-Results:");
        int end = out.indexOf("\r\n", start);
        while (out.charAt(end + 2) == ' ' || out.charAt(end + 2) == '\t') {
            end = out.indexOf("\r\n", end + 2);
        }
        return out.substring(start, end).replace("\r\n", "").replaceAll("[ \t]+", " ");
    }

    /** The first 8 characters of the DKIM b= value in {@code out} (header.b of its result). */
    private static String headerB(String out) {
        String dkim = out.substring(out.indexOf("DKIM-Signature:"));
        String b = dkim.substring(dkim.indexOf(" b=") + 3).replaceAll("\\s", "");
        return b.substring(0, 8);
    }
}
