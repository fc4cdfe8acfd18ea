package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealerConfig;
import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ChainAsAuthenticate;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.keytable.KeySelection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf-examples/dmarc-inbound on a real James: mail from outside comes in over SMTP from 127.0.0.1 and gets
 * DKIM, SPF, ARC and DMARC in one Authentication-Results field. A p=reject domain's forged mail ends in the
 * dmarc-reject repository (no mailbox, no bounce), a p=quarantine failure in the Spam folder, aligned mail in
 * the INBOX (a failure that is delivered all the same tagged X-Inkan-DMARC); mail a forwarder changed (Subject tag: the author's DKIM signature fails) and ARC-sealed is
 * delivered when the sealer is trusted, with the override in the dmarc= comment, and rejected when it is not.
 * Forwarded mail is sealed here with the engine's ArcSealer; ArcForwardingTest does it with a real forwarder.
 */
public class DmarcInboundTest {

    static final String MX = "mx.example.net";
    static final String REJECTED = "memory://var/mail/dmarc-reject/";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static DkimZone zone;
    static SigningKey origin;
    static SigningKey trustedSealer;
    static SigningKey otherSealer;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        origin = generator.rsa(2048);
        trustedSealer = generator.rsa(2048);
        otherSealer = generator.rsa(2048);
        // every "remote" MTA of this test is 127.0.0.1; each domain's SPF record lists it
        zone = new DkimZone()
                .publish("sel", "origin.example", origin)
                .txt("origin.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .txt("_dmarc.quarantine.example", "v=DMARC1; p=quarantine")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.1 -all")
                .publish("arc2025", "lists.example.org", trustedSealer)
                .txt("lists.example.org", "v=spf1 ip4:127.0.0.1 -all")
                .publish("arc", "forwarder.example", otherSealer)
                .txt("forwarder.example", "v=spf1 ip4:127.0.0.1 -all");

        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        host = JamesHost.of(info);
        ConfExample example = ConfExample.load("dmarc-inbound").dns(host.dnsParameters(zone, dir)).skipNetworks("::1")
                .remoteDeliveryTo(sink.port());
        if (info.getTestClass().map(c -> c.isAnnotationPresent(ChainAsAuthenticate.class)).orElse(false)) {
            example.withChainAsAuthenticate();
            assertThat(example.mailetContainer()).contains("mailets.Authenticate\">").doesNotContain("mailets.DkimVerify")
                    .doesNotContain("mailets.SpfCheck").doesNotContain("mailets.ArcVerify")
                    .doesNotContain("mailets.DmarcEvaluate");
        }
        example.installInto(conf, dir.resolve("site"));
        james = host.start(conf);
        for (String user : List.of("aligned", "spoofed", "quarantine", "trusted", "untrusted")) {
            james.user(user + "@example.net");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @Test
    void an_aligned_dkim_pass_is_delivered_with_dmarc_pass_beside_spf_dkim_and_arc() throws Exception {
        String to = "aligned@example.net";
        byte[] signed = Signers.inkan(message("Olga <olga@origin.example>", to, "Minutes"), origin, "origin.example", "sel");
        byte[] withForgedTag = ("X-Inkan-DMARC: fail\r\n" + new String(signed, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        new Submit(james.smtpPort()).inbound("olga@origin.example", to, withForgedTag);

        String headers = mailboxes.awaitOne(to, "INBOX");
        List<ResultInfo> ours = ourResults(headers);
        assertThat(ours).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=pass", "spf=pass", "arc=none", "dmarc=pass");
        ResultInfo dmarc = ours.get(3);
        assertThat(dmarc.property("header", "from")).hasValue("origin.example");
        assertThat(dmarc.property("policy", "dmarc")).hasValue("none");
        assertThat(dmarc.comment()).isEqualTo("p=reject dis=none");
        assertThat(HeaderFields.values(headers, "X-Inkan-DMARC")).as("a tag from outside is removed").isEmpty();
    }

    @Test
    void a_spoofed_from_of_a_reject_domain_is_kept_for_the_postmaster_and_reaches_no_mailbox() throws Exception {
        // the sender's own domain passes SPF, but it is not the From domain; nothing is signed
        String to = "spoofed@example.net";
        new Submit(james.smtpPort()).inbound("x@attacker.example", to,
                message("CEO <ceo@origin.example>", to, "Urgent wire transfer"));

        String headers = awaitRejected(messageId(to));
        List<ResultInfo> ours = ourResults(headers);
        assertThat(ours).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=none", "spf=pass", "arc=none", "dmarc=fail");
        ResultInfo dmarc = ours.get(3);
        assertThat(dmarc.property("policy", "dmarc")).hasValue("reject");
        assertThat(dmarc.comment()).isEqualTo("p=reject dis=reject");
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
        assertThat(mailboxes.headers(to, "Spam")).isEmpty();
        assertThat(sink.awaitCount(1, Duration.ofSeconds(2))).as("a bounce left the server").isFalse();
    }

    @Test
    void a_quarantine_failure_goes_to_the_spam_folder() throws Exception {
        String to = "quarantine@example.net";
        new Submit(james.smtpPort()).inbound("x@attacker.example", to,
                message("News <news@quarantine.example>", to, "Offers"));

        String headers = mailboxes.awaitOne(to, "Spam");
        ResultInfo dmarc = ourResults(headers).get(3);
        assertThat(dmarc.result()).isEqualTo("fail");
        assertThat(dmarc.property("policy", "dmarc")).hasValue("quarantine");
        assertThat(dmarc.property("header", "from")).hasValue("quarantine.example");
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
    }

    @Test
    void mail_a_trusted_sealer_forwarded_is_delivered_with_the_override_in_the_comment() throws Exception {
        String to = "trusted@example.net";
        byte[] forwarded = forwarded(to, new KeySelection("lists.example.org", "arc2025", trustedSealer, null));
        new Submit(james.smtpPort()).inbound("friends-bounces@lists.example.org", to, forwarded);

        String headers = mailboxes.awaitOne(to, "INBOX");
        List<ResultInfo> ours = ourResults(headers);
        assertThat(ours).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=fail", "spf=pass", "arc=pass", "dmarc=fail");
        ResultInfo dmarc = ours.get(3);
        assertThat(dmarc.property("policy", "dmarc")).hasValue("none");
        assertThat(dmarc.comment()).isEqualTo(
                "p=reject dis=none override=trusted_forwarder: ARC chain sealed first by trusted lists.example.org");
        assertThat(ours.get(1).property("smtp", "mailfrom")).as("SPF passes, for the list's domain")
                .hasValue("lists.example.org");
        assertThat(HeaderFields.values(headers, "X-Inkan-DMARC")).as("delivered although DMARC failed")
                .containsExactly("fail");
    }

    @Test
    void the_same_through_a_sealer_that_is_not_trusted_is_handled_as_a_failure() throws Exception {
        String to = "untrusted@example.net";
        byte[] forwarded = forwarded(to, new KeySelection("forwarder.example", "arc", otherSealer, null));
        new Submit(james.smtpPort()).inbound("bounces@forwarder.example", to, forwarded);

        String headers = awaitRejected(messageId(to));
        List<ResultInfo> ours = ourResults(headers);
        assertThat(ours).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=fail", "spf=pass", "arc=pass", "dmarc=fail");
        assertThat(ours.get(3).property("policy", "dmarc")).hasValue("reject");
        assertThat(ours.get(3).comment()).isEqualTo("p=reject dis=reject");
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
    }

    /**
     * A message of origin.example (p=reject) as a forwarder would pass it on: signed by origin.example, checked
     * on arrival (its Authentication-Results say dkim=pass), Subject tagged, then ARC-sealed with {@code sealer}.
     */
    private static byte[] forwarded(String to, KeySelection sealer) throws Exception {
        byte[] signed = Signers.inkan(message("Olga <olga@origin.example>", to, "Picnic"), origin, "origin.example", "sel");
        String text = new String(signed, StandardCharsets.US_ASCII)
                .replace("Subject: Picnic", "Subject: [friends] Picnic");
        String checked = "Authentication-Results: " + sealer.domain() + "; dkim=pass header.d=origin.example"
                + " header.s=sel; spf=pass smtp.mailfrom=origin.example\r\n" + text;
        ArcSealer arc = new ArcSealer(ArcSealerConfig.builder(sealer.domain()).key(sealer).build(),
                new ArcValidator(ArcValidatorConfig.builder(zone.resolver()).build()));
        byte[] message = checked.getBytes(StandardCharsets.US_ASCII);
        ArcSealResult result = arc.seal(new ByteArrayInputStream(message));
        assertThat(result).isInstanceOf(ArcSealResult.Sealed.class);
        return (((ArcSealResult.Sealed) result).text() + checked).getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits for the mail with {@code messageId} in the dmarc-reject repository; its header block. */
    private static String awaitRejected(String messageId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (byte[] mail : james.repository(REJECTED)) {
                String text = new String(mail, StandardCharsets.ISO_8859_1);
                String headers = text.substring(0, text.indexOf("\r\n\r\n") + 2);
                if (HeaderFields.values(headers, "Message-ID").contains(messageId)) {
                    return headers;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail " + messageId + " in " + REJECTED + " within 60 s");
    }

    /** The results in our one Authentication-Results field. */
    private static List<ResultInfo> ourResults(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, MX);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", MX, headers).hasSize(1);
        return ours.get(0).results();
    }

    /** The Message-ID of {@link #message} to {@code to}. */
    private static String messageId(String to) {
        return "<" + to.replace('@', '.') + "@dmarc.test>";
    }

    private static byte[] message(String from, String to, String subject) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: " + messageId(to) + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
                + "\r\nHello,\r\n\r\nthis is mail from outside.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
