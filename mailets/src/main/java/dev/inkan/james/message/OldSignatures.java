package dev.inkan.james.message;

import dev.inkan.message.HeaderBlock;
import dev.inkan.message.MessageLimits;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * OpenDKIM's {@code RemoveOldSignatures}: before a message is signed, every DKIM-Signature field it arrived with
 * is removed, so only the new signature leaves (a forwarder re-signing mail whose original signatures it does not
 * vouch for). Only when the message is going to be signed, as OpenDKIM does it; other fields are kept byte for
 * byte and in order. DomainKey-Signature fields are not DKIM-Signature fields and stay.
 */
public final class OldSignatures {

    private static final String FIELD = "DKIM-Signature";

    private OldSignatures() {
    }

    /**
     * Removes every DKIM-Signature field of {@code message} when it has any and {@code willSign} accepts its header
     * block (read as James holds it: enough to find the author, never used to sign).
     *
     * @return how many fields were removed
     */
    public static int removeBeforeSigning(MimeMessage message, Predicate<HeaderBlock> willSign)
            throws IOException, MessagingException {
        String[] old = message.getHeader(FIELD);
        if (old == null || old.length == 0
                || !willSign.test(MessageScan.scanHeader(message, MessageLimits.DEFAULT, List.of()).headers())) {
            return 0;
        }
        HeaderEditor.rewrite(message, List.of(), line -> !isDkimSignature(line));
        return old.length;
    }

    private static boolean isDkimSignature(String line) {
        return HeaderEditor.nameOf(line).toLowerCase(Locale.ROOT).equals(FIELD.toLowerCase(Locale.ROOT));
    }
}
