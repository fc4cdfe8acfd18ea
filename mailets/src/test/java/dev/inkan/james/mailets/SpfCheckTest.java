package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpfCheckTest {

    @TempDir
    Path dir;
    Path zone;

    @BeforeEach
    void zone() throws Exception {
        zone = dir.resolve("zone");
        Files.writeString(zone, "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                + "soft.example. IN TXT \"v=spf1 ~all\"\n");
    }

    SpfCheck mailet(String... parameters) throws MessagingException {
        SpfCheck m = new SpfCheck(CLOCK);
        String[] all = new String[parameters.length + 4];
        System.arraycopy(new String[] {"dnsZoneFile", zone.toString(), "authservId", "mx.example.net"}, 0, all, 0, 4);
        System.arraycopy(parameters, 0, all, 4, parameters.length);
        m.init(DkimMailetsTest.config("SpfCheck", all));
        return m;
    }

    static Mail mail(String ip, String sender) throws Exception {
        return FakeMail.builder().name("m").sender(sender).recipient("ann@example.net").remoteAddr(ip)
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mail.example.com")))
                .mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("m",
                        new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.ISO_8859_1)))))
                .build();
    }

    @Test
    void pass_adds_received_spf_and_one_authentication_results_entry() throws Exception {
        Mail mail = mail("192.0.2.10", "joe@example.com");
        mailet().service(mail);
        assertThat(ResultAttributes.get(mail, "spf")).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("pass");
            assertThat(r.property("smtp", "mailfrom")).contains("example.com");
        });
        String out = bytes(mail);
        assertThat(out).contains("Received-SPF: pass (mx.example.net: ");
        assertThat(out).contains("client-ip=192.0.2.10;");
        assertThat(out).contains("Authentication-Results: mx.example.net;");
        assertThat(out.indexOf("Received-SPF:")).isLessThan(out.indexOf("Received: from client"));
    }

    @Test
    void fail_softfail_and_helo_checks() throws Exception {
        Mail fail = mail("203.0.113.5", "joe@example.com");
        mailet().service(fail);
        assertThat(ResultAttributes.get(fail, "spf")).extracting(ResultInfo::result).containsExactly("fail");

        Mail soft = mail("203.0.113.5", "joe@soft.example");
        mailet("checkHelo", "true").service(soft);
        assertThat(ResultAttributes.get(soft, "spf")).extracting(r -> r.result() + " " + r.properties().get(0).key())
                .containsExactly("none smtp.helo", "softfail smtp.mailfrom");
    }

    @Test
    void local_networks_and_authenticated_senders_are_skipped() throws Exception {
        Mail local = mail("127.0.0.1", "joe@example.com");
        mailet().service(local);
        assertThat(local.getAttribute(ResultAttributes.name("spf"))).isEmpty();

        Mail submitted = mail("203.0.113.5", "joe@example.com");
        submitted.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("joe")));
        mailet().service(submitted);
        assertThat(submitted.getAttribute(ResultAttributes.name("spf"))).isEmpty();

        Mail inside = mail("10.1.2.3", "joe@example.com");
        mailet("skipNetworks", "10.0.0.0/8, 192.168.0.0/16").service(inside);
        assertThat(inside.getAttribute(ResultAttributes.name("spf"))).isEmpty();
    }

    @Test
    void unreachable_dns_is_temperror_and_the_mail_goes_on() throws Exception {
        SpfCheck m = new SpfCheck(CLOCK);
        m.init(DkimMailetsTest.config("SpfCheck", "dnsServers", "127.0.0.1:9", "dnsTimeout", "1", "dnsRetries", "0",
                "authservId", "mx.example.net"));
        Mail mail = mail("203.0.113.5", "joe@example.com");
        m.service(mail);
        assertThat(ResultAttributes.get(mail, "spf")).extracting(ResultInfo::result).containsExactly("temperror");
        assertThat(bytes(mail)).contains("Received-SPF: temperror");
    }

    @Test
    void bad_configuration_fails_at_start() {
        assertThatThrownBy(() -> mailet("skipNetworks", "10.0.0.0/33"))
                .hasMessage("SpfCheck: parameter 'skipNetworks' has an invalid address block '10.0.0.0/33'");
        assertThatThrownBy(() -> mailet("checkHelo", "maybe"))
                .hasMessage("SpfCheck: parameter 'checkHelo' must be true or false, got 'maybe'");
    }
}
