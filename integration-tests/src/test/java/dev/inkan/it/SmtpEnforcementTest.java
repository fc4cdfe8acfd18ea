package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.FakeDnsServer;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * conf-examples/smtp-enforcement on a real James 3.8.1: SmtpChecks in smtpserver.xml answers in the SMTP session,
 * as a milter does. A spoofed From of a p=reject domain is refused at the end of DATA (nothing stored, nothing
 * bounced), an SPF fail is refused at MAIL FROM, an aligned message is delivered with the session's results, and
 * a DNS outage gives the configured reply within the DNS budget.
 */
public class SmtpEnforcementTest {

    private static final String MX = "mx.example.net";

    private static Path dir;
    private static SigningKey origin;
    private static DkimZone zone;
    private static SmtpSink sink;
    private static JamesHost host;
    private static James james;
    private static Mailboxes mailboxes;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        dir = Files.createTempDirectory("inkan-smtp-enforcement-");
        origin = new SigningKeyGenerator(new SecureRandom()).rsa(2048);
        // every "remote" MTA of this test is 127.0.0.1
        zone = new DkimZone()
                .publish("sel", "origin.example", origin)
                .txt("origin.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("spf-fail.example", "v=spf1 -all");
        host = JamesHost.of(info);
        sink = SmtpSink.start(true);
        ConfExample example = ConfExample.load("smtp-enforcement").remoteDeliveryTo(sink.port());
        JamesConf conf = JamesConf.in(dir.resolve("james"))
                .smtpHandler(handler(example, host.dnsParameters(zone, dir)));
        example.installInto(conf, dir.resolve("site"));
        james = host.start(conf);
        for (String user : List.of("aligned", "spoofed", "spf")) {
            james.user(user + "@example.net");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    /** The example's SmtpChecks handler, its clients not skipped (the test's MTA is 127.0.0.1), plus {@code dns}. */
    static String handler(ConfExample example, String dns) {
        String handler = example.smtpChecksHandler();
        assertThat(handler).contains("<skipNetworks>127.0.0.0/8, ::1</skipNetworks>");
        return handler.replace("<skipNetworks>127.0.0.0/8, ::1</skipNetworks>", "<skipNetworks>::1</skipNetworks>")
                .replace("</authservId>", "</authservId>\n                " + dns);
    }

    @Test
    void an_aligned_message_is_delivered_with_the_results_reached_in_the_session() throws Exception {
        String to = "aligned@example.net";
        byte[] signed = Signers.inkan(message("Olga <olga@origin.example>", to, "Minutes"), origin, "origin.example",
                "sel");
        byte[] withForged = ("Authentication-Results: " + MX + "; dmarc=fail header.from=origin.example\r\n"
                + new String(signed, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        new Submit(james.smtpPort()).inbound("olga@origin.example", to, withForged);

        String headers = mailboxes.awaitOne(to, "INBOX");
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, MX);
        assertThat(ours).as("one field of ours, the forged one removed").hasSize(1);
        assertThat(ours.get(0).results()).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("spf=pass", "dkim=pass", "arc=none", "dmarc=pass");
        ResultInfo dmarc = ours.get(0).results().get(3);
        assertThat(dmarc.property("header", "from")).hasValue("origin.example");
        assertThat(dmarc.comment()).isEqualTo("p=reject dis=none");
    }

    @Test
    void a_spoofed_from_of_a_reject_domain_is_refused_at_the_end_of_data_and_neither_stored_nor_bounced()
            throws Exception {
        String to = "spoofed@example.net";
        assertThatThrownBy(() -> new Submit(james.smtpPort()).inbound("x@attacker.example", to,
                message("CEO <ceo@origin.example>", to, "Urgent wire transfer")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("end of DATA")
                .hasMessageContaining("550 5.7.1 Email rejected per DMARC policy for origin.example");

        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
        assertThat(mailboxes.headers(to, "Spam")).isEmpty();
        assertThat(sink.awaitCount(1, Duration.ofSeconds(2))).as("a bounce left the server").isFalse();
    }

    @Test
    void an_spf_fail_is_refused_at_mail_from() {
        String to = "spf@example.net";
        assertThatThrownBy(() -> new Submit(james.smtpPort()).inbound("olga@spf-fail.example", to,
                message("Olga <olga@spf-fail.example>", to, "Hello")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("MAIL FROM")
                .hasMessageContaining("550 5.7.23");
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
    }

    @ParameterizedTest(name = "onTemperror={0}")
    @ValueSource(strings = {"tempfail", "accept"})
    void a_dns_outage_gives_the_configured_reply_within_the_budget(String onTemperror) throws Exception {
        try (FakeDnsServer silent = new FakeDnsServer(zone).silentForAll()) {
            ConfExample example = ConfExample.load("smtp-enforcement").withoutJmx();
            String handler = handler(example, "<dnsServers>127.0.0.1:" + silent.port() + "</dnsServers>"
                    + "<dnsTimeout>1</dnsTimeout><dnsBudget>1500</dnsBudget>")
                    .replace("<onTemperror>accept</onTemperror>", "<onTemperror>" + onTemperror + "</onTemperror>");
            JamesConf conf = JamesConf.in(dir.resolve("james-outage-" + onTemperror)).jmxSuffix("outage-" + onTemperror)
                    .smtpHandler(handler);
            example.installInto(conf, dir.resolve("site-outage-" + onTemperror));
            try (James outage = host.start(conf)) {
                String to = "later@example.net";
                outage.user(to);
                byte[] message = message("Olga <olga@origin.example>", to, "Later");
                long start = System.nanoTime();
                if (onTemperror.equals("tempfail")) {
                    assertThatThrownBy(() -> new Submit(outage.smtpPort()).inbound("olga@origin.example", to, message))
                            .isInstanceOf(IOException.class)
                            .hasMessageContaining("end of DATA")
                            .hasMessageContaining("451 4.4.3");
                } else {
                    new Submit(outage.smtpPort()).inbound("olga@origin.example", to, message);
                }
                long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                assertThat(seconds).as("MAIL FROM and DATA each wait at most the 1.5 s budget").isLessThan(10);
                assertThat(silent.ignored()).as("queries the silent DNS left unanswered").isPositive();
                if (onTemperror.equals("accept")) {
                    String headers = new Mailboxes(outage.imapPort()).awaitOne(to, "INBOX");
                    assertThat(HeaderFields.authResults(headers, MX)).singleElement()
                            .satisfies(ar -> assertThat(ar.results()).extracting(r -> r.method() + "=" + r.result())
                                    .containsExactly("spf=temperror", "dkim=none", "arc=none", "dmarc=temperror"));
                }
            }
        }
    }

    private static byte[] message(String from, String to, String subject) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\nMessage-ID: <" + to.replace('@', '.') + "."
                + subject.replace(' ', '-') + "@smtp.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
