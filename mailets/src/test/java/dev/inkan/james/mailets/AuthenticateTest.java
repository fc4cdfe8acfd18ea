package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.metrics.CountingMetricFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authenticate, the inbound checks in one pass, against DkimVerify, SpfCheck, ArcVerify and DmarcEvaluate in a row
 * with the same parameters: the same results in the attributes and in our Authentication-Results field, the same
 * Received-SPF and the same disposition; and its own parameters and failures.
 */
class AuthenticateTest {

    static final String MX = "mx.example.net";

    @TempDir
    Path dir;
    Path zone;
    FakeMailContext context;
    String signed;

    @BeforeEach
    void setUp() throws Exception {
        MailetFixtures.keysAndZone(dir);
        zone = dir.resolve("checks.zone");
        String rsa = DkimKeyRecord.textFor(MailetFixtures.RSA.publicKey());
        Files.writeString(zone, "rsa._domainkey.example.com. IN TXT \"" + rsa + "\"\n"
                + "_dmarc.example.com. IN TXT \"v=DMARC1; p=reject\"\n"
                + "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "_dmarc.quarantine.example. IN TXT \"v=DMARC1; p=quarantine\"\n"
                + "quarantine.example. IN TXT \"v=spf1 -all\"\n");
        context = FakeMailContext.defaultContext();
        Mail mail = MailetFixtures.mail(MESSAGE);
        DkimSign sign = new DkimSign(CLOCK);
        sign.init(DkimMailetsTest.config("DkimSign", "domain", "example.com", "selector", "rsa", "privateKeyFile",
                dir.resolve("rsa.private").toString()));
        sign.service(mail);
        signed = bytes(mail);
    }

    /** Mails from outside: a message, the client's address and the envelope sender; some with SMTP AUTH. */
    static Stream<Arguments> mails() {
        return Stream.of(
                Arguments.of("signed, aligned, from a permitted address", true, "192.0.2.9", "bounce@example.com", false),
                Arguments.of("signed, SPF failing for the envelope sender", true, "203.0.113.9", "joe@example.com", false),
                Arguments.of("a spoofed From of a p=reject domain", false, "203.0.113.9", "joe@example.com", false),
                Arguments.of("a quarantine domain's failure", false, "203.0.113.9", "x@quarantine.example", false),
                Arguments.of("from a skipped network: no SPF, DMARC checks it itself", false, "127.0.0.1",
                        "joe@example.com", false),
                Arguments.of("an authenticated client: no SPF", true, "203.0.113.9", "joe@example.com", true),
                Arguments.of("a forged Authentication-Results claiming our id", false, "203.0.113.9", "joe@example.com",
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void gives_what_the_four_mailets_in_a_row_give(String what, boolean isSigned, String ip, String sender,
            boolean authenticated) throws Exception {
        String message = isSigned ? signed : MESSAGE;
        if (what.contains("forged")) {
            message = "Authentication-Results: " + MX + "; dkim=pass header.d=example.com; dmarc=pass\r\n" + message;
        }
        String[] parameters = {"onReject", "processor:rejected", "onQuarantine", "processor:spam"};
        Mail chained = mail(message, ip, sender, authenticated);
        for (Mailet mailet : List.of(mailet(new DkimVerify()), mailet(new SpfCheck()), mailet(new ArcVerify()),
                mailet(new DmarcEvaluate(), parameters))) {
            mailet.service(chained);
        }
        Mail onePass = mail(message, ip, sender, authenticated);
        mailet(new Authenticate(), parameters).service(onePass);

        for (String method : List.of("dkim", "spf", "arc", "dmarc")) {
            assertThat(ResultAttributes.get(onePass, method)).as(method).isEqualTo(ResultAttributes.get(chained, method));
        }
        assertThat(ours(onePass)).isEqualTo(ours(chained)).isNotEmpty();
        assertThat(fields(onePass, "Authentication-Results")).as("the same field, byte for byte")
                .isEqualTo(fields(chained, "Authentication-Results")).hasSize(1);
        assertThat(fields(onePass, "Received-SPF")).isEqualTo(fields(chained, "Received-SPF"));
        assertThat(onePass.getState()).isEqualTo(chained.getState());
        if (ip.equals("127.0.0.1") || authenticated) {
            assertThat(ResultAttributes.get(onePass, "spf")).as("SPF skipped").isEmpty();
            assertThat(fields(onePass, "Received-SPF")).isEmpty();
            assertThat(ResultAttributes.get(onePass, "dmarc")).isNotEmpty();
        }
    }

    @Test
    void a_spoofed_reject_domain_is_disposed_of_after_the_results_are_recorded() throws Exception {
        Mail mail = mail(MESSAGE, "203.0.113.9", "joe@example.com", false);
        mailet(new Authenticate(), "onReject", "processor:rejected").service(mail);

        assertThat(mail.getState()).isEqualTo("rejected");
        assertThat(ours(mail)).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=none", "spf=fail", "arc=none", "dmarc=fail");
        assertThat(fields(mail, "Received-SPF")).singleElement().asString().startsWith("Received-SPF: fail");
    }

    @Test
    void methods_chooses_what_is_checked_and_recorded() throws Exception {
        Mail mail = mail(signed, "192.0.2.9", "bounce@example.com", false);
        mailet(new Authenticate(), "methods", "dkim,  dmarc").service(mail);

        assertThat(ours(mail)).extracting(r -> r.method() + "=" + r.result()).containsExactly("dkim=pass", "dmarc=pass");
        assertThat(ResultAttributes.get(mail, "spf")).isEmpty();
        assertThat(fields(mail, "Received-SPF")).as("SPF was DMARC's input only").isEmpty();
    }

    @Test
    void methods_may_be_separated_by_spaces() throws Exception {
        Mail mail = mail(signed, "192.0.2.9", "bounce@example.com", false);
        mailet(new Authenticate(), "methods", "spf dkim").service(mail);

        assertThat(ours(mail)).extracting(r -> r.method() + "=" + r.result()).containsExactly("dkim=pass", "spf=pass");
    }

    @Test
    void with_checkHelo_a_skipped_client_costs_no_helo_lookup() throws Exception {
        CountingMetricFactory checked = new CountingMetricFactory();
        Mail fromOutside = mail(signed, "192.0.2.9", "bounce@example.com", false);
        mailet(new Authenticate(checked), "checkHelo", "true").service(fromOutside);
        assertThat(ResultAttributes.get(fromOutside, "spf")).extracting(r -> r.property("smtp", "helo").isPresent())
                .containsExactly(true, false);

        CountingMetricFactory skipped = new CountingMetricFactory();
        Mail local = mail(signed, "127.0.0.1", "bounce@example.com", false);
        mailet(new Authenticate(skipped), "checkHelo", "true").service(local);
        assertThat(ResultAttributes.get(local, "spf")).isEmpty();
        assertThat(ResultAttributes.get(local, "dmarc")).extracting(ResultInfo::result).containsExactly("pass");
        // the key, the MAIL FROM domain's SPF record (DMARC's input) and the DMARC record; not the HELO name's
        assertThat(skipped.counters()).containsEntry("inkan_dns_queries", 3L);
        assertThat(checked.counters()).containsEntry("inkan_dns_queries", 4L);
    }

    @Test
    void results_an_earlier_step_recorded_are_reused() throws Exception {
        // SPF would fail for this client; an SMTP hook recorded pass for it, which DMARC then uses
        Mail mail = mail(MESSAGE, "203.0.113.9", "joe@example.com", false);
        ResultAttributes.put(mail, "spf", List.of(ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom",
                "example.com"))));
        mailet(new Authenticate()).service(mail);

        assertThat(ResultAttributes.get(mail, "spf")).extracting(ResultInfo::result).containsExactly("pass");
        assertThat(ResultAttributes.get(mail, "dmarc")).extracting(ResultInfo::result).containsExactly("pass");
        assertThat(fields(mail, "Received-SPF")).as("no SPF check here, so no Received-SPF").isEmpty();
    }

    @Test
    void bad_parameters_are_refused_with_their_name() {
        assertThatThrownBy(() -> mailet(new Authenticate(), "methods", "dkim, spf2"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("methods").hasMessageContaining("spf2");
        assertThatThrownBy(() -> mailet(new Authenticate(), "methods", " , "))
                .isInstanceOf(MessagingException.class).hasMessageContaining("methods").hasMessageContaining("no method");
        assertThatThrownBy(() -> mailet(new Authenticate(), "methods", "dkim, spf", "onReject", "bounce"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("onReject")
                .hasMessageContaining("includes dmarc");
        assertThatThrownBy(() -> mailet(new Authenticate(), "methods", "dkim", "addReceivedSpf", "false"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("addReceivedSpf")
                .hasMessageContaining("includes spf");
        assertThatThrownBy(() -> mailet(new Authenticate(), "selector", "rsa"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("selector");
    }

    @Test
    void a_failure_of_its_own_records_each_method_as_an_internal_error_and_the_mail_goes_on() throws Exception {
        MimeMessage unreadable = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII))) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                throw new IOException("the spool file is gone");
            }

            @Override
            public Enumeration<String> getAllHeaderLines() throws MessagingException {
                throw new MessagingException("the spool file is gone");
            }
        };
        Mail mail = FakeMail.builder().name("m").state(Mail.DEFAULT).sender("joe@example.com")
                .recipient("ann@example.net").remoteAddr("203.0.113.9").mimeMessage(unreadable).build();
        mailet(new Authenticate(), "onReject", "processor:rejected").service(mail);

        List<String> expected = List.of("dkim=temperror", "spf=temperror", "arc=fail", "dmarc=temperror");
        List<String> recorded = new ArrayList<>();
        for (String method : List.of("dkim", "spf", "arc", "dmarc")) {
            for (ResultInfo info : ResultAttributes.get(mail, method)) {
                assertThat(info.comment()).isEqualTo("internal error");
                recorded.add(info.method() + "=" + info.result());
            }
        }
        assertThat(recorded).as("recorded in the attributes; the header cannot be written").isEqualTo(expected);
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    Mailet mailet(Mailet mailet, String... parameters) throws MessagingException {
        FakeMailetConfig.Builder b = FakeMailetConfig.builder().mailetName(mailet.getClass().getSimpleName())
                .mailetContext(context).setProperty("dnsZoneFile", zone.toString()).setProperty("authservId", MX);
        for (int i = 0; i < parameters.length; i += 2) {
            b.setProperty(parameters[i], parameters[i + 1]);
        }
        mailet.init(b.build());
        return mailet;
    }

    static Mail mail(String message, String ip, String sender, boolean authenticated) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("m").state(Mail.DEFAULT).sender(sender)
                .recipient("ann@example.net").remoteAddr(ip)
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mail.example.com")))
                .mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("m",
                        new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)))));
        if (authenticated) {
            b.attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("joe")));
        }
        return b.build();
    }

    static List<ResultInfo> ours(Mail mail) throws MessagingException {
        return AuthResultsField.ours(mail.getMessage(), MX).map(AuthenticationResults::results).orElse(List.of());
    }

    static List<String> fields(Mail mail, String name) throws MessagingException {
        List<String> fields = new ArrayList<>();
        for (String line : Collections.list(mail.getMessage().getAllHeaderLines())) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                fields.add(line);
            }
        }
        return fields;
    }
}
