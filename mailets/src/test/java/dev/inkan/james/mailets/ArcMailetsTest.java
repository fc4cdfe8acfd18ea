package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static dev.inkan.james.mailets.MailetFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import java.nio.file.Path;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ArcVerify and ArcSeal over hops of James messages (the zone publishes rsa._domainkey.example.com). */
class ArcMailetsTest {

    @TempDir
    Path dir;
    Path zone;

    @BeforeEach
    void setUp() throws Exception {
        zone = MailetFixtures.keysAndZone(dir);
    }

    ArcSeal sealer(String authservId) throws MessagingException {
        ArcSeal m = new ArcSeal(CLOCK);
        m.init(DkimMailetsTest.config("ArcSeal", "dnsZoneFile", zone.toString(), "authservId", authservId,
                "domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString()));
        return m;
    }

    ArcVerify verifier(String authservId) throws MessagingException {
        ArcVerify m = new ArcVerify();
        m.init(DkimMailetsTest.config("ArcVerify", "dnsZoneFile", zone.toString(), "authservId", authservId));
        return m;
    }

    static String arc(Mail mail) {
        ResultInfo r = ResultAttributes.get(mail, "arc").get(0);
        return r.result() + r.property("header", "oldest-pass").map(o -> " oldest-pass=" + o).orElse("");
    }

    @Test
    void a_first_seal_validates_at_the_next_hop() throws Exception {
        Mail hop1 = mail(MESSAGE);
        sealer("list.example.com").service(hop1);
        String sealed = bytes(hop1);
        assertThat(arc(hop1)).isEqualTo("none");
        assertThat(sealed).contains("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.com; s=rsa;")
                .contains("ARC-Authentication-Results: i=1; list.example.com; arc=none");

        Mail hop2 = mail(sealed);
        verifier("mx.example.net").service(hop2);
        assertThat(arc(hop2)).isEqualTo("pass oldest-pass=0");
        assertThat(bytes(hop2)).contains("arc=pass header.oldest-pass=0");
    }

    @Test
    void a_senders_authentication_results_with_our_authserv_id_are_never_sealed() throws Exception {
        // a local or authenticated sender is not checked, but is sealed: its own "our" field must not be vouched for
        Mail forged = mail("Authentication-Results: list.example.com; dkim=pass header.d=bank.example;\r\n"
                + " dmarc=pass header.from=bank.example\r\n" + MESSAGE);
        sealer("list.example.com").service(forged);

        assertThat(aar(forged)).isEqualTo("ARC-Authentication-Results: i=1; list.example.com;"
                + " arc=none smtp.remote-ip=127.0.0.1");
    }

    @Test
    void the_seal_records_what_this_servers_own_checks_recorded() throws Exception {
        Mail checked = mail(MESSAGE);
        DkimVerify dkim = new DkimVerify(CLOCK);
        dkim.init(DkimMailetsTest.config("DkimVerify", "dnsZoneFile", zone.toString(), "authservId", "list.example.com"));
        dkim.service(checked);
        sealer("list.example.com").service(checked);

        assertThat(aar(checked)).isEqualTo("ARC-Authentication-Results: i=1; list.example.com; dkim=none;"
                + " arc=none smtp.remote-ip=127.0.0.1");
    }

    /** The ARC-Authentication-Results field of {@code mail}, unfolded. */
    private static String aar(Mail mail) throws Exception {
        String unfolded = bytes(mail).replaceAll("\r\n[ \t]+", " ");
        String aar = unfolded.substring(unfolded.indexOf("ARC-Authentication-Results:"));
        return aar.substring(0, aar.indexOf("\r\n"));
    }

    @Test
    void a_forwarder_that_changes_the_subject_seals_with_the_verdict_from_arrival() throws Exception {
        Mail hop1 = mail(MESSAGE);
        sealer("first.example").service(hop1);

        Mail hop2 = mail(bytes(hop1));
        verifier("list.example.com").service(hop2);                   // validated on arrival: pass
        hop2.getMessage().setHeader("Subject", "[list] hello");        // then the list changes the message
        hop2.getMessage().saveChanges();
        sealer("list.example.com").service(hop2);                     // and seals with cv=pass
        assertThat(bytes(hop2)).contains("ARC-Seal: i=2; a=rsa-sha256; cv=pass;");

        Mail hop3 = mail(bytes(hop2));
        verifier("mx.example.net").service(hop3);
        assertThat(arc(hop3)).isEqualTo("pass oldest-pass=2");         // the first AMS no longer covers the Subject
    }

    @Test
    void a_tampered_chain_fails_and_a_failed_chain_is_not_sealed_again() throws Exception {
        Mail hop1 = mail(MESSAGE);
        sealer("first.example").service(hop1);
        Mail tampered = mail(bytes(hop1).replace("Hi Ann.", "Hi Bob."));
        verifier("mx.example.net").service(tampered);
        assertThat(arc(tampered)).isEqualTo("fail");

        sealer("list.example.com").service(tampered);                 // seals the broken chain with cv=fail
        String twice = bytes(tampered);
        assertThat(twice).contains("ARC-Seal: i=2; a=rsa-sha256; cv=fail;");
        Mail again = mail(twice);
        sealer("third.example").service(again);                        // newest seal says cv=fail: stop (§5.1)
        assertThat(bytes(again)).doesNotContain("i=3;");
    }

    @Test
    void bad_configuration_fails_at_start() {
        assertThatThrownBy(() -> {
            ArcSeal m = new ArcSeal(CLOCK);
            m.init(DkimMailetsTest.config("ArcSeal", "dnsZoneFile", zone.toString(), "domain", "example.com"));
        }).hasMessageContaining("configure exactly one key source");
        assertThatThrownBy(() -> {
            ArcSeal m = new ArcSeal(CLOCK);
            m.init(DkimMailetsTest.config("ArcSeal", "dnsZoneFile", zone.toString(), "domain", "example.com",
                    "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString(), "headers", "from,arc-seal"));
        }).hasMessageContaining("ArcSeal: parameter 'headers'");
    }
}
