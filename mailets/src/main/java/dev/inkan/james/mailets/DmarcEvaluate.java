package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.DmarcParameters;
import dev.inkan.james.config.MailetParameters;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DMARC (RFC 9989, or RFC 7489 with {@code mode=rfc7489}): takes the DKIM and SPF results DkimVerify and
 * SpfCheck recorded (and checks them itself, in the same pipeline, when they are absent), evaluates the From
 * domain's policy, adds {@code dmarc=} with {@code header.from} and {@code policy.dmarc} to the one Authentication-Results field and
 * the attribute {@code dev.inkan.dmarc}, and applies the disposition as configured ({@code onReject},
 * {@code onQuarantine}: annotate, bounce, drop or processor:NAME). A passing ARC chain whose first sealer is in
 * {@code trustedArcSealers} overrides a failure (RFC 8617 §7.2), shown in the result's comment. A failure of
 * its own becomes {@code dmarc=temperror} and a WARN log; the mail goes on. Parameters: see the README.
 */
public class DmarcEvaluate extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DmarcEvaluate.class);

    private final InkanMetrics metrics;
    private MailAuthentication pipeline;
    private DmarcActions actions;

    /** Counting nothing (no metric system given). */
    public DmarcEvaluate() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public DmarcEvaluate(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(AuthenticationParameters.NAMES);
        allowed.addAll(DmarcActions.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("DmarcEvaluate", this::getInitParameter);
        DmarcConfig dmarc = DmarcParameters.config(p);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, dmarc, metrics);
        actions = DmarcActions.read(p, getMailetContext(), dmarc, pipeline.config().authservId());
    }

    @Override
    public void destroy() {
        if (actions != null) {
            actions.close();
        }
    }

    @Override
    public void service(Mail mail) {
        metrics.time("DmarcEvaluate", () -> evaluate(mail));
    }

    private void evaluate(Mail mail) {
        DmarcVerdict verdict = null;
        List<ResultInfo> result;
        try {
            // DMARC itself is always evaluated here, so that its disposition can be applied: only its inputs
            RecordedResults inputs = MailAuthentication.recorded(mail, Set.of(Method.DKIM, Method.SPF));
            Authentication checked = pipeline.authenticate(mail, Set.of(Method.DMARC), inputs);
            verdict = checked.dmarc();
            result = checked.resultInfos(Method.DMARC);
            actions.evaluated(mail, checked);
        } catch (Exception e) {
            result = pipeline.internalError(mail, List.of(Method.DMARC), "DmarcEvaluate", e);
        }
        try {
            ResultAttributes.put(mail, "dmarc", result);
            AuthResultsField.add(mail, pipeline.config().authservId(), result);
            actions.dispose(mail, verdict);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("DmarcEvaluate: could not record or apply the DMARC result of mail {}; it continues",
                    mail.getName(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DmarcEvaluate: DMARC (RFC 9989 / RFC 7489) with dispositions and ARC overrides";
    }
}
