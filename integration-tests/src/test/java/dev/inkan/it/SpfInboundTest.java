package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.inkan.it.harness.Submit;
import dev.inkan.spf.ReceivedSpfField;
import dev.inkan.spf.SpfResult;
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
 * conf-examples/spf-inbound on a real James: mail from outside comes in over SMTP from 127.0.0.1, its MAIL FROM
 * domain's SPF record (served by the test's DNS server) saying pass, fail, softfail, nothing, or never
 * answering. What the user reads back over IMAP has exactly one Received-SPF of this server on top and one
 * Authentication-Results field of this server with spf= (and DkimVerify's dkim=); fail and softfail are in the
 * Spam folder, everything else in the INBOX, a temperror tagged.
 */
public class SpfInboundTest {

    static final String AUTHSERV = "mx.example.net";
    static final String HELO = "mta.remote.test";

    @TempDir
    static Path dir;
    static FakeDnsServer dns;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static SigningKey passKey;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        passKey = new SigningKeyGenerator(new SecureRandom()).rsa(2048);
        DkimZone zone = new DkimZone()
                .txt("pass.example", "v=spf1 include:_spf.pass.example -all")
                .txt("_spf.pass.example", "v=spf1 ip4:192.0.2.0/24 ip4:127.0.0.0/8 ~all")
                .txt("fail.example", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("softfail.example", "v=spf1 ip4:192.0.2.0/24 ~all")
                .txt(HELO, "v=spf1 ip4:127.0.0.1 -all")
                .publish("sel", "pass.example", passKey);
        dns = new FakeDnsServer(zone).silentFor("timeout.example");

        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("spf-inbound").dnsServer(dns.port()).skipNetworks("::1").installInto(conf, dir.resolve("site"));
        host = JamesHost.of(info);
        james = host.start(conf);
        for (String user : List.of("pass", "fail", "softfail", "temperror", "none", "signed", "bounce", "local",
                "alice")) {
            james.user(user + "@example.net");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, dns);
    }

    @Test
    void a_client_the_domain_authorizes_passes_and_is_delivered_to_the_inbox() throws Exception {
        // an earlier hop's Received-SPF stays below ours
        String earlier = "Received-SPF: fail (relay.other.example: not permitted) client-ip=192.0.2.9;\r\n"
                + "\treceiver=relay.other.example; identity=mailfrom\r\n";
        String headers = deliver("olga@pass.example", "pass@example.net", "INBOX", earlier);

        ReceivedSpfField spf = ourReceivedSpf(headers, SpfResult.PASS, "olga@pass.example");
        assertThat(spf.get("mechanism")).hasValue("include:_spf.pass.example");
        assertThat(HeaderFields.values(headers, "Received-SPF")).hasSize(2).last().asString()
                .contains("receiver=relay.other.example");
        assertThat(ourResults(headers)).extracting(ResultInfo::result).containsExactly("none", "pass");
        assertThat(spfResult(headers).property("smtp", "mailfrom")).hasValue("pass.example");
        assertThat(HeaderFields.values(headers, "X-Inkan-SPF")).isEmpty();
    }

    @Test
    void a_client_the_domain_forbids_fails_and_goes_to_spam() throws Exception {
        String headers = deliver("olga@fail.example", "fail@example.net", "Spam", "");

        ReceivedSpfField spf = ourReceivedSpf(headers, SpfResult.FAIL, "olga@fail.example");
        assertThat(spf.get("mechanism")).hasValue("-all");
        ResultInfo result = spfResult(headers);
        assertThat(result.result()).isEqualTo("fail");
        assertThat(result.property("smtp", "mailfrom")).hasValue("fail.example");
        assertThat(mailboxes.headers("fail@example.net", "INBOX")).isEmpty();
    }

    @Test
    void a_softfail_goes_to_spam_too() throws Exception {
        String headers = deliver("olga@softfail.example", "softfail@example.net", "Spam", "");

        ourReceivedSpf(headers, SpfResult.SOFTFAIL, "olga@softfail.example");
        assertThat(spfResult(headers).result()).isEqualTo("softfail");
        assertThat(mailboxes.headers("softfail@example.net", "INBOX")).isEmpty();
    }

    @Test
    void dns_that_never_answers_gives_temperror_and_the_mail_is_tagged_and_delivered() throws Exception {
        String headers = deliver("olga@timeout.example", "temperror@example.net", "INBOX", "");

        ReceivedSpfField spf = ourReceivedSpf(headers, SpfResult.TEMPERROR, "olga@timeout.example");
        assertThat(spf.get("problem")).as("Received-SPF problem").isPresent();
        assertThat(spfResult(headers).result()).isEqualTo("temperror");
        assertThat(HeaderFields.values(headers, "X-Inkan-SPF")).containsExactly("temperror");
        assertThat(dns.ignored()).as("queries the silent DNS left unanswered").isPositive();
        assertThat(mailboxes.headers("temperror@example.net", "Spam")).isEmpty();
    }

    @Test
    void no_record_gives_none_and_forged_results_and_tags_are_replaced() throws Exception {
        String forged = "Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=none.example\r\n"
                + "X-Inkan-SPF: temperror\r\n";
        String headers = deliver("olga@none.example", "none@example.net", "INBOX", forged);

        ourReceivedSpf(headers, SpfResult.NONE, "olga@none.example");
        assertThat(ourResults(headers)).extracting(ResultInfo::result).containsExactly("none", "none");
        assertThat(HeaderFields.values(headers, "X-Inkan-SPF")).as("a tag from outside is removed").isEmpty();
    }

    @Test
    void a_dkim_signed_mail_gets_dkim_and_spf_in_one_field() throws Exception {
        byte[] signed = Signers.inkan(message("olga@pass.example", "signed@example.net", ""), passKey, "pass.example", "sel");
        new Submit(james.smtpPort()).inbound("olga@pass.example", "signed@example.net", signed);
        String headers = mailboxes.awaitOne("signed@example.net", "INBOX");

        ourReceivedSpf(headers, SpfResult.PASS, "olga@pass.example");
        List<ResultInfo> results = ourResults(headers);
        assertThat(results).extracting(ResultInfo::method).containsExactly("dkim", "spf");
        assertThat(results).extracting(ResultInfo::result).containsExactly("pass", "pass");
        assertThat(results.get(0).property("header", "d")).hasValue("pass.example");
    }

    @Test
    void a_bounce_is_checked_as_postmaster_at_the_helo_name() throws Exception {
        String headers = deliver("", "bounce@example.net", "INBOX", "");

        ReceivedSpfField spf = ourReceivedSpf(headers, SpfResult.PASS, "");
        assertThat(spf.get("envelope-from")).hasValue("");
        assertThat(spfResult(headers).property("smtp", "mailfrom")).hasValue(HELO);
    }

    @Test
    void mail_from_an_authenticated_user_is_not_checked() throws Exception {
        new Submit(james.smtpPort()).authenticated("alice@example.net", "local@example.net",
                message("alice@example.net", "local@example.net", ""));

        String headers = mailboxes.awaitOne("local@example.net", "INBOX");
        assertThat(HeaderFields.values(headers, "Received-SPF")).isEmpty();
        assertThat(HeaderFields.values(headers, "Authentication-Results")).isEmpty();
    }

    /** Sends a mail in from outside and returns its header block from {@code folder}. */
    private static String deliver(String mailFrom, String to, String folder, String extraHeaders) throws Exception {
        String from = mailFrom.isEmpty() ? "MAILER-DAEMON@" + HELO : mailFrom;
        new Submit(james.smtpPort()).inbound(mailFrom, to, message(from, to, extraHeaders));
        return mailboxes.awaitOne(to, folder);
    }

    /**
     * The one Received-SPF of this server: above every Received field (James's own included) and every other
     * Received-SPF, for the client 127.0.0.1, the test's HELO and {@code envelopeFrom}.
     */
    private static ReceivedSpfField ourReceivedSpf(String headers, SpfResult result, String envelopeFrom) {
        List<ReceivedSpfField> ours = HeaderFields.values(headers, "Received-SPF").stream()
                .map(v -> ReceivedSpfField.parse(v).orElseThrow(() -> new AssertionError("malformed Received-SPF " + v)))
                .filter(f -> f.get("receiver").filter(AUTHSERV::equalsIgnoreCase).isPresent())
                .toList();
        assertThat(ours).as("Received-SPF fields of %s in\n%s", AUTHSERV, headers).hasSize(1);
        ReceivedSpfField spf = ours.get(0);
        assertThat(HeaderFields.values(headers, "Received-SPF").get(0)).as("ours is the topmost Received-SPF")
                .contains("receiver=" + AUTHSERV);
        List<String> names = HeaderFields.names(headers).stream().map(String::toLowerCase).toList();
        assertThat(names.indexOf("received-spf")).as("Received-SPF above James's Received in %s", names)
                .isLessThan(names.indexOf("received"));
        assertThat(spf.result()).as("Received-SPF result in\n%s", headers).isEqualTo(result);
        assertThat(spf.get("client-ip")).hasValue("127.0.0.1");
        assertThat(spf.get("helo")).hasValue(HELO);
        assertThat(spf.get("identity")).hasValue("mailfrom");
        if (!envelopeFrom.isEmpty()) {
            assertThat(spf.get("envelope-from")).hasValue(envelopeFrom);
        }
        return spf;
    }

    /** The results in our one Authentication-Results field. */
    private static List<ResultInfo> ourResults(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", AUTHSERV, headers).hasSize(1);
        return ours.get(0).results();
    }

    /** The one spf= result in our Authentication-Results field. */
    private static ResultInfo spfResult(String headers) {
        List<ResultInfo> spf = ourResults(headers).stream().filter(r -> r.method().equals("spf")).toList();
        assertThat(spf).as("spf results in\n%s", headers).hasSize(1);
        return spf.get(0);
    }

    private static byte[] message(String from, String to, String extraHeaders) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: Hello " + to + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + to.replace('@', '.') + "@spf.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n" + extraHeaders
                + "\r\nHello,\r\n\r\nthis is mail from outside.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
