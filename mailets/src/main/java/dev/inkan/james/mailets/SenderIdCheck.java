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
 * Checks Sender ID (RFC 4406, experimental and historic) for the Purported Responsible Address of RFC 4407 (from
 * Resent-Sender, Resent-From, Sender or From) against the client's address, on the SPF evaluator: {@code spf2.0/pra}
 * records, else {@code v=spf1}. Records {@code dev.inkan.sender-id} and writes {@code sender-id=<result>
 * header.from=<domain>} (or header.sender, header.resent-from, header.resent-sender) into the one
 * Authentication-Results field. Needs the SMTP client James recorded; without one nothing is written. A failure of
 * its own becomes {@code sender-id=temperror} and a WARN log. Parameters: those of every checking mailet (README).
 */
public class SenderIdCheck extends GenericMailet {

    private MailAuthentication pipeline;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("SenderIdCheck", this::getInitParameter);
        pipeline = new MailAuthentication(AuthenticationParameters.read(p, Clock.systemUTC(), false, null));
    }

    @Override
    public void service(Mail mail) {
        pipeline.record(mail, Method.SENDER_ID, pipeline.check(mail, Method.SENDER_ID, "temperror", "SenderIdCheck"),
                "SenderIdCheck");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan SenderIdCheck: Sender ID (RFC 4406, PRA) with Authentication-Results";
    }
}
