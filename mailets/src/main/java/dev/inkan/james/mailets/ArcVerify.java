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
 * Validates the ARC chain a mail arrived with (RFC 8617 §5.2) and records {@code arc=none|pass|fail} with
 * {@code header.oldest-pass} and {@code smtp.remote-ip} in the attribute {@code dev.inkan.arc} and the
 * message's one Authentication-Results field. Put it before anything changes the message; ArcSeal and
 * DmarcEvaluate use its result. A failure of its own never stops the mail: it becomes {@code arc=fail
 * (internal error)} and a WARN log (RFC 8617 §5.2.1: ARC has no temporary result).
 */
public class ArcVerify extends GenericMailet {

    private final InkanMetrics metrics;
    private MailAuthentication pipeline;

    /** Counting nothing (no metric system given). */
    public ArcVerify() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public ArcVerify(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("ArcVerify", this::getInitParameter);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, null, metrics);
    }

    @Override
    public void service(Mail mail) {
        pipeline.checkAndRecord(mail, Method.ARC, "ArcVerify");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan ArcVerify: ARC chain validation (RFC 8617)";
    }
}
