package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * conf-examples/seed-dk-milter on a real James: what the seeds 000 and 003 did with Sendmail and dk-milter, and
 * checked at Yahoo!. A user who submits with SMTP AUTH (the seeds' port 587) sends mail that leaves with a DKIM and a
 * DomainKeys signature, verified at the next hop by Inkan, dkimpy (DKIM) and Mail::DKIM (both); mail an outside client
 * hands in (port 25) is not signed; inbound mail reads, over IMAP, {@code domainkeys=pass}, {@code fail} (altered
 * mail, a key in DNS that is not the signing key), {@code permerror} (no key at the selector) or {@code none} (no
 * signature: Yahoo!'s "neutral (no sig)"). Keys are 1024-bit RSA, as the seed's {@code openssl genrsa ... 1024}.
 */
public class SeedDkMilterTest {

    static final String AUTHSERV = "mail.example.com";
    static final String REMOTE = "friend@remote.example";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static SigningKey dkFilter;
    static SigningKey remoteSite;
    static DkimZone zone;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SecureRandom random = new SecureRandom();
        dkFilter = new SigningKeyGenerator(random).rsa(1024);
        remoteSite = new SigningKeyGenerator(random).rsa(1024);
        Path site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(dkFilter, site.resolve("keys/dk-filter/key.private"));
        zone = new DkimZone()
                // ours, as the example recommends: no g=
                .publish("key", "example.com", dkFilter, "k=rsa")
                .publish("key", "example.org", dkFilter, "k=rsa")
                // a remote dk-milter site, with the seed's record as it is
                .publish("key", "sender.example", remoteSite, "g=; k=rsa")
                // a selector whose record holds another key than the one signing with it
                .publish("rotated", "sender.example", new SigningKeyGenerator(random).rsa(1024), "g=; k=rsa");

        host = JamesHost.of(info);
        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("seed-dk-milter").siteRoot(site).remoteDeliveryTo(sink.port()).dns(host.dnsParameters(zone, dir))
                .installInto(conf, site);
        james = host.start(conf).user("alice@example.com").user("olga@example.org");
        for (String user : List.of("port25", "pass", "altered", "badkey", "nokey", "nosig")) {
            james.user(user + "@example.com");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    /** dk-filter -d example.com,example.org: each domain is signed with the one key and selector. */
    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "olga@example.org"})
    void submitted_mail_leaves_with_a_dkim_and_a_domainkeys_signature_that_verify(String user) throws Exception {
        String domain = user.substring(user.indexOf('@') + 1);
        String id = "<submitted." + user.replace('@', '.') + ">";
        new Submit(james.smtpPort()).authenticated(user, REMOTE, message(user, REMOTE, id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        List<String> names = HeaderFields.names(wire.headerBlock());
        assertThat(names.indexOf("DKIM-Signature")).as("DKIM on top, as DKIMproxy and DkimSign write them: %s", names)
                .isNotNegative().isLessThan(names.indexOf("DomainKey-Signature"));
        Map<String, String> dk = HeaderFields.signatureTags(wire.headerBlock(), "DomainKey-Signature");
        assertThat(dk).containsEntry("a", "rsa-sha1").containsEntry("c", "simple").containsEntry("q", "dns")
                .containsEntry("d", domain).containsEntry("s", "key");
        assertThat(HeaderFields.signatureTags(wire.headerBlock(), "DKIM-Signature")).containsEntry("a", "rsa-sha256")
                .containsEntry("d", domain).containsEntry("s", "key");
        ThreeVerifiers.assertAllPass("submitted-" + domain, wire.data(), zone, dir, 1, 1);
    }

    /**
     * The seed's record "g=; k=rsa; p=..." on our own domain: DomainKeys reads the empty g= as "any sender", RFC 4871's
     * DKIM as "no sender". Inkan and dkimpy follow RFC 6376, which has no g=; Mail::DKIM still applies RFC 4871.
     */
    @Test
    void the_seeds_empty_g_makes_mail_dkim_refuse_the_dkim_signature_but_not_the_domainkeys_one() throws Exception {
        String id = "<empty-g@example.com>";
        new Submit(james.smtpPort()).authenticated("alice@example.com", REMOTE, message("alice@example.com", REMOTE, id));
        byte[] wire = sink.awaitMessageId(id).data();

        DkimZone seedRecord = new DkimZone().publish("key", "example.com", dkFilter, "g=; k=rsa");
        ThreeVerifiers.Outcome o = ThreeVerifiers.verify("empty-g", wire, seedRecord, dir);
        assertThat(o.inkan()).singleElement().satisfies(v -> assertThat(v.passed()).as(v.comment()).isTrue());
        assertThat(o.dkimpy().signature(0).result()).isEqualTo("pass");
        assertThat(o.mailDkim().signatures()).hasSize(2);
        assertThat(o.mailDkim().signature(0).detail()).as("Mail::DKIM on the DKIM signature").contains("granularity is empty");
        assertThat(o.mailDkim().signature(1).result()).as("Mail::DKIM on the DomainKeys signature").isEqualTo("pass");
        assertThat(ThreeVerifiers.domainKeys(wire, seedRecord).passed()).isTrue();
    }

    /** Seed 000: "25 番ポートでの送信の場合は DomainKeys の署名が付与されない" — even with a From of a signing domain. */
    @Test
    void mail_an_outside_client_hands_in_for_a_local_user_is_not_signed() throws Exception {
        String to = "port25@example.com";
        new Submit(james.smtpPort()).inbound("someone@remote.example", to, message("alice@example.com", to, "<port25@x>"));

        String headers = mailboxes.awaitOne(to, "INBOX");
        assertThat(HeaderFields.names(headers)).doesNotContain("DKIM-Signature", "DomainKey-Signature");
        assertThat(domainKeys(headers).result()).isEqualTo("none");
    }

    /**
     * Mail of a remote dk-milter site (Mail::DKIM's DomainKeys signer; its record is the seed's "g=; k=rsa; p=..."):
     * Yahoo!'s "pass (ok)"; "fail (bad key)" for altered mail and for a selector whose record holds another key; and
     * a selector without a record (a dk-filter -S that does not match DNS).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pass     | key      | simple | false | pass      | rsa-sha1, 1024-bit key, s=key
            altered  | key      | nofws  | true  | fail      | signature did not verify; rsa-sha1, 1024-bit key, s=key
            badkey   | rotated  | simple | false | fail      | signature did not verify; rsa-sha1, 1024-bit key, s=rotated
            nokey    | betatest | simple | false | permerror | no key for signature
            """)
    void inbound_domainkeys_signatures_get_the_seeds_verdicts(String user, String selector, String c, boolean altered,
            String result, String comment) throws Exception {
        String to = user + "@example.com";
        byte[] signed = Signers.mailDkimDomainKeys(message("taro@sender.example", to, "<" + user + "@sender.example>"),
                remoteSite, "sender.example", selector, c, dir);
        ResultInfo dk = deliver(to, altered ? Signers.tamperBody(signed) : signed);

        assertThat(dk.result()).isEqualTo(result);
        assertThat(dk.comment()).isEqualTo(comment);
        assertThat(dk.property("header", "d")).hasValue("sender.example");
        assertThat(dk.property("header", "from")).hasValue("sender.example");
    }

    /** Yahoo!'s "neutral (no sig)". */
    @Test
    void unsigned_mail_is_none() throws Exception {
        String to = "nosig@example.com";
        ResultInfo dk = deliver(to, message("taro@sender.example", to, "<nosig@sender.example>"));

        assertThat(dk.result()).isEqualTo("none");
    }

    private static ResultInfo deliver(String to, byte[] message) throws Exception {
        new Submit(james.smtpPort()).inbound("taro@sender.example", to, message);
        return domainKeys(mailboxes.awaitOne(to, "INBOX"));
    }

    /** The one result of our one Authentication-Results field, a domainkeys= one. */
    private static ResultInfo domainKeys(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", AUTHSERV, headers).hasSize(1);
        assertThat(ours.get(0).results()).as("results in %s", ours.get(0)).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("domainkeys"));
        return ours.get(0).results().get(0);
    }

    private static byte[] message(String from, String to, String messageId) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: DomainKeys test\r\n"
                + "Date: Thu, 25 Nov 2010 10:00:00 +0900\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nHello,\r\n\r\nsigned by dk-filter once.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
