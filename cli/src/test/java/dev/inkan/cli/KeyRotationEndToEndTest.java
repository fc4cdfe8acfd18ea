package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole key rotation as an operator runs it, with the files {@code inkan keygen} writes as the DNS zone at each
 * stage: mail verifies throughout, and once the old selector is revoked only mail still signed with it fails,
 * "key revoked" (RFC 6376 §3.6.1, §6.1.2).
 */
class KeyRotationEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void newSelectorPublishedSwitchOldRevokedMailVerifiesThroughout() throws Exception {
        run("keygen", "--domain", "example.com", "--selector", "s2026a", "--out", dir);
        Path before = zone("before", "s2026a.txt");
        byte[] oldMail = sign("s2026a");
        assertThat(dkim(oldMail, before)).isEqualTo("pass s=s2026a");

        // 1. the next selector: its record goes into the zone beside the old one
        run("keygen", "--domain", "example.com", "--rotate-from", "s2026a", "--date", "2026-12-07", "--out", dir);
        // 3. inkan check tells when the switch is safe: not before the record is visible, then it matches the key
        assertThat(check("s2026b", before)).startsWith(CheckCommand.EXIT_RECORD_ERROR + " ").contains("record-missing");
        Path both = zone("both", "s2026a.txt", "s2026b.txt");
        assertThat(check("s2026b", both)).startsWith("0 ").contains("key-matches");
        assertThat(dkim(oldMail, both)).as("mail signed before the rotation").isEqualTo("pass s=s2026a");
        byte[] stillOld = sign("s2026a");
        assertThat(dkim(stillOld, both)).as("signed while the new record propagates").isEqualTo("pass s=s2026a");

        // 4. the switch: new mail is signed with s2026b, mail signed with s2026a on the way still verifies
        byte[] newMail = sign("s2026b");
        assertThat(dkim(newMail, both)).isEqualTo("pass s=s2026b");
        assertThat(dkim(stillOld, both)).isEqualTo("pass s=s2026a");

        // 5. after the grace period s2026a is revoked with the record keygen wrote for it
        Path revoked = zone("revoked", "s2026b.txt", "s2026a.revoked.txt");
        assertThat(check("s2026a", revoked)).startsWith(CheckCommand.EXIT_RECORD_ERROR + " ").contains("key-revoked");
        assertThat(check("s2026b", revoked)).startsWith("0 ").contains("key-matches");
        assertThat(dkim(newMail, revoked)).isEqualTo("pass s=s2026b");
        assertThat(dkim(oldMail, revoked)).isEqualTo("fail (key revoked) s=s2026a");
        JsonNode signature = JSON.readTree(verify(stillOld, revoked, "--json").out()).get("dkim").get(0);
        assertThat(signature.get("reasonCode").asText()).isEqualTo("KEY_REVOKED");
        assertThat(signature.get("selector").asText()).isEqualTo("s2026a");
    }

    private Path zone(String name, String... recordFiles) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String file : recordFiles) {
            text.append(Files.readString(dir.resolve(file)));
        }
        return Files.writeString(dir.resolve(name + ".zone"), text, StandardCharsets.US_ASCII);
    }

    private byte[] sign(String selector) {
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", "--domain", "example.com", "--selector", selector,
                "--key", dir.resolve(selector + ".private")));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        return sign.stdout();
    }

    /** The DKIM verdict of the message's one signature against {@code zone}: result, (reason), s=. */
    private static String dkim(byte[] message, Path zone) throws IOException {
        JsonNode signature = JSON.readTree(verify(message, zone, "--json").out()).get("dkim").get(0);
        String reason = signature.get("reason").isNull() ? "" : " (" + signature.get("reason").asText() + ")";
        return signature.get("result").asText() + reason + " s=" + signature.get("selector").asText();
    }

    /** {@code inkan check dkim} of {@code selector} with its private key: the exit status and the findings' codes. */
    private String check(String selector, Path zone) throws IOException {
        CliRun check = CliRun.run(Args.of("check", "dkim", "--domain", "example.com", "--selector", selector, "--key",
                dir.resolve(selector + ".private"), "--dns-zone", zone, "--json"));
        JsonNode record = JSON.readTree(check.out().lines().findFirst().orElseThrow());
        StringBuilder codes = new StringBuilder();
        record.get("findings").forEach(f -> codes.append(f.get("code").asText()).append(','));
        return check.exitCode() + " " + codes;
    }

    private static CliRun verify(byte[] message, Path zone, String... options) {
        CliRun verify = CliRun.run(message, Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test", options));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        return verify;
    }

    private static void run(Object... args) {
        CliRun run = CliRun.run(Args.of(args));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }
}
