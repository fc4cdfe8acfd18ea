package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static dev.inkan.james.mailets.MailetFixtures.mail;
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

/** DomainKeys (DkimSign's domainKeys, DomainKeysVerify) and Sender ID (SenderIdCheck) as James mailets. */
class HistoricMethodsMailetsTest {

    @TempDir
    Path dir;
    Path zone;

    @BeforeEach
    void setUp() throws Exception {
        zone = MailetFixtures.keysAndZone(dir);
        Files.writeString(zone, Files.readString(zone) + "example.com. IN TXT \"spf2.0/pra ip4:192.0.2.0/24 -all\"\n");
    }

    <T extends org.apache.mailet.base.GenericMailet> T init(T mailet, String name, String... parameters)
            throws MessagingException {
        mailet.init(DkimMailetsTest.config(name, parameters));
        return mailet;
    }

    DkimSign dkAndDkimSigner(String... extra) throws MessagingException {
        String[] base = {"domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString(),
            "domainKeys", "true"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return init(new DkimSign(CLOCK), "DkimSign", all);
    }

    @Test
    void dkim_sign_adds_a_domainkeys_signature_below_the_dkim_one_and_both_verify() throws Exception {
        Mail mail = mail(MESSAGE);
        dkAndDkimSigner().service(mail);
        String out = bytes(mail);
        assertThat(out.indexOf("DKIM-Signature:")).isLessThan(out.indexOf("DomainKey-Signature: a=rsa-sha1; c=nofws;"
                + " d=example.com; s=rsa; q=dns;"));

        init(new DomainKeysVerify(), "DomainKeysVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net")
                .service(mail);
        init(new DkimVerify(CLOCK), "DkimVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net")
                .service(mail);
        assertThat(ResultAttributes.get(mail, "domainkeys")).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("pass");
            assertThat(r.property("header", "from")).contains("example.com");
        });
        assertThat(ResultAttributes.get(mail, "dkim")).extracting(ResultInfo::result).containsExactly("pass");
        // one field for both, in the order the mailets ran
        String verified = bytes(mail);
        assertThat(verified).containsOnlyOnce("Authentication-Results:");
        assertThat(verified.indexOf("domainkeys=pass")).isLessThan(verified.indexOf("dkim=pass"));
    }

    @Test
    void the_dkim_signature_covers_the_domainkeys_one_only_when_asked() throws Exception {
        Mail plain = mail(MESSAGE);
        dkAndDkimSigner().service(plain);
        assertThat(dkimHeaderList(bytes(plain))).doesNotContain("domainkey-signature");

        Mail covering = mail(MESSAGE);
        dkAndDkimSigner("headers", "From,To,Subject,Date,DomainKey-Signature").service(covering);
        assertThat(dkimHeaderList(bytes(covering))).contains("domainkey-signature");
        init(new DkimVerify(CLOCK), "DkimVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net")
                .service(covering);
        assertThat(ResultAttributes.get(covering, "dkim")).extracting(ResultInfo::result).containsExactly("pass");
    }

    private static String dkimHeaderList(String message) {
        String field = message.substring(message.indexOf("DKIM-Signature:"), message.indexOf("DomainKey-Signature:"));
        String unfolded = field.replaceAll("\r\n\t", "");
        return unfolded.substring(unfolded.indexOf("h=") + 2, unfolded.indexOf(';', unfolded.indexOf("h="))).toLowerCase();
    }

    @Test
    void domainkeys_parameters_are_checked_at_start_up() {
        assertThatThrownBy(() -> dkAndDkimSigner("domainKeysCanonicalization", "relaxed"))
                .hasMessageContaining("domainKeysCanonicalization").hasMessageContaining("nofws or simple");
        assertThatThrownBy(() -> init(new DkimSign(CLOCK), "DkimSign", "domain", "example.com", "selector", "rsa",
                "privateKeyFile", dir.resolve("rsa.private").toString(), "domainKeysHeaders", "from"))
                .hasMessageContaining("applies only with domainKeys=true");
    }

    @Test
    void sender_id_checks_the_pra_against_the_client() throws Exception {
        SenderIdCheck check = init(new SenderIdCheck(), "SenderIdCheck", "dnsZoneFile", zone.toString(), "authservId",
                "mx.example.net");
        Mail pass = fromClient("192.0.2.10");
        check.service(pass);
        assertThat(ResultAttributes.get(pass, "sender-id")).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("pass");
            assertThat(r.property("header", "from")).contains("example.com");
        });
        assertThat(bytes(pass)).contains("sender-id=pass");
        Mail fail = fromClient("203.0.113.5");
        check.service(fail);
        assertThat(ResultAttributes.get(fail, "sender-id")).extracting(ResultInfo::result).containsExactly("fail");
    }

    private static Mail fromClient(String ip) throws Exception {
        return FakeMail.builder().name("m").sender("bounce@example.com").recipient("ann@example.net").remoteAddr(ip)
                .attribute(new Attribute(Mail.SMTP_HELO, AttributeValue.of("mail.example.com")))
                .mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("m",
                        new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.ISO_8859_1)))))
                .build();
    }
}
