package dev.inkan.james.authenticate;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.AuthenticationJob;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.message.MessageScan;
import dev.inkan.message.MessageLimitException;
import dev.inkan.net.IpLiteral;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;

/**
 * The pipeline for a James mail: its message streamed once through the {@link Authenticator}, its SMTP envelope
 * from what James recorded (remote address, HELO, sender, recipients, SMTP AUTH user), and the results earlier
 * Inkan steps recorded as attributes ({@link ResultAttributes}) used instead of checking again. Thread-safe.
 */
public final class MailAuthentication {

    private final Authenticator authenticator;

    public MailAuthentication(AuthenticationConfig config) {
        this.authenticator = new Authenticator(config);
    }

    public AuthenticationConfig config() {
        return authenticator.config();
    }

    /**
     * Checks {@code methods} for {@code mail}; a header beyond the limits gives each method its permanent error.
     *
     * @throws IOException or MessagingException when James cannot hand the message out
     */
    public Authentication authenticate(Mail mail, Set<Method> methods) throws IOException, MessagingException {
        return authenticate(mail, methods, recorded(mail));
    }

    /** As {@link #authenticate(Mail, Set)} with the recorded results given. */
    public Authentication authenticate(Mail mail, Set<Method> methods, RecordedResults recorded)
            throws IOException, MessagingException {
        AuthenticationJob job = authenticator.start(envelope(mail), methods, recorded);
        try {
            return job.result(MessageScan.scan(mail.getMessage(), config().messageLimits(), List.of(job)));
        } catch (MessageLimitException e) {
            return job.unreadable(e.getMessage());
        }
    }

    /** The SMTP transaction as James recorded it; no client address when James has none (a local mail). */
    public static SmtpEnvelope envelope(Mail mail) {
        InetAddress client = IpLiteral.parse(String.valueOf(mail.getRemoteAddr())).orElse(null);
        String helo = mail.getAttribute(Mail.SMTP_HELO).map(a -> String.valueOf(a.getValue().value())).orElse("");
        String mailFrom = mail.getMaybeSender().asOptional().map(Object::toString).orElse("");
        List<String> recipients = mail.getRecipients().stream().map(Object::toString).toList();
        boolean authenticated = mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent();
        return new SmtpEnvelope(client, helo, mailFrom, recipients, authenticated);
    }

    /** The results Inkan steps recorded on {@code mail} (attributes {@code dev.inkan.spf}, {@code .dkim}, ...). */
    public static RecordedResults recorded(Mail mail) {
        RecordedResults recorded = RecordedResults.none();
        for (Method method : Method.values()) {
            recorded = recorded.with(method, ResultAttributes.get(mail, method.keyword()));
        }
        return recorded;
    }
}
