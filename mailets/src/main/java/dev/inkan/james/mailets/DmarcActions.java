package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.reports.DailyReports;
import dev.inkan.james.reports.DmarcReporting;
import dev.inkan.james.reports.FailureReporting;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;

/**
 * What a mailet that evaluates DMARC does around each verdict (DmarcEvaluate, Authenticate): the evaluation recorded
 * for aggregate reports and failure reports sent when configured ({@link #evaluated}), then, once the results are
 * recorded, the From domain's disposition applied as {@code onReject} and {@code onQuarantine} say ({@link
 * #dispose}). Built from the DMARC parameters ({@link #NAMES}); {@link #close} stops the daily report sending.
 */
final class DmarcActions implements AutoCloseable {

    /** The DMARC parameters: the evaluation's, the dispositions', and those of aggregate and failure reports. */
    static final Set<String> NAMES = names();

    private final MailetContext context;
    private final DmarcDispositionAction onReject;
    private final DmarcDispositionAction onQuarantine;
    private final DmarcReporting reporting;
    private final DailyReports dailyReports;
    private final FailureReporting failureReports;

    private DmarcActions(MailetContext context, DmarcDispositionAction onReject, DmarcDispositionAction onQuarantine,
            DmarcReporting reporting, DailyReports dailyReports, FailureReporting failureReports) {
        this.context = context;
        this.onReject = onReject;
        this.onQuarantine = onQuarantine;
        this.reporting = reporting;
        this.dailyReports = dailyReports;
        this.failureReports = failureReports;
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(List.of("mode", "publicSuffixList", "trustedArcSealers", "onReject",
                "onQuarantine"));
        names.addAll(DmarcReporting.NAMES);
        names.addAll(DmarcReporting.SENDING_NAMES);
        names.addAll(FailureReporting.NAMES);
        return Set.copyOf(names);
    }

    /** The actions {@code p} configures, for results under {@code authservId}; daily sending starts if asked for. */
    static DmarcActions read(MailetParameters p, MailetContext context, DmarcConfig dmarc, String authservId)
            throws MessagingException {
        DmarcDispositionAction onReject = DmarcDispositionAction.parse(p, "onReject", true);
        DmarcDispositionAction onQuarantine = DmarcDispositionAction.parse(p, "onQuarantine", false);
        DmarcReporting reporting = DmarcReporting.read(p, Clock.systemUTC());
        DailyReports dailyReports = DmarcReporting.startSending(p, context, dmarc.resolver(), Clock.systemUTC());
        FailureReporting failureReports;
        try {
            failureReports = FailureReporting.read(p, context, dmarc, authservId, Clock.systemUTC());
        } catch (MessagingException | RuntimeException e) {
            if (dailyReports != null) {
                dailyReports.close(); // started above: nobody else could stop it
            }
            throw e;
        }
        return new DmarcActions(context, onReject, onQuarantine, reporting, dailyReports, failureReports);
    }

    /** After DMARC was evaluated for {@code mail}: its aggregate report record and any failure report. */
    void evaluated(Mail mail, Authentication checked) {
        reporting.record(mail, checked);
        if (failureReports != null) {
            failureReports.report(mail, checked);
        }
    }

    /** After the results were recorded: {@code verdict}'s disposition applied to {@code mail} (none for null). */
    void dispose(Mail mail, DmarcVerdict verdict) throws MessagingException {
        if (verdict != null && verdict.disposition() == DmarcPolicy.REJECT) {
            onReject.apply(mail, context, verdict.authorDomain());
        } else if (verdict != null && verdict.disposition() == DmarcPolicy.QUARANTINE) {
            onQuarantine.apply(mail, context, verdict.authorDomain());
        }
    }

    @Override
    public void close() {
        if (dailyReports != null) {
            dailyReports.close();
        }
        if (failureReports != null) {
            failureReports.close();
        }
    }
}
