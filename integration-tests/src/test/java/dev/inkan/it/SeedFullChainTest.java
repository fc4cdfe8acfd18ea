package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ArcValidators;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import dev.inkan.tagvalue.TagListParser;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf-examples/seed-full-chain on a real James: seed 002's chain (pyspf-milter, OpenDKIM, OpenDMARC, OpenARC).
 * What leaves is DKIM-signed and ARC-sealed with the one key of example.com (selector 20220826); the next hop,
 * "Gmail" (Inkan's engine in the test, connected to by James from 127.0.0.1), shows what the seed's author saw:
 * dkim=pass, spf=pass, arc=pass, dmarc=pass, with the ARC-Seal, ARC-Message-Signature and
 * ARC-Authentication-Results on top of the DKIM-Signature. Mail from outside (127.0.0.2) for an alias is checked
 * on arrival and forwarded sealed: the next hop sees SPF fail (the forwarder is not in the author's SPF record)
 * but arc=pass, with this hop's spf=pass, dkim=pass and dmarc=pass in the ARC-Authentication-Results. The chains
 * and signatures on the wire are checked by Inkan, dkimpy and Mail::DKIM too.
 */
public class SeedFullChainTest {

    static final String MX = "mx.example.com";
    static final Set<String> ARC_AND_DKIM = Set.of("arc-seal", "arc-message-signature", "arc-authentication-results",
            "dkim-signature");

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static DkimZone zone;
    static SigningKey origin;
    static Authenticator gmail;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = generator.rsa(2048);
        origin = generator.rsa(2048);
        Path site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(key, site.resolve("keys/example.com/20220826.private"));
        // James sends from 127.0.0.1 (example.com's SPF record); the author's MTA of origin.example is 127.0.0.2
        zone = new DkimZone()
                .publish("20220826", "example.com", key)
                .txt("example.com", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=none")
                .publish("sel", "origin.example", origin)
                .txt("origin.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject");
        gmail = new Authenticator(AuthenticationConfig.builder(zone.resolver(), "mx.google.example").build());

        sink = SmtpSink.start(true);
        host = JamesHost.of(info);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("seed-full-chain").siteRoot(site).dns(host.dnsParameters(zone, dir))
                .remoteDeliveryTo(sink.port()).installInto(conf, site);
        james = host.start(conf).user("alice@example.com").addressMapping("alias", "example.com", "dest@gmail.example");
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @Test
    void a_users_mail_is_signed_then_sealed_with_the_same_key_and_passes_everything_at_gmail() throws Exception {
        String id = "<gmail-test@example.com>";
        new Submit(james.smtpPort()).authenticated("alice@example.com", "friend@gmail.example",
                MailShape.PLAIN_TEXT.message("Alice <alice@example.com>", "friend@gmail.example", id));
        SmtpSink.Received wire = sink.awaitMessageId(id);
        String headers = wire.headerBlock();

        assertThat(HeaderFields.names(headers).stream().filter(n -> ARC_AND_DKIM.contains(n.toLowerCase())))
                .as("the seed's order: OpenARC's set above OpenDKIM's signature")
                .containsExactly("ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results", "DKIM-Signature");
        ThreeVerifiers.Outcome dkim = ThreeVerifiers.assertAllPass("own", wire.data(), zone, dir, 1);
        assertThat(dkim.inkan().get(0).domain() + "/" + dkim.inkan().get(0).selector()).isEqualTo("example.com/20220826");
        assertThat(HeaderFields.values(headers, "ARC-Seal")).singleElement().asString()
                .startsWith("i=1; a=rsa-sha256; cv=none; d=example.com; s=20220826;");
        String amsSigned = TagListParser.parse(HeaderFields.values(headers, "ARC-Message-Signature").get(0)).list()
                .valueOrNull("h");
        assertThat(amsSigned.toLowerCase()).as("the ARC-Message-Signature covers the DKIM-Signature").contains("dkim-signature");
        AuthenticationResults aar = HeaderFields.arcAuthenticationResults(headers, 1);
        assertThat(aar.authservId()).isEqualTo(MX);
        assertThat(aar.results()).extracting(r -> r.method() + "=" + r.result()).as("a user's mail is not checked")
                .containsExactly("arc=none");
        ArcValidators.assertChainPasses("own", wire.data(), zone, dir, 1, 0);

        List<ResultInfo> atGmail = gmail(wire).resultInfos();
        assertThat(atGmail).extracting(r -> r.method() + "=" + r.result())
                .containsExactlyInAnyOrder("dkim=pass", "arc=pass", "spf=pass", "dmarc=pass");
        assertThat(result(atGmail, "dmarc").property("header", "from")).hasValue("example.com");
        assertThat(result(atGmail, "dkim").property("header", "s")).hasValue("20220826");
    }

    @Test
    void mail_checked_on_arrival_and_forwarded_carries_this_hops_results_in_a_chain_gmail_accepts() throws Exception {
        String id = "<forwarded@origin.example>";
        byte[] signed = Signers.dkimpy(MailShape.PLAIN_TEXT.message("Olga <olga@origin.example>", "alias@example.com", id),
                origin, "origin.example", "sel", dir);
        new Submit(james.smtpPort()).from(InetAddress.getByName("127.0.0.2"))
                .inbound("olga@origin.example", "alias@example.com", signed);
        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.rcptTo()).containsExactly("<dest@gmail.example>");
        String headers = wire.headerBlock();

        // checked on arrival: Received-SPF, and one Authentication-Results of ours with all four
        assertThat(HeaderFields.values(headers, "Received-SPF")).singleElement()
                .extracting(v -> v.replaceAll("\\s+", " ")).asString()
                .startsWith("pass (mx.example.com: domain of olga@origin.example designates 127.0.0.2 as permitted sender)");
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, MX);
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).results()).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("spf=pass", "dkim=pass", "arc=none", "dmarc=pass");

        // sealed with example.com's DKIM key, this hop's results in the AAR; the author's signature intact
        assertThat(HeaderFields.values(headers, "ARC-Seal")).singleElement().asString()
                .startsWith("i=1; a=rsa-sha256; cv=none; d=example.com; s=20220826;");
        AuthenticationResults aar = HeaderFields.arcAuthenticationResults(headers, 1);
        assertThat(aar.authservId()).isEqualTo(MX);
        assertThat(aar.results()).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("spf=pass", "dkim=pass", "arc=none", "dmarc=pass");
        assertThat(result(aar.results(), "dkim").property("header", "d")).hasValue("origin.example");
        assertThat(result(aar.results(), "dmarc").property("header", "from")).hasValue("origin.example");
        ArcValidators.assertChainPasses("forwarded", wire.data(), zone, dir, 1, 0);
        ThreeVerifiers.Outcome dkim = ThreeVerifiers.assertAllPass("forwarded", wire.data(), zone, dir, 1);
        assertThat(dkim.inkan().get(0).domain()).as("mail of another domain is not signed here").isEqualTo("origin.example");

        List<ResultInfo> atGmail = gmail(wire).resultInfos();
        assertThat(atGmail).extracting(r -> r.method() + "=" + r.result())
                .containsExactlyInAnyOrder("dkim=pass", "arc=pass", "spf=fail", "dmarc=pass");
        assertThat(result(atGmail, "arc").property("header", "oldest-pass")).hasValue("0");
    }

    /** The next hop's checks of the bytes James sent from 127.0.0.1 with its MAIL FROM. */
    private static Authentication gmail(SmtpSink.Received wire) throws Exception {
        String mailFrom = wire.mailFrom().replaceAll("^<|>$", "");
        return gmail.authenticate(new ByteArrayInputStream(wire.data()),
                SmtpEnvelope.of(InetAddress.getByName("127.0.0.1"), MX, mailFrom));
    }

    private static ResultInfo result(List<ResultInfo> results, String method) {
        return results.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + "= in " + results));
    }
}
