package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimReason;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.FakeDnsServer;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Inkan mailets on a real James, configured or fed to fail (it-conf/robustness-mailetcontainer.xml):
 * their failures become results or unsigned mail, never lost mail. Also the one configuration that really
 * breaks signatures, convertTo7Bit=false with a next hop that lacks 8BITMIME, shown on the wire.
 */
class RobustnessTest {

    static final String AUTHSERV = "mx.robust.test";
    static final String SENDER = "sender@robust.test";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static FakeDnsServer dns;
    static RunningJames james;
    static DkimZone zone;
    static SigningKey origin;

    @BeforeAll
    static void start() throws Exception {
        SecureRandom random = new SecureRandom();
        SigningKey robust = new SigningKeyGenerator(random).rsa(2048);
        origin = new SigningKeyGenerator(random).rsa(2048);
        Path site = dir.resolve("site");
        DkimZone.writeKey(robust, site.resolve("robust.private"));
        zone = new DkimZone().publish("sel", "robust.test", robust).publish("sel", "origin.example", origin);
        Path zoneFile = zone.writeZoneFile(site.resolve("dns.zone"));
        dns = new FakeDnsServer(zone);
        sink = SmtpSink.start(true);

        String xml = resource("/it-conf/robustness-mailetcontainer.xml")
                .replace("@DNS_PORT@", String.valueOf(dns.port()))
                .replace("@CLOSED_PORT@", String.valueOf(closedUdpPort()))
                .replace("@ZONE@", zoneFile.toString())
                .replace("@SITE@", site.toString())
                .replace("@SINK_PORT@", String.valueOf(sink.port()));
        JamesConf conf = JamesConf.in(dir.resolve("james")).mailetContainer(xml);
        james = RunningJames.start(conf).user(SENDER).user("dns-port@robust.test").user("dns-down@robust.test")
                .user("big-header@robust.test");
    }

    @AfterAll
    static void stop() throws Exception {
        if (james != null) {
            james.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void dkim_verify_asks_the_dns_server_given_as_host_and_port() throws Exception {
        ResultInfo dkim = deliverSignedTo("dns-port@robust.test", "<dns-port@origin.example>", "");

        assertThat(dkim.result()).as("dkim result (%s)", dkim).isEqualTo("pass");
        assertThat(dns.queries()).as("queries the test's DNS server on port %d answered", dns.port()).isPositive();
    }

    @Test
    void unreachable_dns_gives_temperror_and_the_mail_is_delivered() throws Exception {
        ResultInfo dkim = deliverSignedTo("dns-down@robust.test", "<dns-down@origin.example>", "");

        assertThat(dkim.result()).as("dkim result (%s)", dkim).isEqualTo("temperror");
        assertThat(dkim.comment()).startsWith(DkimReason.KEY_UNAVAILABLE.text());
    }

    @Test
    void a_header_over_maxHeaderBytes_gives_permerror_and_the_mail_is_delivered() throws Exception {
        String padding = "X-Padding: " + "p".repeat(70) + "\r\n";
        ResultInfo dkim = deliverSignedTo("big-header@robust.test", "<big-header@origin.example>", padding.repeat(20));

        assertThat(dkim.result()).as("dkim result (%s)", dkim).isEqualTo("permerror");
        assertThat(dkim.comment()).contains("1024");
    }

    @Test
    void convertTo7Bit_false_and_a_hop_without_8bitmime_break_the_body_hash() throws Exception {
        sink.advertise8BitMime(false);
        String id = "<no-conversion-7bit-hop@robust.test>";
        new Submit(james.smtpPort()).authenticated(SENDER, "bob@no-conversion.test",
                MailShape.UTF8_8BIT.message(SENDER, "bob@no-conversion.test", id));
        SmtpSink.Received wire = sink.awaitMessageId(id);

        // RemoteDelivery converted the body to quoted-printable after DkimSign had signed the 8bit one
        assertThat(wire.headerBlock()).contains("Content-Transfer-Encoding: quoted-printable")
                .contains("X-MIME-Autoconverted: from 8bit to quoted-printable");
        ThreeVerifiers.Outcome o = ThreeVerifiers.verify("no-conversion-7bit-hop", wire.data(), zone, dir);
        assertThat(o.inkan()).singleElement().satisfies(v -> assertThat(v.reason()).isEqualTo(DkimReason.BODY_HASH_MISMATCH));
        assertThat(o.dkimpy().signature(0).result()).isNotEqualTo("pass");
        assertThat(o.dkimpy().signature(0).detail()).contains("body hash mismatch");
        assertThat(o.mailDkim().signature(0).result()).isNotEqualTo("pass");
        assertThat(o.mailDkim().signature(0).detail()).contains("body has been altered");
    }

    @Test
    void convertTo7Bit_false_and_an_8bitmime_hop_send_8bit_and_verify() throws Exception {
        sink.advertise8BitMime(true);
        String id = "<no-conversion-8bit-hop@robust.test>";
        new Submit(james.smtpPort()).authenticated(SENDER, "bob@no-conversion.test",
                MailShape.UTF8_8BIT.message(SENDER, "bob@no-conversion.test", id));
        SmtpSink.Received wire = sink.awaitMessageId(id);

        assertThat(wire.headerBlock()).contains("Content-Transfer-Encoding: 8bit");
        assertThat(wire.text()).contains("Grüße aus Köln");
        ThreeVerifiers.assertAllPass("no-conversion-8bit-hop", wire.data(), zone, dir, 1);
    }

    @Test
    void a_message_dkim_sign_refuses_leaves_unsigned() throws Exception {
        sink.advertise8BitMime(true);
        String id = "<too-many-fields@robust.test>";
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            fields.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        String message = "From: " + SENDER + "\r\nTo: bob@default.test\r\nSubject: 1001 more fields\r\n"
                + "Message-ID: " + id + "\r\n" + fields + "\r\nOver the 1000 header fields DkimSign accepts.\r\n";
        new Submit(james.smtpPort()).authenticated(SENDER, "bob@default.test", message.getBytes(StandardCharsets.US_ASCII));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.headerBlock()).doesNotContain("DKIM-Signature").contains("X-Field-1000: 1000");
    }

    @Test
    void an_exception_inside_dkim_sign_leaves_the_mail_unsigned_not_lost() throws Exception {
        sink.advertise8BitMime(true);
        String id = "<broken-multipart@robust.test>";
        // JavaMail cannot parse this multipart (no boundary line): DkimSign's 7bit conversion throws, and so
        // does the saveChanges() it falls back to, so the mail cannot be brought to James's fixed point
        String message = "From: " + SENDER + "\r\nTo: bob@default.test\r\nSubject: broken multipart\r\n"
                + "Message-ID: " + id + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\nNo parts here.\r\n";
        new Submit(james.smtpPort()).authenticated(SENDER, "bob@default.test", message.getBytes(StandardCharsets.US_ASCII));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.headerBlock()).doesNotContain("DKIM-Signature");
        assertThat(wire.text()).contains("No parts here.");
    }

    /** Sends an origin.example-signed mail from outside to {@code user}; returns our one dkim result. */
    private ResultInfo deliverSignedTo(String user, String messageId, String extraHeaders) throws Exception {
        String message = "From: Olga <olga@origin.example>\r\nTo: " + user + "\r\nSubject: test\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n" + extraHeaders
                + "\r\nHello.\r\n";
        byte[] signed = Signers.inkan(message.getBytes(StandardCharsets.US_ASCII), origin, "origin.example", "sel");
        new Submit(james.smtpPort()).inbound("olga@origin.example", user, signed);

        String headers = new Mailboxes(james.imapPort()).awaitOne(user, "INBOX");
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        assertThat(ours).as("our Authentication-Results in\n%s", headers).hasSize(1);
        assertThat(ours.get(0).results()).hasSize(1);
        return ours.get(0).results().get(0);
    }

    private static int closedUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RobustnessTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
