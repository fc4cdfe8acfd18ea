package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkan sign --domainkeys} and the DomainKeys and Sender ID results of {@code inkan verify}. */
class HistoricMethodsCliTest {

    @TempDir
    static Path dir;
    private static Keys keys;
    private static Path zone;

    @BeforeAll
    static void keysAndZone() throws IOException {
        keys = Keys.generate(dir);
        zone = dir.resolve("legacy.zone");
        Files.writeString(zone, Files.readString(keys.zone())
                + "example.com. IN TXT \"spf2.0/pra ip4:192.0.2.0/24 -all\"\n"
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
    }

    static byte[] signBoth(String... more) {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature(), "--domainkeys", more));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        return sign.stdout();
    }

    @Test
    void sign_adds_a_domainkeys_signature_below_dkim_and_verify_reports_both() {
        String signed = new String(signBoth(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(signed.indexOf("DKIM-Signature:")).isLessThan(signed.indexOf("DomainKey-Signature: a=rsa-sha1; c=nofws;"));

        CliRun verify = CliRun.run(signBoth(), Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test"));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.out()).contains("dkim=pass").contains("domainkeys=pass (rsa-sha1, ")
                .contains("header.from=example.com").doesNotContain("sender-id");
    }

    @Test
    void an_unsigned_message_has_no_domainkeys_entry_and_sender_id_needs_the_client() throws IOException {
        CliRun plain = CliRun.run(Messages.crlf(), Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test"));
        assertThat(plain.out()).doesNotContain("domainkeys");

        CliRun withClient = CliRun.run(signBoth(), Args.of("verify", "--json", "--dns-zone", zone, "--authserv-id",
                "mx.test", "--ip", "192.0.2.10", "--helo", "mail.example.com", "--mail-from", "alice@example.com"));
        assertThat(withClient.exitCode()).as(withClient.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(withClient.out());
        assertThat(json.get("authenticationResults").asText()).contains("sender-id=pass").contains("domainkeys=pass");
        assertThat(json.get("senderId").get("result").asText()).isEqualTo("pass");
        assertThat(json.get("senderId").get("header").asText()).isEqualTo("From");
        assertThat(json.get("domainkeys")).hasSize(1);
        assertThat(json.get("domainkeys").get(0).get("result").asText()).isEqualTo("pass");
        assertThat(json.get("domainkeys").get(0).get("senderHeader").asText()).isEqualTo("from");

        CliRun outside = CliRun.run(Messages.crlf(), Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test",
                "--ip", "203.0.113.9", "--helo", "mail.example.com", "--mail-from", "alice@example.com"));
        assertThat(outside.out()).contains("sender-id=fail");
    }

    @Test
    void the_dkim_signature_covers_the_domainkeys_one_when_headers_name_it() {
        byte[] covered = signBoth("--headers", "From,Subject,Date,DomainKey-Signature");
        String text = new String(covered, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(text.substring(0, text.indexOf("DomainKey-Signature:")).replaceAll("\r\n\t", "").toLowerCase())
                .contains(":domainkey-signature");
        CliRun verify = CliRun.run(covered, Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test"));
        assertThat(verify.out()).contains("dkim=pass").contains("domainkeys=pass");
    }

    @Test
    void bad_domainkeys_options_are_usage_errors() {
        CliRun ed = CliRun.run(Messages.crlf(), Args.of("sign", keys.ed25519Signature(), "--domainkeys"));
        assertThat(ed.exitCode()).isNotZero();
        assertThat(ed.stderr()).contains("--domainkeys needs an RSA key");
        CliRun c = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature(), "--domainkeys",
                "--dk-canonicalization", "relaxed"));
        assertThat(c.exitCode()).isNotZero();
        assertThat(c.stderr()).contains("--dk-canonicalization must be nofws or simple");
    }
}
