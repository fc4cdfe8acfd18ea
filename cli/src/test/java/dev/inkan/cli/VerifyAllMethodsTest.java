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

/** {@code inkan verify --ip --helo --mail-from}: SPF, DKIM, ARC and DMARC in one Authentication-Results field. */
class VerifyAllMethodsTest {

    @TempDir
    static Path dir;
    private static Keys keys;
    private static Path zone;
    private static byte[] signed;

    @BeforeAll
    static void keysZoneAndSignedMessage() throws IOException {
        keys = Keys.generate(dir);
        zone = dir.resolve("all.zone");
        Files.writeString(zone, Files.readString(keys.zone())
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"\n");
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature()));
        signed = sign.stdout();
    }

    static CliRun verify(byte[] message, String... options) {
        return CliRun.run(message, Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test", options));
    }

    @Test
    void all_four_methods_are_in_one_header() {
        CliRun run = verify(signed, "--ip", "192.0.2.10", "--helo", "mail.example.com", "--mail-from", "alice@example.com");
        String header = String.join(" ", run.outLines());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(header).startsWith("Authentication-Results: mx.test;").contains("spf=pass").contains("dkim=pass")
                .contains("arc=none").contains("dmarc=pass").contains("header.from=example.com");
        assertThat(header.indexOf("spf=")).isLessThan(header.indexOf("dkim="));
        assertThat(header.indexOf("arc=")).isLessThan(header.indexOf("dmarc="));
    }

    @Test
    void json_has_the_dmarc_policy_and_disposition() throws Exception {
        byte[] spoofed = Messages.crlf();
        CliRun run = verify(spoofed, "--json", "--ip", "203.0.113.5", "--helo", "evil.example", "--mail-from",
                "x@evil.example");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("spf").get("result").asText()).isEqualTo("none");
        JsonNode dmarc = json.get("dmarc");
        assertThat(dmarc.get("result").asText()).isEqualTo("fail");
        assertThat(dmarc.get("policy").asText()).isEqualTo("reject");
        assertThat(dmarc.get("policyTag").asText()).isEqualTo("p");
        assertThat(dmarc.get("disposition").asText()).isEqualTo("reject");
        assertThat(dmarc.get("domain").asText()).isEqualTo("example.com");
        assertThat(json.get("authenticationResults").asText()).contains("dmarc=fail (p=reject dis=reject)");
    }

    @Test
    void psl_selects_rfc_7489_mode() throws Exception {
        Path psl = dir.resolve("psl.dat");
        Files.writeString(psl, "com\n", StandardCharsets.UTF_8);
        CliRun run = verify(signed, "--json", "--psl", psl.toString(), "--ip", "192.0.2.10", "--helo", "mail.example.com",
                "--mail-from", "alice@example.com");
        assertThat(new ObjectMapper().readTree(run.out()).get("dmarc").get("result").asText()).isEqualTo("pass");
    }

    @Test
    void without_ip_only_dkim_and_arc_are_checked() {
        String header = String.join(" ", verify(signed).outLines());
        assertThat(header).contains("dkim=pass").contains("arc=none").doesNotContain("spf=").doesNotContain("dmarc=");
    }

    @Test
    void transaction_options_need_ip_and_helo() {
        CliRun noIp = verify(signed, "--helo", "mail.example.com");
        assertThat(noIp.exitCode()).isEqualTo(2);
        assertThat(noIp.errLines()).singleElement(STRING).contains("need --ip");
        CliRun noHelo = verify(signed, "--ip", "192.0.2.10");
        assertThat(noHelo.exitCode()).isEqualTo(2);
        assertThat(noHelo.errLines()).singleElement(STRING).contains("--ip needs --helo");
    }
}
