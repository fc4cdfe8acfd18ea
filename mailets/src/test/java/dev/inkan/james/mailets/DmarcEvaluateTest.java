package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.james.attributes.ResultAttributes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.mail.MessagingException;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DmarcEvaluate with the results other mailets recorded, its own checks, dispositions and ARC overrides. */
class DmarcEvaluateTest {

    @TempDir
    Path dir;
    Path zone;
    FakeMailContext context;

    @BeforeEach
    void setUp() throws Exception {
        MailetFixtures.keysAndZone(dir);
        zone = dir.resolve("dmarc.zone");
        String rsa = DkimKeyRecord.textFor(MailetFixtures.RSA.publicKey());
        Files.writeString(zone, "rsa._domainkey.example.com. IN TXT \"" + rsa + "\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"\n"
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.testing.example. IN TXT \"v=DMARC1; p=reject; t=y\"\n");
        context = FakeMailContext.defaultContext();
    }

    DmarcEvaluate mailet(String... parameters) throws MessagingException {
        FakeMailetConfig.Builder b = FakeMailetConfig.builder().mailetName("DmarcEvaluate").mailetContext(context)
                .setProperty("dnsZoneFile", zone.toString()).setProperty("authservId", "mx.example.net");
        for (int i = 0; i < parameters.length; i += 2) {
            b.setProperty(parameters[i], parameters[i + 1]);
        }
        DmarcEvaluate m = new DmarcEvaluate();
        m.init(b.build());
        return m;
    }

    static Mail mail(String message, String ip, String sender) throws Exception {
        return FakeMail.builder().name("m").state(Mail.DEFAULT).sender(sender).recipient("ann@example.net").remoteAddr(ip)
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mail.example.com")))
                .mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("m",
                        new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)))))
                .build();
    }

    static ResultInfo dmarc(Mail mail) {
        return ResultAttributes.get(mail, "dmarc").get(0);
    }

    @Test
    void an_aligned_dkim_pass_passes_and_the_mail_goes_on() throws Exception {
        Mail signed = MailetFixtures.mail(MESSAGE);
        DkimSign sign = new DkimSign(CLOCK);
        sign.init(DkimMailetsTest.config("DkimSign", "domain", "example.com", "selector", "rsa", "privateKeyFile",
                dir.resolve("rsa.private").toString()));
        sign.service(signed);
        Mail mail = mail(bytes(signed), "203.0.113.9", "bounce@elsewhere.example");

        mailet("onReject", "bounce").service(mail);

        assertThat(dmarc(mail).result()).isEqualTo("pass");
        assertThat(dmarc(mail).property("header", "from")).contains("example.com");
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(bytes(mail)).contains("dmarc=pass");
    }

    @Test
    void a_spoofed_from_of_a_reject_domain_is_handled_as_configured() throws Exception {
        Mail bounced = mail(MESSAGE, "203.0.113.9", "joe@example.com");
        mailet("onReject", "bounce").service(bounced);
        assertThat(dmarc(bounced).result()).isEqualTo("fail");
        assertThat(dmarc(bounced).property("policy", "dmarc")).contains("reject");
        assertThat(bounced.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).singleElement()
                .satisfies(b -> assertThat(b.getMessage()).isEqualTo("5.7.1 Email rejected per DMARC policy for example.com"));

        Mail spam = mail(MESSAGE, "203.0.113.9", "joe@example.com");
        mailet("onReject", "processor:spam").service(spam);
        assertThat(spam.getState()).isEqualTo("spam");

        Mail annotated = mail(MESSAGE, "203.0.113.9", "joe@example.com");
        mailet().service(annotated);
        assertThat(annotated.getState()).isNotEqualTo(Mail.GHOST).isNotEqualTo("spam");
        assertThat(bytes(annotated)).contains("dmarc=fail (p=reject dis=reject) header.from=example.com policy.dmarc=reject");
    }

    @Test
    void results_recorded_by_earlier_mailets_are_used() throws Exception {
        Mail mail = mail(MESSAGE, "203.0.113.9", "joe@example.com");
        ResultAttributes.put(mail, "spf", java.util.List.of(ResultInfo.of("spf", "pass",
                dev.inkan.authres.ResultProperty.smtp("mailfrom", "example.com"))));
        mailet("onReject", "bounce").service(mail);
        assertThat(dmarc(mail).result()).isEqualTo("pass");
    }

    @Test
    void testing_mode_lowers_the_disposition() throws Exception {
        Mail mail = mail(MESSAGE.replace("joe@example.com", "joe@testing.example"), "203.0.113.9", "x@testing.example");
        mailet("onReject", "bounce", "onQuarantine", "processor:spam").service(mail);
        assertThat(dmarc(mail).property("policy", "dmarc")).contains("quarantine");
        assertThat(mail.getState()).isEqualTo("spam");
    }

    @Test
    void a_passing_chain_from_a_trusted_sealer_overrides_the_failure() throws Exception {
        Mail forwarded = MailetFixtures.mail(MESSAGE.replace("Subject: hello", "Subject: [list] hello"));
        ArcSeal seal = new ArcSeal(CLOCK);
        seal.init(DkimMailetsTest.config("ArcSeal", "dnsZoneFile", zone.toString(), "authservId", "list.example.com",
                "domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString()));
        seal.service(forwarded);
        Mail mail = mail(bytes(forwarded), "203.0.113.9", "joe@example.com");

        mailet("onReject", "bounce", "trustedArcSealers", "example.com").service(mail);

        assertThat(dmarc(mail).result()).isEqualTo("fail");
        assertThat(dmarc(mail).property("policy", "dmarc")).contains("none");
        assertThat(dmarc(mail).comment()).contains("trusted_forwarder");
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
    }

    @Test
    void bad_configuration_fails_at_start() {
        assertThatThrownBy(() -> mailet("onQuarantine", "bounce"))
                .hasMessage("DmarcEvaluate: parameter 'onQuarantine' must be annotate or processor:NAME, got 'bounce'");
        assertThatThrownBy(() -> mailet("mode", "rfc5"))
                .hasMessageContaining("parameter 'mode' must be rfc9989 (DNS tree walk) or rfc7489");
        assertThatThrownBy(() -> mailet("publicSuffixList", zone.toString()))
                .hasMessageContaining("is used only with mode=rfc7489");
    }

    @Test
    void evaluations_are_recorded_once_into_the_dmarc_store_in_the_background() throws Exception {
        String store = "jdbc:h2:file:" + dir.resolve("reports");
        DmarcEvaluate evaluate = mailet("dmarcStore", store);
        Mail spoof = mail(MESSAGE, "203.0.113.9", "bounce@elsewhere.example");
        evaluate.service(spoof);
        evaluate.service(spoof); // a second pass over the same mail is not counted again
        evaluate.service(mail(MESSAGE, "192.0.2.10", "joe@example.com"));
        dev.inkan.reports.store.JdbcReportStore reports = dev.inkan.reports.store.JdbcReportStore.open(store, null, null);
        java.time.Instant from = java.time.Instant.now().minusSeconds(3600);
        java.time.Instant to = java.time.Instant.now().plusSeconds(3600);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (reports.records("example.com", from, to).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reports.records("example.com", from, to)).extracting(r -> r.sourceIp() + " " + r.disposition())
                .containsExactly("203.0.113.9 reject", "192.0.2.10 pass");
    }

    @Test
    void store_parameters_are_checked_at_start_up() {
        assertThatThrownBy(() -> mailet("dmarcStore", "jdbc:mysql://db/inkan")).hasMessageContaining("dmarcStore")
                .hasMessageContaining("unsupported JDBC URL");
        assertThatThrownBy(() -> mailet("dmarcStoreUser", "inkan")).hasMessageContaining("applies only with dmarcStore");
        assertThatThrownBy(() -> mailet("dmarcReportSender", "dmarc@mx.example.net"))
                .hasMessageContaining("needs dmarcStore");
        assertThatThrownBy(() -> mailet("dmarcStore", "jdbc:h2:file:" + dir.resolve("r"), "dmarcReportSender",
                "reports")).hasMessageContaining("must be an address");
        assertThatThrownBy(() -> mailet("dmarcStore", "jdbc:h2:file:" + dir.resolve("r"), "dmarcReportSender",
                "dmarc@mx.example.net", "dmarcReportTime", "25:00")).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> mailet("dmarcReportTime", "01:00")).hasMessageContaining("applies only with dmarcReportSender");
    }

    @Test
    void a_spoof_of_a_domain_asking_for_failure_reports_gets_one_arf_report_within_the_limit() throws Exception {
        Files.writeString(zone, Files.readString(zone)
                + "_dmarc.ruf.example. IN TXT \"v=DMARC1; p=reject; ruf=mailto:ruf@ruf.example,mailto:x@stranger.example; fo=1\"\n"
                + "ruf.example. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
        DmarcEvaluate evaluate = mailet("dmarcFailureReports", "headers", "dmarcFailureReportSender",
                "dmarc-reports@mx.example.net", "dmarcFailureReportsPerDestination", "1");
        String spoof = MESSAGE.replace("joe@example.com", "joe@ruf.example");
        evaluate.service(mail(spoof, "203.0.113.9", "joe@ruf.example"));
        evaluate.service(mail(spoof, "203.0.113.9", "joe@ruf.example")); // over the limit of 1 per hour
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (context.getSentMails().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertThat(context.getSentMails()).hasSize(1);
        var report = context.getSentMails().get(0);
        assertThat(report.getRecipients()).extracting(Object::toString).containsExactly("ruf@ruf.example");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        report.getMsg().writeTo(bytes);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).contains("multipart/report").contains("report-type=feedback-report")
                .contains("Feedback-Type: auth-failure").contains("Auth-Failure: dmarc")
                .contains("Identity-Alignment: dkim, spf").contains("Reported-Domain: ruf.example")
                .contains("SPF-DNS: txt : ruf.example").contains("text/rfc822-headers").doesNotContain("Hi Ann");
    }

    @Test
    void failure_report_parameters_are_checked_at_start_up() {
        assertThatThrownBy(() -> mailet("dmarcFailureReports", "headers")).hasMessageContaining("dmarcFailureReportSender");
        assertThatThrownBy(() -> mailet("dmarcFailureReports", "everything", "dmarcFailureReportSender", "a@b.example"))
                .hasMessageContaining("off, headers or full");
        assertThatThrownBy(() -> mailet("dmarcFailureReportSender", "a@b.example"))
                .hasMessageContaining("applies only with dmarcFailureReports");
    }
}
