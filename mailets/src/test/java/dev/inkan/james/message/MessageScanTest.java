package dev.inkan.james.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.message.HeaderField;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** The header-only scan reads James's parsed header as a sink would read the same header block. */
class MessageScanTest {

    private static final String HEADER = "Received: from mta.remote.test\r\n\tby mx.example.net; Sun, 22 Nov 2026\r\n"
            + "From: Caf\u00e9 <alice@origin.example>\r\n"
            + "Subject: hello\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=origin.example;\r\n  s=sel; b=abc\r\n";

    @Test
    void fieldsAsJamesHoldsThemScanAsTheHeaderBlockDoes() throws Exception {
        byte[] raw = (HEADER + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        ScannedMessage fromJames = MessageScan.scanHeader(message(raw), MessageLimits.DEFAULT, List.of());
        ScannedMessage fromBytes = MessageSink.scan(new ByteArrayInputStream(
                (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)), MessageLimits.DEFAULT, List.of());
        assertThat(texts(fromJames)).isEqualTo(texts(fromBytes)).hasSize(4);
        assertThat(fromJames.size()).isEqualTo(fromBytes.size());
    }

    @Test
    void aLineJamesHoldsWithABareLineFeedIsReadThroughASink() throws Exception {
        MimeMessage message = message((HEADER + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
        message.addHeaderLine("X-Added: one\n two"); // a bare LF inside: no field as it is
        ScannedMessage scanned = MessageScan.scanHeader(message, MessageLimits.DEFAULT, List.of());
        assertThat(texts(scanned)).hasSize(5).last().isEqualTo("X-Added: one\r\n two");
    }

    private static MimeMessage message(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static List<String> texts(ScannedMessage scanned) {
        return scanned.headers().fields().stream().map(HeaderField::text).toList();
    }
}
