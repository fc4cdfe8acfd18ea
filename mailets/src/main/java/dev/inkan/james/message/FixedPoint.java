package dev.inkan.james.message;

import java.io.IOException;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.Converter7Bit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a message to the form James will send, before anything signs it (DkimSign, ArcSeal). Whenever James
 * writes a message whose header changed it runs JavaMail's {@code saveChanges()} (which rewrites MIME-Version
 * and moves it to the top), and it converts 8bit bodies to 7bit for next hops without 8BITMIME. Doing both
 * first makes James's later passes change nothing that is signed. A message whose MIME structure the 7bit
 * conversion cannot handle is left unconverted: a next hop with 8BITMIME (nearly all) receives it intact.
 */
public final class FixedPoint {

    private static final Logger LOG = LoggerFactory.getLogger(FixedPoint.class);

    private FixedPoint() {
    }

    /**
     * @param convertTo7Bit also convert 8bit parts to quoted-printable
     * @param mailName names the mail in the log
     * @throws MessagingException when even {@code saveChanges()} fails: the message cannot be signed reliably
     */
    public static void prepare(MimeMessage message, boolean convertTo7Bit, MailetContext context, String mailName)
            throws MessagingException {
        if (convertTo7Bit) {
            try {
                new Converter7Bit(context).convertTo7Bit(message); // ends with saveChanges()
                return;
            } catch (IOException | MessagingException | RuntimeException e) {
                LOG.warn("mail {}: 7bit conversion failed ({}); signing it unconverted", mailName, e.toString());
            }
        }
        message.saveChanges();
    }
}
