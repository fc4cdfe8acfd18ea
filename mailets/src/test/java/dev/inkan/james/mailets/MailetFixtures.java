package dev.inkan.james.mailets;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.james.message.HeaderEditor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.mail.internet.MimeMessage;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;

/** Keys, zone files and messages shared by the mailet and matcher unit tests. */
final class MailetFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final SigningKey RSA = new SigningKeyGenerator(new SecureRandom()).rsa(1024);
    static final SigningKey ED25519 = new SigningKeyGenerator(new SecureRandom()).ed25519();

    static final String MESSAGE = "Received: from client by mx; Sun, 22 Nov 2026 10:00:00 +0000\r\n"
            + "From: Joe <joe@example.com>\r\n"
            + "To: ann@example.net\r\n"
            + "Subject: hello\r\n"
            + "\tfolded\r\n"
            + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n"
            + "Message-ID: <1@example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Hi Ann.\r\n";

    private MailetFixtures() {
    }

    /** Writes the private keys and a zone file publishing both at rsa/ed._domainkey.example.com. */
    static Path keysAndZone(Path dir) throws Exception {
        Files.writeString(dir.resolve("rsa.private"), RSA.toPem());
        Files.writeString(dir.resolve("ed.private"), ED25519.toPem());
        Files.writeString(dir.resolve("zone"), "rsa._domainkey.example.com. IN TXT \"" + DkimKeyRecord.textFor(RSA.publicKey())
                + "\"\ned._domainkey.example.com. IN TXT \"" + DkimKeyRecord.textFor(ED25519.publicKey()) + "\"\n");
        return dir.resolve("zone");
    }

    /** A mail holding James's own message class, as a real server's spool gives it. */
    static Mail mail(String message) throws Exception {
        MimeMessage mime = new MimeMessageWrapper(MimeMessageInputStreamSource.create("mail-1",
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1))));
        return FakeMail.builder().name("mail-1").mimeMessage(mime).build();
    }

    /**
     * What James's message class writes around the fields Inkan puts on top of {@code message}: the text
     * {@link #above} them and {@link #below} them, found by putting a probe field on top as the mailets do
     * and saving. The two James lines differ here: 3.8.1's MailHeaders moves MIME-Version to the very top
     * on {@code saveChanges()} (above = "MIME-Version: 1.0"), 3.9's Angus Mail leaves it where it was
     * (above = ""). Neither field is signed, so signatures hold on both.
     */
    record JamesLayout(String above, String below) {

        static JamesLayout of(String message) throws Exception {
            String probe = "X-Inkan-Layout-Probe: 1\r\n";
            Mail mail = mail(message);
            HeaderEditor.rewrite(mail.getMessage(), List.of(probe), line -> true);
            mail.getMessage().saveChanges();
            String out = bytes(mail);
            int at = out.indexOf(probe);
            return new JamesLayout(out.substring(0, at), out.substring(at + probe.length()));
        }

        /** The whole message as James writes it when nothing went on top. */
        String unchanged() {
            return above + below;
        }
    }

    static String bytes(Mail mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
