package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dns.LocalDnsServer;
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
import java.io.IOException;
import java.net.InetAddress;
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

/**
 * conf-examples/seed-dkimproxy on a real James: what seed 004 did with Postfix, DKIMproxy and S25R. A user on a
 * dynamic line submits with SMTP AUTH (not refused by S25R) and the mail leaves with DKIMproxy's two signatures on one
 * message, DKIM relaxed rsa-sha256 above DomainKeys nofws rsa-sha1, verified at the next hop by Inkan, dkimpy and
 * Mail::DKIM. Mail from a DKIMproxy site (Mail::DKIM's DomainKeys and dkimpy's DKIM signatures, its MTA in its SPF
 * and Sender ID records) reads, over IMAP, Yahoo!'s {@code domainkeys=pass; dkim=pass} with {@code spf=pass;
 * sender-id=pass}; a forged sender reads spf and sender-id fail; a key record without a modulus reads permerror. S25R
 * answers {@code 450 4.7.1} at RCPT TO, before DATA, to a dynamic-looking client and to one without reverse DNS, and
 * lets in a server on the example's allow list. Every "remote" MTA is a loopback address of its own, its reverse DNS
 * served by a DNS server on 127.0.0.1.
 */
public class SeedDkimproxyTest {

    static final String AUTHSERV = "mx.example.com";
    static final String YOSHIO = "yoshio@example.com";
    static final String TARO = "taro@hstech.example";
    static final String SKIP = "<skipNetworks>127.0.0.0/8, ::1</skipNetworks>";

    @TempDir
    static Path dir;
    static LocalDnsServer reverseDns;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static SigningKey proxyKey;
    static SigningKey hstechKey;
    static DkimZone zone;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SecureRandom random = new SecureRandom();
        proxyKey = new SigningKeyGenerator(random).rsa(1024);
        hstechKey = new SigningKeyGenerator(random).rsa(1024);
        Path site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(proxyKey, site.resolve("keys/dkimproxy/private.key"));
        String hstechRecord = DkimKeyRecord.textFor(hstechKey.publicKey());
        // the seed's records: one per domain for both signatures, t=y; its MTA (127.0.0.2) in SPF and Sender ID
        zone = new DkimZone()
                .publish("hstech", "example.com", proxyKey, "t=y; k=rsa")
                .publish("hstech", "example.org", proxyKey, "t=y; k=rsa")
                .publish("hstech", "hstech.example", hstechKey, "t=y; k=rsa")
                .txt("hstech.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("hstech.example", "spf2.0/mfrom,pra ip4:127.0.0.2 -all")
                // a record pasted incompletely: valid base64, no RSA key in it
                .txt("broken._domainkey.hstech.example", "t=y; k=rsa; p="
                        + hstechRecord.substring(hstechRecord.indexOf("p=") + 2).substring(0, 100));
        reverseDns = LocalDnsServer.start().records("""
                2.0.0.127.in-addr.arpa. PTR mail.hstech.example.
                mail.hstech.example. A 127.0.0.2
                3.0.0.127.in-addr.arpa. PTR p1234-ipbf01funabasi.chiba.ocn.ne.jp.
                p1234-ipbf01funabasi.chiba.ocn.ne.jp. A 127.0.0.3
                5.0.0.127.in-addr.arpa. PTR mail-gx0-f21.google.com.
                mail-gx0-f21.google.com. A 127.0.0.5
                6.0.0.127.in-addr.arpa. PTR smtp.forger.example.
                smtp.forger.example. A 127.0.0.6
                """);

        host = JamesHost.of(info);
        sink = SmtpSink.start(true);
        ConfExample example = ConfExample.load("seed-dkimproxy").siteRoot(site).remoteDeliveryTo(sink.port())
                .dns(host.dnsParameters(zone, dir)).skipNetworks("::1");
        String s25r = example.smtpHandler("S25rCheck");
        assertThat(s25r).contains(SKIP);
        JamesConf conf = JamesConf.in(dir.resolve("james")).smtpHandler(s25r.replace(SKIP,
                "<skipNetworks>::1</skipNetworks>\n                <dnsServers>" + reverseDns.address() + "</dnsServers>"));
        example.installInto(conf, site);
        james = host.start(conf).user(YOSHIO);
        for (String user : List.of("signed", "forged", "broken", "dynamic", "unknown", "google")) {
            james.user(user + "@example.com");
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink, reverseDns);
    }

    private static Submit from(String client) throws IOException {
        return new Submit(james.smtpPort()).from(InetAddress.getByName(client));
    }

    @Test
    void a_user_on_a_dynamic_line_submits_and_the_mail_leaves_with_dkim_relaxed_and_domainkeys_nofws() throws Exception {
        String to = "ikuko@yahoo.example";
        String id = "<C40F24C9FBA74AA2A816EA703FDDE9D9@hstechPC1>";
        from("127.0.0.3").authenticated(YOSHIO, to, message("\"yoshio\" <" + YOSHIO + ">", to, id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        List<String> names = HeaderFields.names(wire.headerBlock());
        assertThat(names.indexOf("DKIM-Signature")).as("DKIM above DomainKeys, as DKIMproxy wrote them: %s", names)
                .isNotNegative().isLessThan(names.indexOf("DomainKey-Signature"));
        Map<String, String> dkim = HeaderFields.signatureTags(wire.headerBlock(), "DKIM-Signature");
        assertThat(dkim).containsEntry("a", "rsa-sha256").containsEntry("c", "relaxed/simple")
                .containsEntry("d", "example.com").containsEntry("s", "hstech");
        assertThat(List.of(dkim.get("h").split(":"))).as("the seed's h=, From oversigned")
                .containsExactlyInAnyOrder("message-id", "from", "to", "subject", "date", "mime-version", "content-type",
                        "content-transfer-encoding", "from");
        assertThat(HeaderFields.signatureTags(wire.headerBlock(), "DomainKey-Signature")).containsEntry("a", "rsa-sha1")
                .containsEntry("c", "nofws").containsEntry("q", "dns").containsEntry("d", "example.com")
                .containsEntry("s", "hstech");
        ThreeVerifiers.assertAllPass("dkimproxy-out", wire.data(), zone, dir, 1, 1);
    }

    @Test
    void mail_of_a_dkimproxy_site_reads_as_yahoo_showed_it_with_spf_and_sender_id() throws Exception {
        String to = "signed@example.com";
        String headers = deliver("127.0.0.2", to, signedLikeDkimproxy(to, "hstech"));

        assertThat(results(headers)).containsExactly("domainkeys=pass", "dkim=pass", "spf=pass", "sender-id=pass");
        List<ResultInfo> ours = ours(headers);
        assertThat(ours.get(0).property("header", "d")).hasValue("hstech.example");
        assertThat(ours.get(0).property("header", "from")).hasValue("hstech.example");
        assertThat(ours.get(1).property("header", "d")).hasValue("hstech.example");
        assertThat(ours.get(2).property("smtp", "mailfrom")).hasValue("hstech.example");
        assertThat(ours.get(3).property("header", "from")).hasValue("hstech.example");
        assertThat(HeaderFields.values(headers, "Received-SPF")).singleElement()
                .extracting(v -> v.replaceAll("\\s+", " ")).asString().startsWith("pass (" + AUTHSERV + ": domain of " + TARO + " designates 127.0.0.2 as permitted sender)");
    }

    /** Not filtered: the seed's author trusted S25R, not these results, against spam. */
    @Test
    void a_forged_sender_fails_spf_and_sender_id_and_is_still_delivered() throws Exception {
        String to = "forged@example.com";
        String headers = deliver("127.0.0.6", to, message("\"taro\" <" + TARO + ">", to, "<forged@smtp.forger.example>"));

        assertThat(results(headers)).containsExactly("domainkeys=none", "dkim=none", "spf=fail", "sender-id=fail");
    }

    /** The seed's checker said "Invalid public key has no modulus". */
    @Test
    void a_key_record_without_a_modulus_is_a_permerror_for_both_signatures() throws Exception {
        String to = "broken@example.com";
        String headers = deliver("127.0.0.2", to, signedLikeDkimproxy(to, "broken"));

        assertThat(results(headers)).containsExactly("domainkeys=permerror", "dkim=permerror", "spf=pass",
                "sender-id=pass");
        assertThat(ours(headers).subList(0, 2)).extracting(ResultInfo::comment)
                .allSatisfy(c -> assertThat(c).startsWith("public key record has no modulus"));
    }

    @Test
    void s25r_answers_450_before_data_to_a_client_on_a_dynamic_line_and_nothing_is_stored() {
        refusedAtRcpt("127.0.0.3", "dynamic@example.com", "450 4.7.1 Client host rejected:"
                + " p1234-ipbf01funabasi.chiba.ocn.ne.jp[127.0.0.3] looks like a dynamic address (S25R rule 1)");
    }

    @Test
    void s25r_answers_450_before_data_to_a_client_without_reverse_dns() {
        refusedAtRcpt("127.0.0.4", "unknown@example.com", "450 4.7.1 Client host rejected: cannot find your hostname,"
                + " [127.0.0.4] (S25R rule 0: no PTR record for 127.0.0.4)");
    }

    /** mail-gx0-f21.google.com matches S25R rule 1; the example's s25r-white_list (allowFile) lets it in. */
    @Test
    void a_server_on_the_allow_list_is_accepted_although_its_name_looks_dynamic() throws Exception {
        String to = "google@example.com";
        String headers = deliver("127.0.0.5", to, message("someone@gmail.example", to, "<allowed@mail.gmail.example>"));
        assertThat(headers).contains("Message-ID: <allowed@mail.gmail.example>");
    }

    private static void refusedAtRcpt(String client, String to, String reply) {
        assertThatThrownBy(() -> from(client).inbound(TARO, to, message(TARO, to, "<s25r@" + client + ">")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SMTP server answered RCPT TO:<" + to + "> with: " + reply);
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
    }

    /** DKIMproxy's two signatures: Mail::DKIM's DomainKeys (nofws), dkimpy's DKIM (rsa-sha256) on top. */
    private static byte[] signedLikeDkimproxy(String to, String selector) {
        byte[] message = message("\"taro\" <" + TARO + ">", to, "<" + selector + "." + to + ">");
        byte[] dk = Signers.mailDkimDomainKeys(message, hstechKey, "hstech.example", selector, "nofws", dir);
        return Signers.dkimpy(dk, hstechKey, "hstech.example", selector, dir);
    }

    private static String deliver(String client, String to, byte[] message) throws Exception {
        from(client).inbound(TARO, to, message);
        return mailboxes.awaitOne(to, "INBOX");
    }

    private static List<ResultInfo> ours(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", AUTHSERV, headers).hasSize(1);
        return ours.get(0).results();
    }

    private static List<String> results(String headers) {
        return ours(headers).stream().map(r -> r.method() + "=" + r.result()).toList();
    }

    private static byte[] message(String from, String to, String messageId) {
        return ("Message-ID: " + messageId + "\r\nFrom: " + from + "\r\nTo: " + to + "\r\nSubject: DKIMproxy test\r\n"
                + "Date: Fri, 15 Feb 2013 15:23:32 +0900\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "Hello,\r\n\r\nsigned twice, as DKIMproxy did.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
