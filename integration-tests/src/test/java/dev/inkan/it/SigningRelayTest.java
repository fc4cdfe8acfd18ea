package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * conf-examples/signing-relay on a real James: a user submits over SMTP AUTH, James relays through
 * RemoteDelivery to an SMTP sink, and the bytes that arrive there verify with Inkan, dkimpy and Mail::DKIM,
 * whether or not the next hop offers 8BITMIME.
 */
public class SigningRelayTest {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.net";
    static final String CAROL = "carol@example.com";

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static JamesHost host;
    static James james;
    static DkimZone zone;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        Path site = dir.resolve("etc-james-inkan");
        SigningKey key = new SigningKeyGenerator(new SecureRandom()).rsa(2048);
        DkimZone.writeKey(key, site.resolve("keys/example.com/mail2025.private"));
        zone = new DkimZone().publish("mail2025", "example.com", key);

        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        ConfExample.load("signing-relay").siteRoot(site).remoteDeliveryTo(sink.port()).installInto(conf, site);
        host = JamesHost.of(info);
        james = host.start(conf).user(ALICE).user(CAROL);
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink);
    }

    static Stream<Arguments> shapesAndHops() {
        return Stream.of(MailShape.values()).flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
    }

    @ParameterizedTest(name = "{0}, next hop offers 8BITMIME: {1}")
    @MethodSource("shapesAndHops")
    void relayed_mail_leaves_signed_and_verifies_everywhere(MailShape shape, boolean eightBitMime) throws Exception {
        String id = "<" + shape.name().toLowerCase() + "-" + eightBitMime + "@example.com>";
        sink.advertise8BitMime(eightBitMime);

        new Submit(james.smtpPort()).authenticated(ALICE, BOB, shape.message("Alice <" + ALICE + ">", "Bob <" + BOB + ">", id));
        SmtpSink.Received wire = sink.awaitMessageId(id);

        assertThat(wire.offered8BitMime()).isEqualTo(eightBitMime);
        // James's saveChanges() puts MIME-Version first; DkimSign's field is right below it
        assertThat(wire.headerBlock()).startsWith("MIME-Version: 1.0\r\nDKIM-Signature: v=1; a=rsa-sha256;");
        if (shape.eightBit() && !shape.multipart()) {
            // DkimSign converted the 8bit body before signing (convertTo7Bit=true), whatever the next hop offers
            assertThat(hasEightBitBytes(wire.data())).as("8bit body converted to 7bit before signing").isFalse();
            assertThat(wire.headerBlock()).contains("Content-Transfer-Encoding: quoted-printable");
        } else if (shape.eightBit()) {
            // James 3.8.1: Converter7Bit rewrites the parts of a multipart in memory, but James's message class
            // (MimeMessageWrapper) does not see the body as modified and keeps writing the original body bytes.
            // So 8bit parts leave unconverted even to a hop without 8BITMIME; nothing changes after signing.
            assertThat(hasEightBitBytes(wire.data())).as("8bit parts of a multipart leave as they came").isTrue();
        }
        ThreeVerifiers.Outcome outcome = ThreeVerifiers.assertAllPass(shape + "-8bitmime-" + eightBitMime, wire.data(),
                zone, dir, 1);
        assertThat(outcome.inkan().get(0).domain()).isEqualTo("example.com");
        assertThat(outcome.inkan().get(0).selector()).isEqualTo("mail2025");
    }

    @Test
    void mail_from_a_domain_without_a_key_leaves_unsigned() throws Exception {
        String id = "<foreign-from@example.com>";
        sink.advertise8BitMime(true);
        new Submit(james.smtpPort()).authenticated(ALICE, BOB,
                MailShape.PLAIN_TEXT.message("Alice <alice@elsewhere.example>", BOB, id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.headerBlock()).doesNotContain("DKIM-Signature");
    }

    @Test
    void mail_for_a_local_and_a_remote_recipient_is_delivered_locally_and_leaves_signed() throws Exception {
        String id = "<local-and-remote@example.com>";
        sink.advertise8BitMime(false);
        new Submit(james.smtpPort()).authenticated(ALICE, List.of(CAROL, BOB),
                MailShape.MULTIPART_MIXED_ATTACHMENT.message(ALICE, CAROL + ", " + BOB, id));

        SmtpSink.Received wire = sink.awaitMessageId(id);
        assertThat(wire.rcptTo()).containsExactly("<" + BOB + ">");
        ThreeVerifiers.assertAllPass("local-and-remote", wire.data(), zone, dir, 1);
        String local = new Mailboxes(james.imapPort()).awaitOne(CAROL, "INBOX");
        assertThat(local).contains("Message-ID: " + id).contains("Delivered-To: " + CAROL);
    }

    static boolean hasEightBitBytes(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
