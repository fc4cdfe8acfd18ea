package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf-examples/forwarding-resign on a real James: mail from outside for an alias is forwarded by James's
 * RecipientRewriteTable to an address elsewhere and leaves with the operator's signature on top of the
 * original one; both verify at the next hop with Inkan, dkimpy and Mail::DKIM.
 */
public class ForwardingResignTest {

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static DkimZone zone;
    static SigningKey origin;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        Path site = dir.resolve("etc-james-inkan");
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey operator = generator.rsa(2048);
        origin = generator.rsa(2048);
        DkimZone.writeKey(operator, site.resolve("keys/example.net/fwd2025.private"));
        zone = new DkimZone().publish("fwd2025", "example.net", operator).publish("sel", "origin.example", origin);

        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("forwarding-resign").siteRoot(site).remoteDeliveryTo(sink.port()).installInto(conf, site);
        host = JamesHost.of(info);
        james = host.start(conf).user("carol@example.net").addressMapping("alias", "example.net", "dest@elsewhere.example");
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @Test
    void forwarded_mail_carries_the_operators_signature_on_top_of_the_original() throws Exception {
        String id = "<forwarded@origin.example>";
        byte[] original = Signers.dkimpy(MailShape.PLAIN_TEXT.message("Olga <olga@origin.example>", "alias@example.net", id),
                origin, "origin.example", "sel", dir);
        new Submit(james.smtpPort()).inbound("olga@origin.example", "alias@example.net", original);

        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.rcptTo()).containsExactly("<dest@elsewhere.example>");
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("forwarded", wire.data(), zone, dir, 2);
        assertThat(o.inkan()).extracting(v -> v.domain() + "/" + v.selector())
                .containsExactly("example.net/fwd2025", "origin.example/sel");
    }

    @Test
    void the_users_own_mail_is_signed_once_with_the_same_key() throws Exception {
        String id = "<own@example.net>";
        new Submit(james.smtpPort()).authenticated("carol@example.net", "friend@elsewhere.example",
                MailShape.MULTIPART_MIXED_ATTACHMENT.message("carol@example.net", "friend@elsewhere.example", id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass("own", wire.data(), zone, dir, 1);
        assertThat(o.inkan().get(0).domain()).isEqualTo("example.net");
    }
}
