package dev.inkan.james.message;

import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.server.core.MimeMessageWrapper;

/**
 * Streams a James message once through the engine: an unmodified message's source as James received it (else
 * {@code MimeMessage.writeTo}) into a {@link MessageSink}; or,
 * for checks that read only the header block (DMARC's From), just the header lines James holds.
 */
public final class MessageScan {

    private MessageScan() {
    }

    public static ScannedMessage scan(MimeMessage message, MessageLimits limits, List<? extends BodyHashRequester> requesters)
            throws IOException, MessagingException {
        MessageSink sink = new MessageSink(limits, requesters);
        if (message instanceof MimeMessageWrapper wrapper && !wrapper.isModified()) {
            // James's writeTo parses the header block from its source and writes it out again even when nothing
            // changed (a third of reading the message); unmodified, the source is the message as received
            try (InputStream in = wrapper.getMessageInputStream()) {
                in.transferTo(sink);
            }
        } else {
            message.writeTo(sink);
        }
        sink.close();
        return sink.scanned();
    }

    /**
     * The header block only, as James holds it ({@code getAllHeaderLines}, folding kept), and an empty body: for
     * checks that hash no body. Not byte-exact for signatures; never use it for DKIM or ARC.
     */
    public static ScannedMessage scanHeader(MimeMessage message, MessageLimits limits,
            List<? extends BodyHashRequester> requesters) throws IOException, MessagingException {
        MessageSink sink = new MessageSink(limits, requesters);
        for (String line : java.util.Collections.list(message.getAllHeaderLines())) {
            // JavaMail holds raw 8-bit header octets as ISO-8859-1 characters, or decoded UTF-8: give back octets
            boolean octets = dev.inkan.message.Octets.allBelow(line, 0x100);
            sink.write((line + "\r\n").getBytes(octets ? java.nio.charset.StandardCharsets.ISO_8859_1
                    : java.nio.charset.StandardCharsets.UTF_8));
        }
        sink.write(new byte[] {'\r', '\n'});
        sink.close();
        return sink.scanned();
    }
}
