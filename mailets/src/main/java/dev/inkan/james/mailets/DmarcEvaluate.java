package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.DmarcParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.james.reports.DailyReports;
import dev.inkan.james.reports.DmarcReporting;
import dev.inkan.james.reports.FailureReporting;
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
    private DmarcDispositionAction onReject;
    private DmarcDispositionAction onQuarantine;
    private DmarcReporting reporting;
    private DailyReports dailyReports;
    private FailureReporting failureReports;

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
        allowed.addAll(List.of("mode", "publicSuffixList", "trustedArcSealers", "onReject", "onQuarantine"));
        allowed.addAll(DmarcReporting.NAMES);
        allowed.addAll(DmarcReporting.SENDING_NAMES);
        allowed.addAll(FailureReporting.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("DmarcEvaluate", this::getInitParameter);
        DmarcConfig dmarc = DmarcParameters.config(p);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, dmarc, metrics);
        onReject = DmarcDispositionAction.parse(p, "onReject", true);
        onQuarantine = DmarcDispositionAction.parse(p, "onQuarantine", false);
        reporting = DmarcReporting.read(p, Clock.systemUTC());
        dailyReports = DmarcReporting.startSending(p, getMailetContext(), dmarc.resolver(), Clock.systemUTC());
        failureReports = FailureReporting.read(p, getMailetContext(), dmarc, pipeline.config().authservId(),
                Clock.systemUTC());
    }

    @Override
    public void destroy() {
        if (dailyReports != null) {
            dailyReports.close();
        }
        if (failureReports != null) {
            failureReports.close();
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
            reporting.record(mail, checked);
            if (failureReports != null) {
                failureReports.report(mail, checked);
            }
        } catch (Exception e) {
            result = pipeline.internalError(mail, Method.DMARC, "temperror", "DmarcEvaluate", e);
        }
        try {
            ResultAttributes.put(mail, "dmarc", result);
            AuthResultsField.add(mail, pipeline.config().authservId(), result);
            if (verdict != null && verdict.disposition() == DmarcPolicy.REJECT) {
                onReject.apply(mail, getMailetContext(), verdict.authorDomain());
            } else if (verdict != null && verdict.disposition() == DmarcPolicy.QUARANTINE) {
                onQuarantine.apply(mail, getMailetContext(), verdict.authorDomain());
            }
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
