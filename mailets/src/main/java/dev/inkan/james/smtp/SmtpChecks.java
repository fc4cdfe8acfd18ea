package dev.inkan.james.smtp;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcResult;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.DmarcParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.james.reports.DmarcReporting;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MaybeSender;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication during the SMTP session, the way a milter answers: a handler for {@code smtpserver.xml}'s
 * {@code <handlerchain>} (before {@code CoreCmdHandlerLoader}).
 *
 * <ul>
 *   <li>At MAIL FROM: SPF for the MAIL FROM identity (RFC 7208). With {@code rejectSpfFail}, a {@code fail} is
 *       refused {@code 550 5.7.23} (RFC 7372 §3.2); with {@code spfTemperror=tempfail}, a {@code temperror}
 *       gets {@code 451 4.7.24}. The verdict is kept for the end of DATA.</li>
 *   <li>At the end of DATA: DKIM, ARC and DMARC on the received message (with the SPF verdict of MAIL FROM), in
 *       one pass through the authentication pipeline. A DMARC {@code reject} disposition is answered
 *       {@code 550 5.7.1 Email rejected per DMARC policy for DOMAIN} (RFC 9989 §7.2's text): nothing is stored,
 *       nothing bounces. With {@code onTemperror=tempfail}, a {@code dmarc=temperror} gets {@code 451 4.4.3}.
 *       Everything else is accepted, with the results recorded as the mail attributes {@code dev.inkan.spf},
 *       {@code .dkim}, {@code .arc}, {@code .dmarc} and in one Authentication-Results field, so the mailets
 *       downstream reuse them instead of checking again.</li>
 *   <li>Clients from {@code skipNetworks} (default {@code 127.0.0.0/8, ::1}) and, with
 *       {@code skipAuthenticated} (default true), SMTP-authenticated ones are not checked.</li>
 * </ul>
 *
 * Parameters are child elements of the {@code <handler>}: those of every checking mailet (authservId, DNS,
 * dnsBudget, key policy, limits), DMARC's {@code mode}, {@code publicSuffixList}, {@code trustedArcSealers}, and
 * {@code rejectSpfFail} (false), {@code spfTemperror} (accept), {@code onDmarcReject} (reject),
 * {@code onTemperror} (accept). A failure of Inkan's own never refuses mail: it is a WARN log and the mail is
 * accepted unchecked.
 */
public class SmtpChecks implements MailHook, JamesMessageHook {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpChecks.class);
    private static final ProtocolSession.AttachmentKey<String> SPF =
            ProtocolSession.AttachmentKey.of("dev.inkan.smtp.spf", String.class);
    private static final Set<String> PARAMETERS = Set.of("mode", "publicSuffixList", "trustedArcSealers",
            "rejectSpfFail", "spfTemperror", "onDmarcReject", "onTemperror");

    private final InkanMetrics metrics;
    private MailAuthentication pipeline;
    private DmarcReporting reporting;
    private boolean rejectSpfFail;
    private boolean spfTempfail;
    private boolean rejectDmarc;
    private boolean dmarcTempfail;
    private SkippedClients skipped;

    /** Counting nothing (no metric system given). */
    public SmtpChecks() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public SmtpChecks(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init(Configuration configuration) throws ConfigurationException {
        Set<String> allowed = new HashSet<>(PARAMETERS);
        allowed.addAll(AuthenticationParameters.NAMES);
        allowed.addAll(SkippedClients.NAMES);
        allowed.addAll(DmarcReporting.NAMES);
        MailetParameters p = HandlerParameters.read("SmtpChecks", configuration, allowed);
        try {
            pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, DmarcParameters.config(p),
                    metrics);
            rejectSpfFail = p.bool("rejectSpfFail", false);
            spfTempfail = p.choice("spfTemperror", "accept", "tempfail");
            rejectDmarc = !p.choice("onDmarcReject", "reject", "accept");
            dmarcTempfail = p.choice("onTemperror", "accept", "tempfail");
            skipped = SkippedClients.read(p);
            reporting = DmarcReporting.read(p, Clock.systemUTC());
        } catch (MessagingException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return metrics.time("SmtpChecks_mailFrom", () -> checkMailFrom(session, sender));
    }

    private HookResult checkMailFrom(SMTPSession session, MaybeSender sender) {
        Optional<SmtpEnvelope> envelope = envelope(session, sender);
        if (envelope.isEmpty()) {
            return HookResult.DECLINED;
        }
        try {
            Authentication spf = pipeline.authenticate(envelope.get(), EnumSet.of(Method.SPF));
            SpfVerdict verdict = spf.spf();
            session.setAttachment(SPF, dev.inkan.authres.AuthResultsFormatter.resultInfo(verdict.toResultInfo()),
                    ProtocolSession.State.Transaction);
            if (verdict.result() == SpfResult.FAIL && rejectSpfFail) {
                return reply(HookReturnCode.deny(), "550", "5.7.23 SPF validation failed: " + verdict.comment());
            }
            if (verdict.result() == SpfResult.TEMPERROR && spfTempfail) {
                return reply(HookReturnCode.denySoft(), "451", "4.7.24 SPF validation error: " + verdict.comment());
            }
        } catch (Exception e) {
            LOG.warn("SmtpChecks: SPF at MAIL FROM failed inside Inkan; accepting unchecked", e);
        }
        return HookResult.DECLINED;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        return metrics.time("SmtpChecks_message", () -> checkMessage(session, mail));
    }

    private HookResult checkMessage(SMTPSession session, Mail mail) {
        Optional<SmtpEnvelope> envelope = envelope(session, mail.getMaybeSender());
        if (envelope.isEmpty()) {
            return HookResult.DECLINED;
        }
        try {
            RecordedResults recorded = RecordedResults.none();
            Optional<String> spf = session.getAttachment(SPF, ProtocolSession.State.Transaction);
            if (spf.isPresent()) {
                recorded = recorded.with(Method.SPF,
                        AuthResultsParser.parseResultInfo(spf.get()).value().map(List::of).orElse(List.of()));
            }
            Authentication result = pipeline.authenticate(mail, envelope.get(), Method.current(), recorded);
            pipeline.recordAll(mail, result.resultInfos(), List.of(), "SmtpChecks");
            reporting.record(mail, result); // before the decision: a rejected message is reported too
            return decide(result);
        } catch (Exception e) {
            LOG.warn("SmtpChecks: mail {} could not be checked inside Inkan; accepting it unchecked", mail.getName(), e);
            return HookResult.DECLINED;
        }
    }

    private HookResult decide(Authentication result) {
        DmarcVerdict dmarc = result.dmarc();
        if (dmarc == null) {
            return HookResult.DECLINED;
        }
        if (rejectDmarc && dmarc.disposition() == DmarcPolicy.REJECT) {
            return reply(HookReturnCode.deny(), "550", "5.7.1 Email rejected per DMARC policy for "
                    + dmarc.authorDomain());
        }
        if (dmarcTempfail && dmarc.result() == DmarcResult.TEMPERROR) {
            return reply(HookReturnCode.denySoft(), "451", "4.4.3 DMARC could not be checked (" + dmarc.comment()
                    + "), try again later");
        }
        return HookResult.DECLINED;
    }

    /** The transaction as Inkan sees it, or empty when the client is not checked. */
    private Optional<SmtpEnvelope> envelope(SMTPSession session, MaybeSender sender) {
        InetAddress client = session.getRemoteAddress().getAddress();
        if (skipped.skips(client, session.getUsername() != null)) {
            return Optional.empty();
        }
        String helo = session.getAttachment(SMTPSession.CURRENT_HELO_NAME, ProtocolSession.State.Connection).orElse("");
        String mailFrom = sender.asOptional().map(Object::toString).orElse("");
        return Optional.of(SmtpEnvelope.of(client, helo, mailFrom));
    }

    private static HookResult reply(HookReturnCode code, String smtp, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(smtp).smtpDescription(text).build();
    }
}
