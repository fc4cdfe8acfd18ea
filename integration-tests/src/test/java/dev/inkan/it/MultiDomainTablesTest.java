package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * conf-examples/multi-domain-tables on a real James: the example's KeyTable and SigningTable pick the keys by
 * From address (two signatures for example.com, one for example.org and its subdomains, one shared key for
 * hosted domains, none for others), and what reaches the next hop verifies with Inkan, dkimpy and Mail::DKIM.
 */
public class MultiDomainTablesTest {

    static final String RECIPIENT = "someone@elsewhere.example";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static DkimZone zone;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        Path site = dir.resolve("etc-james-inkan");
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey comRsa = generator.rsa(2048);
        SigningKey comEd = generator.ed25519();
        SigningKey org = generator.rsa(2048);
        SigningKey hosted = generator.rsa(2048);
        DkimZone.writeKey(comRsa, site.resolve("keys/example.com/rsa2025.private"));
        DkimZone.writeKey(comEd, site.resolve("keys/example.com/ed2025.private"));
        DkimZone.writeKey(org, site.resolve("keys/example.org/mail.private"));
        DkimZone.writeKey(hosted, site.resolve("keys/hosted/hosted2025.private"));
        zone = new DkimZone().publish("rsa2025", "example.com", comRsa).publish("ed2025", "example.com", comEd)
                .publish("mail", "example.org", org).publish("hosted2025", "customer-a.example", hosted)
                .publish("hosted2025", "customer-b.example", hosted);

        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("multi-domain-tables").siteRoot(site).remoteDeliveryTo(sink.port()).installInto(conf, site);
        host = JamesHost.of(info);
        james = host.start(conf);
        for (String user : List.of("alice@example.com", "bob@example.org", "dora@lists.example.org",
                "erin@customer-a.example", "fred@customer-b.example", "gina@unlisted.example")) {
            james.user(user);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice@example.com       | example.com/rsa2025 example.com/ed2025",
        "bob@example.org         | example.org/mail",
        "dora@lists.example.org  | example.org/mail",
        "erin@customer-a.example | customer-a.example/hosted2025",
        "fred@customer-b.example | customer-b.example/hosted2025",
        "gina@unlisted.example   | ''",
    })
    void the_signing_table_picks_the_keys_and_every_signature_verifies(String sender, String expected) throws Exception {
        String id = "<tables-" + sender.replace('@', '.') + "@test>";
        new Submit(james.smtpPort()).authenticated(sender, RECIPIENT, MailShape.UTF8_8BIT.message(sender, RECIPIENT, id));
        SmtpSink.Received wire = sink.awaitMessageId(id);

        List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        ThreeVerifiers.Outcome o = ThreeVerifiers.assertAllPass(sender, wire.data(), zone, dir, wanted.size());
        assertThat(o.inkan()).extracting(v -> v.domain() + "/" + v.selector()).containsExactlyElementsOf(wanted);
        if (sender.startsWith("alice")) {
            assertThat(o.inkan()).extracting(DkimVerdict::algorithm).containsExactly("rsa-sha256", "ed25519-sha256");
        }
    }
}
