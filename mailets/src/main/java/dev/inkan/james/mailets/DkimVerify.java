package dev.inkan.james.mailets;

import dev.inkan.authenticate.Method;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.MailetParameters;
import java.time.Clock;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Verifies the DKIM signatures of a mail (RFC 6376, RFC 8301, RFC 8463), records one resinfo per
 * signature in the attribute {@code dev.inkan.dkim}, and writes them into the message's one
 * Authentication-Results field for {@code authservId} (forged fields with that id are removed first).
 * Results an earlier Inkan step recorded (an SMTP hook) are reused, not checked again.
 * A failure of its own never stops the mail: it becomes {@code dkim=temperror} and a WARN log.
 * Parameters: see the README's DkimVerify table.
 */
public class DkimVerify extends GenericMailet {

    private final Clock clock;
    private MailAuthentication pipeline;

    public DkimVerify() {
        this(Clock.systemUTC());
    }

    DkimVerify(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("DkimVerify", this::getInitParameter);
        pipeline = new MailAuthentication(AuthenticationParameters.read(p, clock, false, null));
    }

    @Override
    public void service(Mail mail) {
        pipeline.record(mail, Method.DKIM, pipeline.check(mail, Method.DKIM, "temperror", "DkimVerify"), "DkimVerify");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DkimVerify: DKIM verification with Authentication-Results";
    }
}
