package dev.inkan.james.message;

import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.util.List;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/** Streams a James message once through the engine: {@code MimeMessage.writeTo} into a {@link MessageSink}. */
public final class MessageScan {

    private MessageScan() {
    }

    public static ScannedMessage scan(MimeMessage message, MessageLimits limits, List<? extends BodyHashRequester> requesters)
            throws IOException, MessagingException {
        MessageSink sink = new MessageSink(limits, requesters);
        message.writeTo(sink);
        sink.close();
        return sink.scanned();
    }
}
