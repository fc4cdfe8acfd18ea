package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimReason;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.Submit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf-examples/verifying-inbound on a real James: mail from outside, signed by dkimpy or by Inkan, tampered,
 * unsigned or carrying forged results, comes in over SMTP; what the user reads back over IMAP has exactly
 * one Authentication-Results field of this server with the right dkim= result, and failures are tagged and
 * routed as the example says.
 */
public class VerifyingInboundTest {

    static final String AUTHSERV = "mx.example.net";

    @TempDir
    static Path dir;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static SigningKey originRsa;
    static SigningKey originEd25519;
    static SigningKey bank;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SecureRandom random = new SecureRandom();
        originRsa = new SigningKeyGenerator(random).rsa(2048);
        originEd25519 = new SigningKeyGenerator(random).ed25519();
        bank = new SigningKeyGenerator(random).rsa(2048);
        DkimZone zone = new DkimZone().publish("sel", "origin.example", originRsa)
                .publish("ed", "origin.example", originEd25519).publish("mail", "bank.example", bank);

        host = JamesHost.of(info);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("verifying-inbound").dns(host.dnsParameters(zone, dir)).installInto(conf, dir.resolve("site"));
        james = host.start(conf);
        for (String user : List.of("py-pass", "inkan-pass", "tampered", "unsigned", "forged", "quarantine", "local",
                "alice")) {
            james.user(user + "@example.net");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void mail_signed_by_dkimpy_passes() throws Exception {
        byte[] signed = Signers.dkimpy(message("olga@origin.example", "py-pass@example.net", ""), originRsa,
                "origin.example", "sel", dir);
        String headers = deliver("olga@origin.example", "py-pass@example.net", signed);

        ResultInfo dkim = ourOnlyResult(headers);
        assertThat(dkim.result()).isEqualTo("pass");
        assertThat(dkim.property("header", "d")).hasValue("origin.example");
        assertThat(dkim.property("header", "s")).hasValue("sel");
        assertThat(headers).doesNotContain("X-Inkan-DKIM");
    }

    @Test
    void mail_signed_by_inkan_with_rsa_and_ed25519_passes_twice() throws Exception {
        byte[] message = message("olga@origin.example", "inkan-pass@example.net", "");
        byte[] signed = Signers.inkan(Signers.inkan(message, originRsa, "origin.example", "sel"), originEd25519,
                "origin.example", "ed");
        String headers = deliver("olga@origin.example", "inkan-pass@example.net", signed);

        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).results()).extracting(ResultInfo::result).containsExactly("pass", "pass");
        assertThat(ours.get(0).results()).extracting(r -> r.property("header", "a").orElse(""))
                .containsExactly("ed25519-sha256", "rsa-sha256");
    }

    @Test
    void mail_changed_after_signing_fails_and_is_tagged() throws Exception {
        byte[] signed = Signers.dkimpy(message("olga@origin.example", "tampered@example.net", ""), originRsa,
                "origin.example", "sel", dir);
        String headers = deliver("olga@origin.example", "tampered@example.net", Signers.tamperBody(signed));

        ResultInfo dkim = ourOnlyResult(headers);
        assertThat(dkim.result()).isEqualTo("fail");
        assertThat(dkim.comment()).isEqualTo(DkimReason.BODY_HASH_MISMATCH.text());
        assertThat(HeaderFields.values(headers, "X-Inkan-DKIM")).containsExactly("fail");
    }

    @Test
    void unsigned_mail_gets_dkim_none() throws Exception {
        String headers = deliver("olga@origin.example", "unsigned@example.net",
                message("olga@origin.example", "unsigned@example.net", ""));

        ResultInfo dkim = ourOnlyResult(headers);
        assertThat(dkim.result()).isEqualTo("none");
        assertThat(headers).doesNotContain("X-Inkan-DKIM");
    }

    @Test
    void forged_results_for_this_server_are_replaced_and_other_servers_results_kept() throws Exception {
        String forged = "Authentication-Results: mx.example.net; dkim=pass header.d=bank.example\r\n"
                + "Authentication-Results: MX.EXAMPLE.NET;\r\n\tdkim=pass (folded, other case) header.d=bank.example\r\n"
                + "Authentication-Results: relay.other.example; spf=pass smtp.mailfrom=origin.example\r\n"
                + "X-Inkan-DKIM: pass\r\n";
        String headers = deliver("olga@origin.example", "forged@example.net",
                message("olga@origin.example", "forged@example.net", forged));

        List<AuthenticationResults> all = HeaderFields.authResults(headers);
        assertThat(all).extracting(AuthenticationResults::authservId)
                .containsExactlyInAnyOrder(AUTHSERV, "relay.other.example");
        assertThat(ourOnlyResult(headers).result()).isEqualTo("none");
        assertThat(HeaderFields.values(headers, "X-Inkan-DKIM")).as("a tag from outside is removed").isEmpty();
    }

    @Test
    void a_broken_signature_of_bank_example_goes_to_quarantine() throws Exception {
        String user = "quarantine@example.net";
        byte[] signed = Signers.inkan(message("alerts@bank.example", user, ""), bank, "bank.example", "mail");
        new Submit(james.smtpPort()).inbound("alerts@bank.example", user, Signers.tamperBody(signed));

        String headers = mailboxes.awaitOne(user, "Quarantine");
        ResultInfo dkim = ourOnlyResult(headers);
        assertThat(dkim.result()).isEqualTo("fail");
        assertThat(dkim.property("header", "d")).hasValue("bank.example");
        assertThat(HeaderFields.values(headers, "X-Inkan-DKIM")).containsExactly("fail");
        assertThat(mailboxes.headers(user, "INBOX")).isEmpty();
    }

    @Test
    void mail_from_an_authenticated_user_is_not_verified() throws Exception {
        new Submit(james.smtpPort()).authenticated("alice@example.net", "local@example.net",
                message("alice@example.net", "local@example.net", ""));

        String headers = mailboxes.awaitOne("local@example.net", "INBOX");
        assertThat(HeaderFields.values(headers, "Authentication-Results")).isEmpty();
    }

    private static String deliver(String from, String to, byte[] message) throws Exception {
        new Submit(james.smtpPort()).inbound(from, to, message);
        return mailboxes.awaitOne(to, "INBOX");
    }

    private static ResultInfo ourOnlyResult(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", AUTHSERV, headers).hasSize(1);
        assertThat(ours.get(0).results()).as("results in %s", ours.get(0)).hasSize(1);
        return ours.get(0).results().get(0);
    }

    private static byte[] message(String from, String to, String extraHeaders) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: Hello " + to + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + to.replace('@', '.') + "@origin.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n" + extraHeaders
                + "\r\nHello,\r\n\r\nthis is mail from outside.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
