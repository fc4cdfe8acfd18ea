package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.conformance.ConformanceSuite;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkan verify --dmarc-store} records evaluations; {@code inkan dmarc-report} lists them and writes the report. */
class DmarcReportCliTest {

    static final Instant NOON = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    static Path dir;
    private static Keys keys;
    private static Path zone;
    private static byte[] signed;

    @BeforeAll
    static void keysZoneAndSignedMessage() throws IOException {
        keys = Keys.generate(dir);
        zone = dir.resolve("dmarc.zone");
        Files.writeString(zone, Files.readString(keys.zone())
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"\n");
        signed = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature())).stdout();
    }

    String store() {
        return "jdbc:h2:file:" + dir.resolve("reports-" + System.nanoTime());
    }

    CliRun verify(String store, byte[] message, String ip) {
        return CliRun.run(message, Args.of("verify", "--dns-zone", zone, "--authserv-id", "mx.test", "--ip", ip,
                "--helo", "mail.example.com", "--mail-from", "alice@example.com", "--now", "" + NOON.getEpochSecond(),
                "--dmarc-store", store));
    }

    @Test
    void verified_mail_is_reported_per_policy_domain_in_rfc_9990_xml() throws Exception {
        String store = store();
        for (int i = 0; i < 3; i++) {
            assertThat(verify(store, signed, "192.0.2.10").exitCode()).isZero();
        }
        CliRun spoof = verify(store, Messages.crlf(), "203.0.113.9");
        assertThat(spoof.out()).contains("dmarc=fail");

        CliRun list = CliRun.run("dmarc-report", "list", "--dmarc-store", store, "--day", "2026-12-05");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(list.out().strip()).isEqualTo("example.com\t4");

        CliRun xml = CliRun.run("dmarc-report", "xml", "--dmarc-store", store, "--day", "2026-12-05", "--domain",
                "example.com", "--receiver", "mx.test");
        assertThat(xml.exitCode()).as(xml.stderr()).isZero();
        validate(xml.out());
        assertThat(xml.out()).contains("<count>3</count>").contains("<count>1</count>")
                .contains("<disposition>reject</disposition>").contains("<org_name>mx.test</org_name>");

        long begin = NOON.minusSeconds(12 * 3600).getEpochSecond();
        CliRun epochs = CliRun.run("dmarc-report", "xml", "--store", store, "--from", "" + begin, "--to",
                "" + (begin + 86400), "--domain", "example.com", "--receiver", "mx.test");
        assertThat(epochs.out()).as(epochs.stderr()).isEqualTo(xml.out());

        CliRun file = CliRun.run("dmarc-report", "xml", "--dmarc-store", store, "--day", "2026-12-05", "--domain",
                "example.com", "--receiver", "mx.test", "--out-dir", dir.toString(), "--gzip");
        assertThat(file.exitCode()).as(file.stderr()).isZero();
        Path written = Path.of(file.out().strip());
        assertThat(written.getFileName().toString())
                .matches("mx\\.test!example\\.com!" + NOON.minusSeconds(12 * 3600).getEpochSecond() + "!"
                        + NOON.plusSeconds(12 * 3600).getEpochSecond() + "![0-9a-f]{8}\\.xml\\.gz");
        String unpacked = new String(new GZIPInputStream(Files.newInputStream(written)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(unpacked).isEqualTo(xml.out());
    }

    @Test
    void store_and_period_problems_are_one_line_input_errors() {
        CliRun none = CliRun.run("dmarc-report", "xml", "--dmarc-store", store(), "--day", "2026-12-05", "--domain",
                "example.com");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).contains("no DMARC evaluations of example.com");
        CliRun bad = CliRun.run("dmarc-report", "list", "--dmarc-store", "jdbc:mysql://db/x", "--day", "2026-12-05");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr()).contains("unsupported JDBC URL");
        CliRun date = CliRun.run("dmarc-report", "list", "--dmarc-store", store(), "--day", "5 Dec");
        assertThat(date.stderr()).contains("not a date YYYY-MM-DD");
        CliRun noClient = CliRun.run(signed, Args.of("verify", "--dns-zone", zone, "--dmarc-store", store()));
        assertThat(noClient.exitCode()).isEqualTo(2);
        assertThat(noClient.stderr()).contains("--dmarc-store needs the SMTP client");
    }

    @Test
    void mail_writes_one_message_per_authorized_destination_and_says_why_others_get_none() throws Exception {
        Path zone3 = dir.resolve("rua.zone");
        Files.writeString(zone3, Files.readString(keys.zone())
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com!50k,"
                + "mailto:agg@vendor.example,mailto:x@stranger.example,mailto:tiny@example.com!100\"\n"
                + "example.com._report._dmarc.vendor.example. IN TXT \"v=DMARC1\"\n");
        String store = store();
        CliRun verify = CliRun.run(signed, Args.of("verify", "--dns-zone", zone3, "--authserv-id", "mx.test", "--ip",
                "192.0.2.10", "--helo", "mail.example.com", "--mail-from", "alice@example.com", "--now",
                "" + NOON.getEpochSecond(), "--dmarc-store", store));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        Path out = Files.createDirectories(dir.resolve("outbox-" + System.nanoTime()));

        CliRun mail = CliRun.run("dmarc-report", "mail", "--dmarc-store", store, "--day", "2026-12-05", "--domain",
                "example.com", "--receiver", "mx.test", "--sender", "dmarc-reports@mx.test", "--dns-zone", zone3.toString(),
                "--out-dir", out.toString());

        assertThat(mail.exitCode()).as(mail.stderr()).isZero();
        assertThat(mail.out()).contains("\tdmarc@example.com").contains("\tagg@vendor.example")
                .contains("not sent to mailto:x@stranger.example: refused, no v=DMARC1 record at "
                        + "example.com._report._dmarc.stranger.example")
                .contains("not sent to mailto:tiny@example.com: the ").contains("over its limit of 100 bytes");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> name.startsWith("mx.test!example.com!") && name.endsWith(".eml")).hasSize(2);
        }
    }

    @Test
    void send_hands_each_due_report_to_sendmail_once_and_retries_one_the_mta_refused() throws Exception {
        Path zone3 = dir.resolve("send.zone");
        Files.writeString(zone3, Files.readString(keys.zone())
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com,"
                + "mailto:agg@vendor.example,mailto:x@stranger.example\"\n"
                + "example.com._report._dmarc.vendor.example. IN TXT \"v=DMARC1\"\n");
        String store = store();
        Instant yesterday = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minusSeconds(12 * 3600);
        CliRun verify = CliRun.run(signed, Args.of("verify", "--dns-zone", zone3, "--authserv-id", "mx.test", "--ip",
                "203.0.113.9", "--helo", "mail.example.com", "--mail-from", "alice@example.com", "--now",
                "" + yesterday.getEpochSecond(), "--dmarc-store", store));
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        Path outbox = Files.createDirectories(dir.resolve("sendmail-" + System.nanoTime()));
        Path refusing = script("refusing-sendmail", "cat >/dev/null\necho '451 4.3.0 queue full'\nexit 75\n");
        Path accepting = script("sendmail", "n=$(ls '" + outbox + "' | wc -l)\nprintf '%s\\n' \"$@\" > '" + outbox
                + "/args.'$n\ncat > '" + outbox + "/msg.'$n\n");
        String[] send = {"dmarc-report", "send", "--store", store, "--sender", "dmarc-reports@mx.test", "--dns-zone",
            zone3.toString(), "--node", "cron-1", "--sendmail"};

        CliRun refused = CliRun.run(plus(send, refusing.toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("example.com ").contains("failed: dmarc@example.com: ")
                .contains("exited with status 75: 451 4.3.0 queue full (the next run tries again)")
                .contains("not sent to mailto:x@stranger.example: refused");
        assertThat(refused.stderr()).contains("2 report messages could not be handed to");

        CliRun sent = CliRun.run(plus(send, accepting.toString()));
        assertThat(sent.exitCode()).as(sent.stderr()).isZero();
        assertThat(sent.out()).contains("\tsent to dmarc@example.com").contains("\tsent to agg@vendor.example");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("args.0", "msg.0", "args.2",
                    "msg.2");
        }
        assertThat(Files.readAllLines(outbox.resolve("args.0"))).startsWith("-i", "-f", "dmarc-reports@mx.test", "--")
                .hasSize(5);
        assertThat(Files.readString(outbox.resolve("msg.0"))).contains("Report Domain: example.com Submitter: mx.test")
                .contains("From: dmarc-reports@mx.test");

        CliRun again = CliRun.run(plus(send, accepting.toString()));
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.out()).isEmpty();
        CliRun missing = CliRun.run(plus(send, dir.resolve("no-such-sendmail").toString()));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("not an executable program");
    }

    private static String[] plus(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".sh");
        Files.writeString(file, "#!/bin/sh\n" + body);
        file.toFile().setExecutable(true);
        return file;
    }

    @Test
    void reports_from_others_are_imported_once_and_summarised() throws Exception {
        String store = store();
        Path report = dir.resolve("google.xml");
        Files.writeString(report, "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>google.com</org_name>"
                + "<email>x@google.com</email><report_id>r-1</report_id><date_range><begin>"
                + NOON.minusSeconds(43200).getEpochSecond() + "</begin><end>" + NOON.plusSeconds(43199).getEpochSecond()
                + "</end></date_range></report_metadata><policy_published><domain>example.com</domain><p>reject</p>"
                + "</policy_published><record><row><source_ip>192.0.2.10</source_ip><count>40</count><policy_evaluated>"
                + "<disposition>none</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row>"
                + "<identifiers><header_from>example.com</header_from></identifiers><auth_results/></record><record><row>"
                + "<source_ip>203.0.113.9</source_ip><count>7</count><policy_evaluated><disposition>reject</disposition>"
                + "<dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>example.com"
                + "</header_from></identifiers><auth_results/></record></feedback>");
        Path hostile = dir.resolve("hostile.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?><!DOCTYPE feedback [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feedback>&x;</feedback>");

        CliRun first = CliRun.run("dmarc-report", "import", "--store", store, report.toString());
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.out()).contains("stored google.com r-1 (example.com, 47 messages)");
        assertThat(CliRun.run("dmarc-report", "import", "--store", store, report.toString()).out())
                .contains("already stored google.com r-1");
        CliRun bad = CliRun.run("dmarc-report", "import", "--store", store, hostile.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).contains("refused: report with a DTD refused");

        CliRun summary = CliRun.run("dmarc-report", "summary", "--store", store, "--domain", "example.com", "--day",
                "2026-12-05");
        assertThat(summary.exitCode()).as(summary.stderr()).isZero();
        assertThat(summary.out()).contains("example.com: 1 reports from google.com; 47 messages, 40 passed DMARC")
                .contains("192.0.2.10\t40\t40\t40\t40\t{none=40}").contains("203.0.113.9\t7\t0\t0\t0\t{reject=7}");
        CliRun json = CliRun.run("dmarc-report", "summary", "--store", store, "--domain", "example.com", "--day",
                "2026-12-05", "--json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("sources").get(0)
                .get("messages").asLong()).isEqualTo(40);
    }

    static void validate(String xml) throws Exception {
        Path xsd = ConformanceSuite.root().resolveSibling("rfc").resolve("rfc9990-dmarc-2.0.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd.toFile()))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
    }
}
