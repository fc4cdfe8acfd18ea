package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.james.metrics.InkanMetrics;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Checks SPF (RFC 7208) for the client address James recorded, the HELO name and the MAIL FROM: adds a
 * Received-SPF field (§9.1) on top, {@code spf=} with {@code smtp.mailfrom} (and {@code smtp.helo} with
 * {@code checkHelo}) to the message's one Authentication-Results field, and records the results in the
 * attribute {@code dev.inkan.spf} for DMARC. Mail from the skipped networks or from authenticated senders
 * (local submission) is not checked. A failure of its own never stops the mail: it becomes
 * {@code spf=temperror} and a WARN log. Parameters: see the README's SpfCheck table.
 */
public class SpfCheck extends GenericMailet {

    private static final Set<String> PARAMETERS = Set.of("checkHelo", "addReceivedSpf");

    private final Clock clock;
    private final InkanMetrics metrics;
    private MailAuthentication pipeline;
    private boolean addReceivedSpf;
    private SkippedClients skipped;

    /** Counting nothing (no metric system given). */
    public SpfCheck() {
        this(Clock.systemUTC(), InkanMetrics.none());
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public SpfCheck(MetricFactory metricFactory) {
        this(Clock.systemUTC(), InkanMetrics.of(metricFactory));
    }

    SpfCheck(Clock clock) {
        this(clock, InkanMetrics.none());
    }

    SpfCheck(Clock clock, InkanMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(PARAMETERS);
        allowed.addAll(AuthenticationParameters.NAMES);
        allowed.addAll(SkippedClients.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("SpfCheck", this::getInitParameter);
        addReceivedSpf = p.bool("addReceivedSpf", true);
        skipped = SkippedClients.read(p);
        pipeline = AuthenticationParameters.pipeline(p, clock, p.bool("checkHelo", false), null, metrics);
    }

    @Override
    public void service(Mail mail) {
        metrics.time("SpfCheck", () -> check(mail));
    }

    private void check(Mail mail) {
        SmtpEnvelope envelope = MailAuthentication.envelope(mail);
        if (!envelope.hasClient() || skipped.skips(envelope.clientIp(), envelope.authenticated())) {
            return;
        }
        List<ResultInfo> results;
        List<String> receivedSpf = List.of();
        try {
            Authentication checked = pipeline.authenticate(mail, Set.of(Method.SPF));
            results = checked.resultInfos(Method.SPF);
            receivedSpf = addReceivedSpf ? checked.receivedSpfFields() : List.of();
        } catch (Exception e) {
            results = pipeline.internalError(mail, List.of(Method.SPF), "SpfCheck", e);
        }
        pipeline.recordAll(mail, results, receivedSpf, "SpfCheck"); // one rewrite of the header for both fields
    }

    @Override
    public String getMailetInfo() {
        return "Inkan SpfCheck: SPF (RFC 7208) with Received-SPF and Authentication-Results";
    }
}
