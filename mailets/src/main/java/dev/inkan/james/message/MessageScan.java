package dev.inkan.james.message;

import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderField;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.server.core.MimeMessageWrapper;

/**
 * Streams a James message once through the engine: an unmodified message's source as James received it (else
 * {@code MimeMessage.writeTo}) into a {@link MessageSink}; or,
 * for checks that read only the header block (DMARC's From), just the header lines James holds.
 */
public final class MessageScan {

    private static final byte[] CRLF = {'\r', '\n'};

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
     * checks that hash no body. Not byte-exact for signatures; never use it for DKIM or ARC. The fields go to the
     * engine as they are ({@link MessageSink#headerOnly}); only a header James holds in a shape a sink would read
     * differently (a bare CR or LF, a line that starts folded) is written through a sink.
     */
    public static ScannedMessage scanHeader(MimeMessage message, MessageLimits limits,
            List<? extends BodyHashRequester> requesters) throws IOException, MessagingException {
        List<HeaderField> fields = new ArrayList<>();
        for (Enumeration<String> all = message.getAllHeaderLines(); all.hasMoreElements(); ) {
            Optional<HeaderField> field = MessageSink.fieldOf(fieldOctets(all.nextElement()));
            if (field.isEmpty()) {
                return scanHeaderThroughSink(message, limits, requesters);
            }
            fields.add(field.get());
        }
        return MessageSink.headerOnly(fields, limits, requesters);
    }

    /** As {@link #scanHeader}, every line written through a sink, which normalises what it holds. */
    private static ScannedMessage scanHeaderThroughSink(MimeMessage message, MessageLimits limits,
            List<? extends BodyHashRequester> requesters) throws IOException, MessagingException {
        MessageSink sink = new MessageSink(limits, requesters);
        for (Enumeration<String> all = message.getAllHeaderLines(); all.hasMoreElements(); ) {
            sink.write(fieldOctets(all.nextElement()));
        }
        sink.write(CRLF);
        sink.close();
        return sink.scanned();
    }

    /**
     * {@code line}'s octets with CRLF appended, in one array: JavaMail holds raw 8-bit header octets as ISO-8859-1
     * characters, or decoded UTF-8 (a character above U+00FF), and this gives the octets back.
     */
    private static byte[] fieldOctets(String line) {
        int length = line.length();
        byte[] field = new byte[length + 2];
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c >= 0x100) {
                byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
                field = Arrays.copyOf(utf8, utf8.length + 2);
                length = utf8.length;
                break;
            }
            field[i] = (byte) c;
        }
        field[length] = '\r';
        field[length + 1] = '\n';
        return field;
    }
}
