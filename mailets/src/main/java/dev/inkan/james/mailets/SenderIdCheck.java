package dev.inkan.james.mailets;

import dev.inkan.authenticate.Method;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.metrics.InkanMetrics;
import java.time.Clock;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.metrics.api.MetricFactory;
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

    private final InkanMetrics metrics;
    private MailAuthentication pipeline;

    /** Counting nothing (no metric system given). */
    public SenderIdCheck() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public SenderIdCheck(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("SenderIdCheck", this::getInitParameter);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, null, metrics);
    }

    @Override
    public void service(Mail mail) {
        pipeline.checkAndRecord(mail, Method.SENDER_ID, "SenderIdCheck");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan SenderIdCheck: Sender ID (RFC 4406, PRA) with Authentication-Results";
    }
}
