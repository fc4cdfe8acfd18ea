package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inkan check} on zone files made the way operators make them (keygen's records, then broken the way they
 * get broken), and {@code inkan verify} / {@code inkan spf} on the same zones: the check's verdict agrees.
 */
class CheckCommandTest {

    static final String NAME = "s1._domainkey.example.com";

    @TempDir
    static Path dir;
    static Path key;
    static Path otherKey;
    static String record;
    static String keygenZone;

    @BeforeAll
    static void keys() throws IOException {
        for (String selector : List.of("s1", "other")) {
            CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", selector, "--out", dir.toString());
            assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
        key = dir.resolve("s1.private");
        otherKey = dir.resolve("other.private");
        keygenZone = Files.readString(dir.resolve("s1.txt"));
        Matcher value = Pattern.compile("\"([^\"]*)\"").matcher(keygenZone);
        StringBuilder joined = new StringBuilder();
        while (value.find()) {
            joined.append(value.group(1));
        }
        record = joined.toString();
    }

    static Path zone(String text) throws IOException {
        Path file = Files.createTempFile(dir, "check", ".zone");
        Files.writeString(file, text);
        return file;
    }

    static CliRun check(Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(Args.of(all));
    }

    static CliRun verify(Path zone) {
        byte[] signed = CliRun.run(Messages.crlf(), "sign", "--domain", "example.com", "--selector", "s1", "--key",
                key.toString()).stdout();
        return CliRun.run(signed, "verify", "--dns-zone", zone.toString());
    }

    static List<JsonNode> json(CliRun run) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.outLines()) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    @Test
    void the_record_keygen_wrote_matches_its_key_and_verifies() throws IOException {
        Path zone = zone(keygenZone);
        CliRun run = check("dkim", "--domain", "example.com", "--selector", "s1", "--key", key, "--dns-zone", zone);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.out()).startsWith(NAME + " TXT: ok").contains("info [key-matches]");
        assertThat(verify(zone).out()).contains("dkim=pass");

        JsonNode json = json(check("dkim", "--domain", "example.com", "--selector", "s1", "--key", key,
                "--dns-zone", zone, "--json")).get(0);
        assertThat(json.get("record").asText()).isEqualTo(NAME + " TXT");
        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(codes(json)).contains("key-matches");
        assertThat(json.get("publish").get("value").asText()).isEqualTo(record);
    }

    @Test
    void a_truncated_key_is_no_modulus_and_verify_says_permerror() throws IOException {
        Path zone = zone(NAME + ". IN TXT \"" + record.substring(0, 220) + "\"\n");
        CliRun run = check("dkim", "--domain", "example.com", "--selector", "s1", "--dns-zone", zone);
        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        assertThat(run.out()).contains(NAME + " TXT: error", "error [no-modulus]", "fix: ");
        assertThat(verify(zone).out()).contains("dkim=permerror", "no modulus");
    }

    @Test
    void a_string_over_255_bytes_is_found_in_the_zone_file_and_the_split_record_printed() throws IOException {
        Path zone = zone("$TTL 300\n" + NAME + ". IN TXT \"" + record + "\"\n");
        CliRun run = check("dkim", "--domain", "example.com", "--selector", "s1", "--key", key, "--dns-zone", zone);
        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        assertThat(run.out()).contains("error [string-too-long] line 2 of the zone file", "info [key-matches]",
                "the record to publish", NAME + ". IN TXT ( \"v=DKIM1; k=rsa; p=");
        CliRun strict = verify(zone);
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.stderr()).contains("line 2", "text string too long");

        String printed = run.out().substring(run.out().indexOf("the record to publish"));
        Path fixed = zone(printed.lines().skip(1).map(String::strip).reduce("", (a, b) -> a + b + "\n"));
        assertThat(check("dkim", "--domain", "example.com", "--selector", "s1", "--key", key, "--dns-zone", fixed)
                .exitCode()).isZero();
    }

    @Test
    void a_missing_record_and_another_key() throws IOException {
        Path zone = zone(keygenZone);
        CliRun missing = check("dkim", "--domain", "example.com", "--selector", "s2", "--dns-zone", zone);
        assertThat(missing.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        assertThat(missing.out()).contains("[record-missing]", "s2._domainkey.example.com");

        CliRun other = check("dkim", "--domain", "example.com", "--selector", "s1", "--key", otherKey,
                "--dns-zone", zone);
        assertThat(other.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        assertThat(other.out()).contains("error [key-mismatch]");
    }

    @Test
    void spf_over_ten_lookups_and_the_verifier_agrees() throws IOException {
        StringBuilder text = new StringBuilder("example.com. IN TXT ( \"v=spf1 ip4:192.0.2.0/24\"");
        for (int i = 0; i < 11; i++) {
            text.append(" \" include:s").append(i).append(".example.net\"");
        }
        text.append(" \" -all\" )\n");
        for (int i = 0; i < 11; i++) {
            text.append("s").append(i).append(".example.net. IN TXT \"v=spf1 -all\"\n");
        }
        Path zone = zone(text.toString());
        CliRun run = check("spf", "--domain", "example.com", "--dns-zone", zone, "--json");
        assertThat(run.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        JsonNode report = json(run).get(0);
        assertThat(report.get("status").asText()).isEqualTo("error");
        assertThat(codes(report)).contains("too-many-lookups");
        CliRun spf = CliRun.run("spf", "--ip", "203.0.113.5", "--helo", "mail.example.com", "--mail-from",
                "joe@example.com", "--dns-zone", zone.toString());
        assertThat(spf.out()).contains("result: permerror", "too many DNS lookups");
    }

    @Test
    void dmarc_warnings_pass_and_an_unauthorized_destination_fails() throws IOException {
        CliRun none = check("dmarc", "--domain", "example.com", "--dns-zone",
                zone("_dmarc.example.com. IN TXT \"v=DMARC1; p=none\"\n"));
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("_dmarc.example.com TXT: warning", "warning [no-reports]");

        CliRun elsewhere = check("dmarc", "--domain", "example.com", "--dns-zone",
                zone("_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; pct=20; rua=mailto:d@reports.example.net\"\n"));
        assertThat(elsewhere.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
        assertThat(elsewhere.out()).contains("[report-destination-unauthorized]",
                "example.com._report._dmarc.reports.example.net", "[pct-obsolete]");
    }

    @Test
    void a_whole_domain_at_once_one_json_object_per_record() throws IOException {
        Path zone = zone(keygenZone + "example.com. IN TXT \"v=spf1 mx -all\"\nexample.com. IN MX 10 mx.example.com.\n"
                + "mx.example.com. IN A 192.0.2.1\n_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; "
                + "rua=mailto:dmarc@example.com\"\n");
        CliRun run = check("domain", "example.com", "--selector", "s1", "--key", key, "--dns-zone", zone, "--json");
        assertThat(run.exitCode()).as(run.out()).isZero();
        List<JsonNode> reports = json(run);
        assertThat(reports).extracting(r -> r.get("record").asText())
                .containsExactly("example.com TXT", "_dmarc.example.com TXT", NAME + " TXT");
        assertThat(reports).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ok"));
    }

    @Test
    void usage_and_input_errors_exit_2() throws IOException {
        assertThat(check().exitCode()).isEqualTo(2);
        CliRun twoSelectors = check("domain", "example.com", "--selector", "a", "--selector", "b", "--key", key,
                "--dns-zone", zone(keygenZone));
        assertThat(twoSelectors.exitCode()).isEqualTo(2);
        assertThat(twoSelectors.stderr()).contains("exactly one --selector");
        CliRun badKey = check("dkim", "--domain", "example.com", "--selector", "s1", "--key", dir.resolve("s1.txt"),
                "--dns-zone", zone(keygenZone));
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.errLines()).hasSize(1);
        assertThat(check("dkim", "--domain", "example.com", "--dns-zone", zone(keygenZone)).exitCode()).isEqualTo(2);
        assertThat(check("dkim", "--help").out()).contains("a record has an error");
    }
}
