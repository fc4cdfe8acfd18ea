package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.io.TempDir;

class SpfCommandTest {

    @TempDir
    static Path dir;
    static String zone;

    @BeforeAll
    static void zone() throws Exception {
        Path file = dir.resolve("spf.zone");
        Files.writeString(file, """
                example.com. IN TXT "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"
                example.com. IN TXT "not spf"
                fail.example. IN TXT "v=spf1 -all exp=why.fail.example"
                why.fail.example. IN TXT "%{i} is not allowed to send for %{d}"
                mx.example.org. IN TXT "v=spf1 a -all"
                mx.example.org. IN A 203.0.113.7
                """);
        zone = file.toString();
    }

    @Test
    void text_output_has_result_received_spf_and_authentication_results() {
        CliRun run = CliRun.run("spf", "--dns-zone", zone, "--receiver", "mx.example.net", "--ip", "192.0.2.10",
                "--helo", "mail.example.com", "--mail-from", "joe@example.com");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines().get(0)).startsWith("result: pass (");
        assertThat(run.out()).contains("Received-SPF: pass (mx.example.net: ").contains("client-ip=192.0.2.10;")
                .contains("Authentication-Results: mx.example.net;").contains("spf=pass (").contains("smtp.mailfrom=example.com");
    }

    @Test
    void a_fail_prints_its_explanation() {
        CliRun run = CliRun.run("spf", "--dns-zone", zone, "--ip", "198.51.100.1", "--helo", "h.example",
                "--mail-from", "x@fail.example");
        assertThat(run.out()).contains("result: fail").contains("explanation: 198.51.100.1 is not allowed to send for fail.example");
    }

    @Test
    void json_has_the_documented_fields_and_helo_identity_on_request() throws Exception {
        CliRun run = CliRun.run("spf", "--json", "--dns-zone", zone, "--receiver", "mx.example.net", "--ip", "203.0.113.7",
                "--helo", "mx.example.org", "--helo-identity");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("result").asText()).isEqualTo("pass");
        assertThat(json.get("identity").asText()).isEqualTo("helo");
        assertThat(json.get("explanation").isNull()).isTrue();
        assertThat(json.get("receivedSpf").asText()).startsWith("pass (mx.example.net: ").contains("identity=helo");
        assertThat(json.get("authenticationResults").asText()).startsWith("mx.example.net; spf=pass (")
                .endsWith(") smtp.helo=mx.example.org");
    }

    @Test
    void without_mail_from_the_null_sender_is_checked_as_in_verify_and_arc_seal() throws Exception {
        CliRun run = CliRun.run("spf", "--json", "--dns-zone", zone, "--ip", "192.0.2.1", "--helo", "mx.example.org");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("identity").asText()).isEqualTo("mailfrom");
        assertThat(json.get("domain").asText()).isEqualTo("mx.example.org");
        assertThat(json.get("authenticationResults").asText()).endsWith("smtp.mailfrom=mx.example.org");
    }

    @Test
    void helo_identity_and_mail_from_together_are_a_usage_error() {
        CliRun run = CliRun.run("spf", "--dns-zone", zone, "--ip", "192.0.2.1", "--helo", "mx.example.org",
                "--mail-from", "a@example.org", "--helo-identity");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--helo-identity");
    }

    @Test
    void a_line_break_in_the_receiver_name_is_a_usage_error() {
        CliRun run = CliRun.run("spf", "--dns-zone", zone, "--ip", "192.0.2.1", "--helo", "mx.example.org",
                "--receiver", "mx.example.net\r\nX-Evil: 1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--receiver").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spf", "verify", "sign", "arc-seal", "keygen"})
    void help_prints_no_picocli_warning(String command) {
        // picocli reports an unescaped '%' in a description on System.err, not on the command's own stream
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun run;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            run = CliRun.run(command, "--help");
        } finally {
            System.setErr(original);
        }
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr() + captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void the_null_sender_is_checked_as_postmaster_at_helo() throws Exception {
        CliRun run = CliRun.run("spf", "--json", "--dns-zone", zone, "--ip", "192.0.2.1", "--helo", "mx.example.org",
                "--mail-from", "");
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("identity").asText()).isEqualTo("mailfrom");
        assertThat(json.get("result").asText()).isEqualTo("fail");
        assertThat(json.get("domain").asText()).isEqualTo("mx.example.org");
    }

    @Test
    void a_bad_address_is_an_input_error_on_one_line() {
        CliRun run = CliRun.run("spf", "--dns-zone", zone, "--ip", "example.com", "--helo", "h");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("inkan: --ip example.com: not an IPv4 or IPv6 address");
        assertThat(CliRun.run("spf", "--ip", "192.0.2.1").exitCode()).isEqualTo(2);
    }
}
