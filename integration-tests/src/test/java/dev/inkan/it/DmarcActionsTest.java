package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DmarcEvaluate's bounce and drop actions for p=reject on a real James (it-conf/dmarc-actions-mailetcontainer.xml;
 * conf-examples/dmarc-inbound uses a processor instead): what James really does with the mail. DmarcEvaluate runs
 * alone here, so it checks SPF and DKIM itself.
 */
class DmarcActionsTest {

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static RunningJames james;
    static Mailboxes mailboxes;

    @BeforeAll
    static void start() throws Exception {
        Path zone = new DkimZone()
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.1 -all")
                .writeZoneFile(dir.resolve("dns.zone"));
        sink = SmtpSink.start(true);
        String xml = resource("/it-conf/dmarc-actions-mailetcontainer.xml")
                .replace("@ZONE@", zone.toString())
                .replace("@SINK_PORT@", String.valueOf(sink.port()));
        james = RunningJames.start(JamesConf.in(dir.resolve("james")).mailetContainer(xml))
                .user("bounce@dmarc.test").user("drop@dmarc.test");
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (james != null) {
            james.close();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void bounce_replies_to_the_envelope_sender_with_the_dmarc_text_and_delivers_nothing() throws Exception {
        new Submit(james.smtpPort()).inbound("x@attacker.example", "bounce@dmarc.test",
                message("CEO <ceo@origin.example>", "bounce@dmarc.test", "<bounced@dmarc.test>"));

        SmtpSink.Received bounce = sink.await(r -> r.rcptTo().contains("<x@attacker.example>"), Duration.ofSeconds(60),
                "to the envelope sender");
        assertThat(bounce.mailFrom()).as("a bounce has a null reverse-path").isEqualTo("<>");
        // James 3.8.1's MailetContext.bounce: a plain reply from the postmaster, not an RFC 3464 report
        assertThat(HeaderFields.values(bounce.headerBlock(), "In-Reply-To")).containsExactly("<bounced@dmarc.test>");
        assertThat(bounce.text()).contains("\r\n\r\n5.7.1 Email rejected per DMARC policy for origin.example");
        assertThat(mailboxes.headers("bounce@dmarc.test", "INBOX")).isEmpty();
        assertThat(james.repository("memory://var/mail/error/")).isEmpty();
    }

    @Test
    void drop_discards_the_mail_and_delivers_the_next_one() throws Exception {
        Submit submit = new Submit(james.smtpPort());
        submit.inbound("x@attacker.example", "drop@dmarc.test",
                message("CEO <ceo@origin.example>", "drop@dmarc.test", "<dropped@dmarc.test>"));
        // a mail of a domain without a DMARC record, after it, is delivered
        submit.inbound("x@attacker.example", "drop@dmarc.test",
                message("X <x@attacker.example>", "drop@dmarc.test", "<kept@dmarc.test>"));

        String kept = mailboxes.awaitOne("drop@dmarc.test", "INBOX");
        assertThat(HeaderFields.values(kept, "Message-ID")).containsExactly("<kept@dmarc.test>");
        assertThat(kept).contains("dmarc=none");
        assertThat(james.repository("memory://var/mail/error/")).isEmpty();
        assertThat(sink.received()).noneMatch(r -> r.text().contains("<dropped@dmarc.test>"));
    }

    private static byte[] message(String from, String to, String messageId) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: Urgent\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
                + "\r\nPlease pay the attached invoice today.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DmarcActionsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("classpath resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
