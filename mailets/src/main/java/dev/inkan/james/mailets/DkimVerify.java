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
 * Verifies the DKIM signatures of a mail (RFC 6376, RFC 8301, RFC 8463), records one resinfo per
 * signature in the attribute {@code dev.inkan.dkim}, and writes them into the message's one
 * Authentication-Results field for {@code authservId} (forged fields with that id are removed first).
 * Results an earlier Inkan step recorded (an SMTP hook) are reused, not checked again.
 * A failure of its own never stops the mail: it becomes {@code dkim=temperror} and a WARN log.
 * Parameters: see the README's DkimVerify table.
 */
public class DkimVerify extends GenericMailet {

    private final Clock clock;
    private final InkanMetrics metrics;
    private MailAuthentication pipeline;

    /** Counting nothing (no metric system given). */
    public DkimVerify() {
        this(Clock.systemUTC(), InkanMetrics.none());
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public DkimVerify(MetricFactory metricFactory) {
        this(Clock.systemUTC(), InkanMetrics.of(metricFactory));
    }

    DkimVerify(Clock clock) {
        this(clock, InkanMetrics.none());
    }

    DkimVerify(Clock clock, InkanMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("DkimVerify", this::getInitParameter);
        pipeline = AuthenticationParameters.pipeline(p, clock, false, null, metrics);
    }

    @Override
    public void service(Mail mail) {
        pipeline.checkAndRecord(mail, Method.DKIM, "DkimVerify");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DkimVerify: DKIM verification with Authentication-Results";
    }
}
