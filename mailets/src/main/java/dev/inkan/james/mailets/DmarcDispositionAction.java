package dev.inkan.james.mailets;

import dev.inkan.james.config.MailetParameters;
import java.util.Locale;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;

/**
 * What DmarcEvaluate does with a mail whose DMARC disposition is reject or quarantine: {@code annotate}
 * (results only), {@code bounce} (James's {@code MailetContext.bounce}: a plain-text reply from the postmaster
 * to the envelope sender, "Re: " and the Subject, holding RFC 9989 §7.2's text; not an RFC 3464 DSN, and nothing
 * is sent for a null sender; then the mail is dropped), {@code drop}
 * (RFC 9989 §7.2's "silent discard"), or {@code processor:NAME} (continue in that processor, e.g. a spam
 * folder). A mailet runs after the message was accepted, so it cannot give the in-session 5xy reply §7.2
 * prefers; a bounce goes to the envelope sender, which for a forged message is usually a bystander, which is
 * why annotate is the default.
 */
record DmarcDispositionAction(Kind kind, String processor) {

    enum Kind { ANNOTATE, BOUNCE, DROP, PROCESSOR }

    static DmarcDispositionAction parse(MailetParameters p, String name, boolean allowBounceAndDrop)
            throws MessagingException {
        String value = p.string(name).orElse("annotate");
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("processor:") && value.length() > "processor:".length()) {
            return new DmarcDispositionAction(Kind.PROCESSOR, value.substring("processor:".length()).strip());
        }
        switch (lower) {
            case "annotate":
                return new DmarcDispositionAction(Kind.ANNOTATE, null);
            case "bounce":
            case "drop":
                if (allowBounceAndDrop) {
                    return new DmarcDispositionAction(lower.equals("bounce") ? Kind.BOUNCE : Kind.DROP, null);
                }
                break;
            default:
                break;
        }
        throw p.error(name, "must be " + (allowBounceAndDrop ? "annotate, bounce, drop" : "annotate")
                + " or processor:NAME, got '" + value + "'");
    }

    /** Applies this action to {@code mail}, whose From domain's policy asked for it. */
    void apply(Mail mail, MailetContext context, String domain) throws MessagingException {
        switch (kind) {
            case BOUNCE:
                context.bounce(mail, "5.7.1 Email rejected per DMARC policy for " + domain);
                mail.setState(Mail.GHOST);
                break;
            case DROP:
                mail.setState(Mail.GHOST);
                break;
            case PROCESSOR:
                mail.setState(processor);
                break;
            default:
                break;
        }
    }
}
