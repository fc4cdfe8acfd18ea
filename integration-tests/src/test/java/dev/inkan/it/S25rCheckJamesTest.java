package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dns.LocalDnsServer;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S25R on a real James 3.8.1, as the seed's Postfix set-up does it: the SMTP hook S25rCheck answers {@code 450 4.7.1}
 * at RCPT TO, before DATA, to a client whose reverse DNS (served by a DNS server on 127.0.0.1) looks dynamic or is
 * missing; a server-like or allow-listed client, and an authenticated one, is accepted. Every "remote" client is a
 * loopback address of its own (Linux routes 127.0.0.0/8 to the loopback interface).
 */
public class S25rCheckJamesTest {

    private static final String DOMAIN = "s25r.test";

    @TempDir
    static Path dir;
    static LocalDnsServer dns;
    static RunningJames james;
    static Mailboxes mailboxes;

    @BeforeAll
    static void start() throws Exception {
        dns = LocalDnsServer.start().records("""
                2.0.0.127.in-addr.arpa. PTR p1234-ipbf01funabasi.chiba.ocn.ne.jp.
                p1234-ipbf01funabasi.chiba.ocn.ne.jp. A 127.0.0.2
                4.0.0.127.in-addr.arpa. PTR mail.example.co.jp.
                mail.example.co.jp. A 127.0.0.4
                5.0.0.127.in-addr.arpa. PTR softbank220012345678.bbtec.net.
                softbank220012345678.bbtec.net. A 127.0.0.5
                6.0.0.127.in-addr.arpa. PTR mx.example.jp.
                mx.example.jp. A 192.0.2.6
                """).servfail("7.0.0.127.in-addr.arpa");
        String handler = """
                <handler class="dev.inkan.james.smtp.S25rCheck">
                    <skipNetworks>::1</skipNetworks>
                    <allow>bbtec.net</allow>
                    <dnsServers>%s</dnsServers>
                    <dnsTimeout>1</dnsTimeout>
                    <dnsRetries>0</dnsRetries>
                </handler>""".formatted(dns.address());
        JamesConf conf = JamesConf.in(dir.resolve("james")).smtpHandler(handler)
                .mailetContainer(resource("/it-conf/s25r-mailetcontainer.xml").replace("@DNS@", dns.address()));
        james = RunningJames.start(conf);
        for (String user : new String[] {"dynamic", "unknown", "forged", "temp", "server", "allowed", "submit"}) {
            james.user(user + "@" + DOMAIN);
        }
        mailboxes = new Mailboxes(james.imapPort());
    }

    @AfterAll
    static void stop() {
        if (james != null) {
            james.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static Submit from(String client) throws IOException {
        return new Submit(james.smtpPort()).from(InetAddress.getByName(client));
    }

    /** A mail from {@code client} to {@code user@s25r.test} is refused at RCPT TO with {@code reply}; nothing stored. */
    private static void refusedAtRcpt(String client, String user, String reply) {
        String to = user + "@" + DOMAIN;
        assertThatThrownBy(() -> from(client).inbound("mta@example.org", to, message(to)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SMTP server answered RCPT TO:<" + to + "> with: " + reply);
        assertThat(mailboxes.headers(to, "INBOX")).isEmpty();
    }

    @Test
    void a_dynamic_looking_client_gets_450_at_rcpt_to_naming_the_rule_and_nothing_is_stored() {
        refusedAtRcpt("127.0.0.2", "dynamic", "450 4.7.1 Client host rejected:"
                + " p1234-ipbf01funabasi.chiba.ocn.ne.jp[127.0.0.2] looks like a dynamic address (S25R rule 1); ask your"
                + " provider for a static address with proper reverse DNS, or relay through your provider's mail server");
    }

    @Test
    void a_client_without_ptr_or_with_a_ptr_not_resolving_back_cannot_be_found() {
        refusedAtRcpt("127.0.0.3", "unknown", "450 4.7.1 Client host rejected: cannot find your hostname, [127.0.0.3]"
                + " (S25R rule 0: no PTR record for 127.0.0.3)");
        refusedAtRcpt("127.0.0.6", "forged", "450 4.7.1 Client host rejected: cannot find your hostname, [127.0.0.6]"
                + " (S25R rule 0: PTR name mx.example.jp does not resolve back to 127.0.0.6)");
    }

    @Test
    void a_dns_failure_is_answered_450_and_said_to_be_temporary() {
        refusedAtRcpt("127.0.0.7", "temp", "450 4.7.1 Client host rejected: cannot find your hostname, [127.0.0.7]:"
                + " temporary DNS failure (PTR lookup failed: SERVFAIL); try again later");
    }

    @Test
    void a_server_like_client_is_accepted_and_not_marked_by_the_matcher() throws Exception {
        String to = "server@" + DOMAIN;
        from("127.0.0.4").inbound("news@example.co.jp", to, message(to));
        assertThat(HeaderFields.values(mailboxes.awaitOne(to, "INBOX"), "X-S25R")).isEmpty();
    }

    @Test
    void an_allow_listed_client_is_accepted_and_the_matcher_without_that_list_flags_it() throws Exception {
        String to = "allowed@" + DOMAIN;
        from("127.0.0.5").inbound("friend@bbtec.net", to, message(to));
        assertThat(HeaderFields.values(mailboxes.awaitOne(to, "INBOX"), "X-S25R")).containsExactly("flagged");
    }

    @Test
    void an_authenticated_client_on_a_dynamic_line_is_not_checked() throws Exception {
        String user = "dynamic@" + DOMAIN;
        String to = "submit@" + DOMAIN;
        from("127.0.0.2").authenticated(user, to, message(to));
        assertThat(mailboxes.awaitOne(to, "INBOX")).contains("Subject: S25R");
    }

    private static byte[] message(String to) {
        return ("From: sender@example.org\r\nTo: " + to + "\r\nSubject: S25R\r\n"
                + "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\nMessage-ID: <" + to.replace('@', '.') + "@s25r.test>\r\n"
                + "\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = S25rCheckJamesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
