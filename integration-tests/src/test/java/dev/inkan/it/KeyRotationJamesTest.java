package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dkim.DkimReason;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DKIM key rotation on a running James 3.8.1 (conf-examples/multi-domain-tables, keyReloadInterval 1s): the
 * KeyTable is rewritten to a new selector and DkimSign signs with it without a restart; a broken KeyTable after
 * that changes nothing; at the next hop every message verifies (Inkan, dkimpy, Mail::DKIM) against a zone with
 * both selectors, and once the old selector is revoked (empty p=) only mail signed with it fails, key revoked.
 */
public class KeyRotationJamesTest {

    static final String SENDER = "alice@example.com";
    static final String RECIPIENT = "someone@elsewhere.example";
    static final AtomicInteger MESSAGES = new AtomicInteger();

    @TempDir
    static Path dir;
    static Path site;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static SigningKey old;
    static SigningKey ed;
    static SigningKey next;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        site = dir.resolve("etc-james-inkan");
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        old = generator.rsa(2048);
        ed = generator.ed25519();
        next = generator.rsa(2048);
        DkimZone.writeKey(old, site.resolve("keys/example.com/rsa2025.private"));
        DkimZone.writeKey(ed, site.resolve("keys/example.com/ed2025.private"));
        for (String other : List.of("example.org/mail", "hosted/hosted2025")) {
            DkimZone.writeKey(generator.ed25519(), site.resolve("keys/" + other + ".private"));
        }
        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("multi-domain-tables").siteRoot(site).remoteDeliveryTo(sink.port())
                .changed("<multipleSignatures>true</multipleSignatures>",
                        "<multipleSignatures>true</multipleSignatures>\n                <keyReloadInterval>1s</keyReloadInterval>")
                .installInto(conf, site);
        host = JamesHost.of(info);
        james = host.start(conf);
        james.user(SENDER);
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    @Test
    void the_key_table_is_rewritten_and_james_signs_with_the_new_selector_without_a_restart() throws Exception {
        DkimZone both = new DkimZone().publish("rsa2025", "example.com", old).publish("ed2025", "example.com", ed)
                .publish("rsa2026", "example.com", next);
        byte[] signedOld = send();
        assertThat(selectors(ThreeVerifiers.assertAllPass("before", signedOld, both, dir, 2))).containsExactly("rsa2025", "ed2025");

        // the switch: the new key file, then the KeyTable renamed over the old one (never read half-written)
        DkimZone.writeKey(next, site.resolve("keys/example.com/rsa2026.private"));
        replaceKeyTable(Files.readString(site.resolve("KeyTable")).replace("example.com:rsa2025:", "example.com:rsa2026:")
                .replace("rsa2025.private", "rsa2026.private"));
        byte[] signedNew = sendUntilSignedWith("rsa2026");
        assertThat(selectors(ThreeVerifiers.assertAllPass("after", signedNew, both, dir, 2))).containsExactly("rsa2026", "ed2025");
        ThreeVerifiers.assertAllPass("signed before the switch", signedOld, both, dir, 2);

        // a broken KeyTable: James goes on signing with the keys it has
        replaceKeyTable("rsa.example.com example.com:rsa2027\n");
        Thread.sleep(2_500);   // more than twice keyReloadInterval: the broken file has been looked at
        assertThat(selectors(ThreeVerifiers.assertAllPass("broken table", send(), both, dir, 2)))
                .containsExactly("rsa2026", "ed2025");

        // the old selector revoked: new mail passes, mail still signed with rsa2025 fails, key revoked
        DkimZone revoked = new DkimZone().txt("rsa2025._domainkey.example.com", DkimKeyRecord.revokedTextFor(KeyType.RSA))
                .publish("ed2025", "example.com", ed).publish("rsa2026", "example.com", next);
        ThreeVerifiers.assertAllPass("revoked, new mail", signedNew, revoked, dir, 2);
        ThreeVerifiers.Outcome o = ThreeVerifiers.verify("revoked, old mail", signedOld, revoked, dir);
        assertThat(o.inkan().get(0).reason()).isEqualTo(DkimReason.KEY_REVOKED);
        assertThat(o.dkimpy().signature(0).result()).isNotEqualTo("pass");
        assertThat(o.mailDkim().signature(0).result()).isNotEqualTo("pass");
        assertThat(o.inkan().get(1).passed()).as("the Ed25519 signature beside it").isTrue();
    }

    private static byte[] send() throws Exception {
        String id = "<rotation-" + MESSAGES.incrementAndGet() + "@test>";
        new Submit(james.smtpPort()).authenticated(SENDER, RECIPIENT, MailShape.PLAIN_TEXT.message(SENDER, RECIPIENT, id));
        return sink.awaitMessageId(id).data();
    }

    /** Sends until a message leaves signed with {@code selector}: James looks at the files once a second. */
    private static byte[] sendUntilSignedWith(String selector) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            byte[] message = send();
            if (new String(message, StandardCharsets.US_ASCII).contains("s=" + selector + ";")
                    || Instant.now().isAfter(deadline)) {
                return message;
            }
            Thread.sleep(200);
        }
    }

    private static void replaceKeyTable(String text) throws Exception {
        Path staged = Files.writeString(site.resolve("KeyTable.new"), text);
        Files.move(staged, site.resolve("KeyTable"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> selectors(ThreeVerifiers.Outcome o) {
        return o.inkan().stream().map(DkimVerdict::selector).toList();
    }
}
