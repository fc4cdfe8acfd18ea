package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.interop.ArcPeer;
import dev.inkan.it.harness.ArcValidators;
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
import dev.inkan.it.harness.SmtpTap;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * conf-examples/arc-forwarding and conf-examples/dmarc-inbound on two real James servers in one JVM, talking
 * SMTP: a post signed by its author's domain (p=reject) goes to the list lists.example.org (hop 1), which
 * verifies it on arrival, tags the Subject, expands the list and ARC-seals the copy for the members; the
 * members' server mx.example.net (hop 2) sees the author's DKIM signature fail and SPF fail, but a passing ARC
 * chain whose ARC-Authentication-Results say the list saw dkim=pass, and delivers it to the INBOX because the
 * list is a trusted sealer. Between the two a tap keeps the exact bytes, which Inkan, dkimpy and Mail::DKIM
 * validate as an ARC chain. The author's MTA connects to the list from 127.0.0.2, the list to the members from
 * 127.0.0.1: the author's SPF record lists only the first.
 */
public class ArcForwardingTest {

    static final String LIST = "friends@lists.example.org";
    static final String MX = "mx.example.net";
    static final List<String> MEMBERS = List.of("bob@example.net", "carol@example.net");

    @TempDir
    static Path dir;
    static DkimZone zone;
    static SigningKey author;
    static SigningKey upstream;
    static InetAddress authorsMta;
    static SmtpSink sink;
    static SmtpTap tap;
    static JamesHost host;
    static James members;
    static James list;
    static Mailboxes mailboxes;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        author = generator.rsa(2048);
        upstream = generator.rsa(2048);
        SigningKey sealer = generator.rsa(2048);
        authorsMta = InetAddress.getByName("127.0.0.2");
        zone = new DkimZone()
                .publish("sel", "origin.example", author)
                .txt("origin.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .publish("sel", "news.example", author)
                .txt("news.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.news.example", "v=DMARC1; p=none")
                .publish("arc", "fwd.example", upstream)
                .publish("arc2025", "lists.example.org", sealer);
        host = JamesHost.of(info);
        String dns = host.dnsParameters(zone, dir);
        Path site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(sealer, site.resolve("keys/lists.example.org/arc2025.private"));

        // hop 2, the members' server; its own RemoteDelivery (bounces) would go to the sink
        sink = SmtpSink.start(true);
        JamesConf membersConf = JamesConf.in(dir.resolve("members"));
        ConfExample.load("dmarc-inbound").dns(dns).skipNetworks("::1").remoteDeliveryTo(sink.port())
                .installInto(membersConf, dir.resolve("members-site"));
        members = host.start(membersConf);
        for (String member : MEMBERS) {
            members.user(member);
        }
        mailboxes = new Mailboxes(members.imapPort());

        // hop 1, the list, relaying to hop 2 through the tap; the second server in this JVM: JMX names changed/off
        tap = SmtpTap.to(members.smtpPort());
        JamesConf listConf = JamesConf.in(dir.resolve("list")).jmxSuffix("list");
        ConfExample.load("arc-forwarding").siteRoot(site).dns(dns).skipNetworks("::1")
                .remoteDeliveryTo(tap.port()).withoutJmx().installInto(listConf, site);
        list = host.start(listConf).domain("lists.example.org");
        for (String member : MEMBERS) {
            list.addressMapping("friends", "lists.example.org", member);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, tap, sink);
    }

    @Test
    void the_members_see_dkim_fail_but_arc_pass_with_the_lists_dkim_pass_in_the_chain() throws Exception {
        String id = "<picnic@origin.example>";
        byte[] post = Signers.dkimpy(message("Olga <olga@origin.example>", LIST, "Picnic on Sunday", id), author,
                "origin.example", "sel", dir);
        new Submit(list.smtpPort()).from(authorsMta).inbound("olga@origin.example", LIST, post);

        for (String member : MEMBERS) {
            String headers = awaitMessage(member, id);
            assertThat(HeaderFields.values(headers, "Subject")).containsExactly("[friends] Picnic on Sunday");
            assertThat(HeaderFields.values(headers, "List-Id")).containsExactly("<friends.lists.example.org>");

            List<ResultInfo> ours = ourResults(headers);
            assertThat(ours).extracting(ResultInfo::method).containsExactly("dkim", "spf", "arc", "dmarc");
            ResultInfo dkim = ours.get(0);
            assertThat(dkim.result()).as("the Subject tag broke the author's signature").isEqualTo("fail");
            assertThat(dkim.property("header", "d")).hasValue("origin.example");
            assertThat(ours.get(1).result()).as("the list is not in origin.example's SPF record").isEqualTo("fail");
            ResultInfo arc = ours.get(2);
            assertThat(arc.result()).isEqualTo("pass");
            assertThat(arc.property("header", "oldest-pass")).hasValue("0");
            ResultInfo dmarc = ours.get(3);
            assertThat(dmarc.result()).isEqualTo("fail");
            assertThat(dmarc.property("policy", "dmarc")).as("the trusted list's seal lifts p=reject").hasValue("none");
            assertThat(dmarc.comment()).isEqualTo("p=reject dis=none override=trusted_forwarder: ARC chain sealed first"
                    + " by trusted lists.example.org");
            assertThat(HeaderFields.values(headers, "X-Inkan-DMARC")).containsExactly("fail");

            // what the list saw on arrival, sealed into the chain
            assertThat(HeaderFields.values(headers, "ARC-Seal")).singleElement().asString()
                    .startsWith("i=1; a=rsa-sha256; cv=none; d=lists.example.org; s=arc2025;");
            AuthenticationResults aar = HeaderFields.arcAuthenticationResults(headers, 1);
            assertThat(aar.authservId()).isEqualTo("lists.example.org");
            assertThat(aar.results()).extracting(ResultInfo::method).containsExactly("spf", "dkim", "arc");
            assertThat(aar.results()).extracting(ResultInfo::result).containsExactly("pass", "pass", "none");
            assertThat(aar.results().get(1).property("header", "d")).hasValue("origin.example");
            assertThat(aar.results().get(1).property("header", "s")).hasValue("sel");
            assertThat(aar.results().get(0).property("smtp", "mailfrom")).hasValue("origin.example");
            assertThat(aar.results().get(2).property("smtp", "remote-ip")).hasValue("127.0.0.2");
        }

        // the bytes the list sent: one transaction for both members, a chain every ARC validator accepts
        SmtpSink.Received wire = tap.awaitMessageId(id);
        assertThat(wire.mailFrom()).isEqualTo("<olga@origin.example>");
        assertThat(wire.rcptTo()).containsExactlyInAnyOrder("<bob@example.net>", "<carol@example.net>");
        ArcValidators.assertChainPasses("list-post", wire.data(), zone, dir, 1, 0);
        ThreeVerifiers.Outcome dkim = ThreeVerifiers.verify("list-post", wire.data(), zone, dir);
        assertThat(dkim.inkan()).singleElement().satisfies(v -> assertThat(v.passed()).isFalse());
        assertThat(dkim.dkimpy().signature(0).result()).isEqualTo("fail");
        assertThat(dkim.mailDkim().signature(0).result()).isEqualTo("fail");
    }

    @Test
    void a_chain_that_arrives_sealed_is_sealed_again_with_the_verdict_from_arrival() throws Exception {
        // an earlier forwarder (dkimpy) sealed instance 1; the list validates it on arrival, then tags the
        // Subject, which breaks instance 1's ARC-Message-Signature, and seals instance 2 with cv=pass
        String id = "<relayed@news.example>";
        byte[] signed = Signers.inkan(message("News <olga@news.example>", LIST, "Weekly news", id), author,
                "news.example", "sel");
        byte[] sealed = dkimpySeal(signed, "fwd.example", "arc", "mx.fwd.example");
        new Submit(list.smtpPort()).from(authorsMta).inbound("olga@news.example", LIST, sealed);

        String headers = awaitMessage(MEMBERS.get(0), id);
        assertThat(HeaderFields.values(headers, "Subject")).containsExactly("[friends] Weekly news");
        ResultInfo arc = ourResults(headers).stream().filter(r -> r.method().equals("arc")).findFirst().orElseThrow();
        assertThat(arc.result()).isEqualTo("pass");
        assertThat(arc.property("header", "oldest-pass")).as("instance 1's AMS signed the untagged Subject").hasValue("2");
        assertThat(HeaderFields.values(headers, "ARC-Seal")).hasSize(2).first().asString()
                .startsWith("i=2; a=rsa-sha256; cv=pass; d=lists.example.org; s=arc2025;");
        AuthenticationResults aar = HeaderFields.arcAuthenticationResults(headers, 2);
        assertThat(aar.results()).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("spf=pass", "dkim=pass", "arc=pass");

        SmtpSink.Received wire = tap.awaitMessageId(id);
        ArcValidators.assertChainPasses("resealed", wire.data(), zone, dir, 2, 2);
    }

    /** The header block of the message {@code messageId} in {@code user}'s INBOX, waiting for it up to 60 s. */
    private static String awaitMessage(String user, String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                for (String headers : mailboxes.headers(user, "INBOX")) {
                    if (HeaderFields.values(headers, "Message-ID").contains(messageId)) {
                        return headers;
                    }
                }
            } catch (UncheckedIOException e) {
                // a read racing the delivery (see Mailboxes.await): ask again
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + "'s INBOX has no message " + messageId + " after 60 s");
    }

    /** dkimpy as a forwarding hop: validates, records arc= in its Authentication-Results, seals. */
    private static byte[] dkimpySeal(byte[] message, String domain, String selector, String authservId) throws Exception {
        Path work = Files.createDirectories(dir.resolve("dkimpy-seal"));
        Path file = Files.write(work.resolve("in.eml"), message);
        Path key = DkimZone.writeKey(upstream, work.resolve("upstream.pem"));
        ArcPeer.Hop hop = ArcPeer.dkimpy().seal(zone.interop(), List.of(new ArcPeer.SealRequest(file, selector, domain,
                key, authservId, System.currentTimeMillis() / 1000)), work).get(0);
        assertThat(hop.prefix()).as("dkimpy sealed (%s: %s)", hop.cv(), hop.detail()).contains("ARC-Seal:");
        byte[] prefix = hop.prefix().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(message, 0, out, prefix.length, message.length);
        return out;
    }

    /** The results in the members' server's one Authentication-Results field. */
    private static List<ResultInfo> ourResults(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, MX);
        assertThat(ours).as("Authentication-Results fields of %s in\n%s", MX, headers).hasSize(1);
        return ours.get(0).results();
    }

    private static byte[] message(String from, String to, String subject, String messageId) {
        return ("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
                + "\r\nHello friends,\r\n\r\nwho is coming?\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
