package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParser;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf-examples/seed-opendkim on a real James: seed 001's OpenDKIM set-up (Mode sv, KeyTable/SigningTable with a
 * wildcard line, Canonicalization relaxed/simple, SignHeaders, TrustedHosts, On-BadSignature accept,
 * RemoveOldSignatures) checked as its author checked it: the signature's c= and h= at the next hop, verified by
 * Inkan, dkimpy and Mail::DKIM; forwarded mail re-signed with the operator's key, its own signature kept or, with
 * RemoveOldSignatures yes, removed. The trusted host (the first line of the seed's TrustedHosts, James's
 * authorizedAddresses) is 127.0.0.1, an MTA outside is 127.0.0.2. (The in-JVM James's DNS knows no other loopback
 * address, and James looks authorizedAddresses up through it.)
 */
public class SeedOpendkimTest {

    static final String MX = "mx.example.com";
    static final String FORWARD_TO = "dest@gmail.example";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static Mailboxes mailboxes;
    static DkimZone zone;
    static SigningKey origin;
    static InetAddress trustedHost;
    static InetAddress outside;
    static String dns;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey operator = generator.rsa(2048);
        origin = generator.rsa(2048);
        DkimZone.writeKey(operator, dir.resolve("etc-james-inkan/keys/example.com/default.private"));
        zone = new DkimZone().publish("default", "example.com", operator).publish("sel", "origin.example", origin);
        trustedHost = InetAddress.getByName("127.0.0.1");
        outside = InetAddress.getByName("127.0.0.2");

        sink = SmtpSink.start(true);
        host = JamesHost.of(info);
        dns = host.dnsParameters(zone, dir);
        james = host.start(conf(ConfExample.load("seed-opendkim"), "james"));
        for (String user : List.of("alice@example.com", "bob@example.com", "carol@example.com")) {
            james.user(user);
        }
        james.addressMapping("alias", "example.com", FORWARD_TO);
        mailboxes = new Mailboxes(james.imapPort());
    }

    /** The example as the test runs it, in {@code dir/name}, 127.0.0.1 in the test smtpserver.xml's authorizedAddresses. */
    private static JamesConf conf(ConfExample example, String name) {
        Path site = dir.resolve("etc-james-inkan");
        JamesConf conf = JamesConf.in(dir.resolve(name)).authorizedAddresses("127.0.0.1");
        example.siteRoot(site).dns(dns).remoteDeliveryTo(sink.port()).installInto(conf, site);
        return conf;
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @Test
    void a_users_mail_is_signed_relaxed_simple_over_the_sign_headers() throws Exception {
        String id = "<own@example.com>";
        new Submit(james.smtpPort()).authenticated("alice@example.com", "friend@elsewhere.example",
                MailShape.PLAIN_TEXT.message("Alice <alice@example.com>", "friend@elsewhere.example", id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("own", wire.data(), zone, dir, 1);
        assertThat(o.inkan().get(0).domain() + "/" + o.inkan().get(0).selector()).isEqualTo("example.com/default");
        TagList signature = signatureTags(wire);
        assertThat(signature.valueOrNull("c")).isEqualTo("relaxed/simple");
        assertThat(signature.valueOrNull("h")).as("SignHeaders, From not oversigned")
                .isEqualToIgnoringCase("date:from:to:subject:message-id");
    }

    @Test
    void mail_from_a_trusted_host_is_signed_and_not_verified() throws Exception {
        String id = "<app@example.com>";
        new Submit(james.smtpPort()).from(trustedHost).inbound("app@example.com", "friend@elsewhere.example",
                MailShape.PLAIN_TEXT.message("App <app@example.com>", "friend@elsewhere.example", id));
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("trusted", sink.awaitMessageId(id).data(), zone, dir, 1);
        assertThat(o.inkan().get(0).domain()).isEqualTo("example.com");

        // a broken signature from the trusted host reaches carol without any dkim= of ours
        String to = "carol@example.com";
        new Submit(james.smtpPort()).from(trustedHost).inbound("olga@origin.example", to, brokenSignature(to));
        String headers = mailboxes.awaitOne(to, "INBOX");
        assertThat(HeaderFields.authResults(headers, MX)).as("verified, though from a trusted host").isEmpty();
    }

    @Test
    void a_bad_signature_from_outside_is_recorded_and_the_mail_accepted() throws Exception {
        String to = "bob@example.com";
        new Submit(james.smtpPort()).from(outside).inbound("olga@origin.example", to, brokenSignature(to));

        List<AuthenticationResults> ours = HeaderFields.authResults(mailboxes.awaitOne(to, "INBOX"), MX);
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).results()).singleElement().satisfies(r -> {
            assertThat(r.method() + "=" + r.result()).isEqualTo("dkim=fail");
            assertThat(r.property("header", "d")).hasValue("origin.example");
        });
    }

    @Test
    void forwarded_mail_is_re_signed_by_the_wildcard_line_above_its_own_signature() throws Exception {
        SmtpSink.Received wire = forward(james, "<forwarded@origin.example>");
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("forwarded", wire.data(), zone, dir, 2);
        assertThat(o.inkan()).extracting(v -> v.domain() + "/" + v.selector())
                .containsExactly("example.com/default", "origin.example/sel");
        List<ResultInfo> arrival = HeaderFields.authResults(wire.headerBlock(), MX).get(0).results();
        assertThat(arrival).extracting(r -> r.method() + "=" + r.result()).as("verified on arrival")
                .containsExactly("dkim=pass");
    }

    @Test
    void with_remove_old_signatures_yes_only_the_operators_signature_leaves() throws Exception {
        ConfExample yes = ConfExample.load("seed-opendkim")
                .changed("<removeOldSignatures>no</removeOldSignatures>", "<removeOldSignatures>yes</removeOldSignatures>");
        James resigning = host.start(conf(host.deployed() ? yes : yes.withoutJmx(), "james-remove")
                .jmxSuffix("remove"));
        resigning.domain("example.com").addressMapping("alias", "example.com", FORWARD_TO);

        SmtpSink.Received wire = forward(resigning, "<resigned@origin.example>");
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("resigned", wire.data(), zone, dir, 1);
        assertThat(o.inkan()).extracting(v -> v.domain() + "/" + v.selector()).containsExactly("example.com/default");
    }

    /** A message of origin.example, signed there by dkimpy, sent from outside to alias@example.com; what leaves. */
    private static SmtpSink.Received forward(James server, String id) throws Exception {
        byte[] signed = Signers.dkimpy(MailShape.PLAIN_TEXT.message("Olga <olga@origin.example>", "alias@example.com", id),
                origin, "origin.example", "sel", dir);
        new Submit(server.smtpPort()).from(outside).inbound("olga@origin.example", "alias@example.com", signed);
        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.rcptTo()).containsExactly("<" + FORWARD_TO + ">");
        return wire;
    }

    /** A message of origin.example whose signature no longer verifies (its body changed after signing). */
    private static byte[] brokenSignature(String to) {
        String id = "<broken-" + to.replace('@', '.') + ">";
        return Signers.tamperBody(Signers.dkimpy(MailShape.PLAIN_TEXT.message("Olga <olga@origin.example>", to, id),
                origin, "origin.example", "sel", dir));
    }

    /** The tags of the one DKIM-Signature that left James. */
    private static TagList signatureTags(SmtpSink.Received wire) {
        List<String> fields = HeaderFields.values(wire.headerBlock(), "DKIM-Signature");
        assertThat(fields).hasSize(1);
        return TagListParser.parse(fields.get(0)).list();
    }
}
