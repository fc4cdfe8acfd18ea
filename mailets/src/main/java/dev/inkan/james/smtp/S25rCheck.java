package dev.inkan.james.smtp;

import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.S25rParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.s25r.S25rChecker;
import dev.inkan.s25r.S25rResult;
import dev.inkan.s25r.S25rVerdict;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S25R (Selective SMTP Rejection) in the SMTP session: a client whose reverse DNS looks like an end-user line, or
 * that has no forward-confirmed name, is answered {@code 450 4.7.1} at RCPT TO, before DATA, the way Postfix's
 * {@code smtpd_client_restrictions} act with the default {@code smtpd_delay_reject = yes} (the S25R set-up of the
 * seed write-up). A handler for {@code smtpserver.xml}'s {@code <handlerchain>}, before
 * {@code CoreCmdHandlerLoader}:
 * <pre>{@code
 * <handler class="dev.inkan.james.smtp.S25rCheck">
 *     <allow>.google.com, 203.0.113.0/24</allow>
 *     <allowFile>/etc/james/inkan/s25r-allow</allowFile>
 * </handler>
 * }</pre>
 * The decision ({@link S25rChecker}: allow list, deny list, forward-confirmed name, rules 0 to 6) is made once per
 * connection; every refusal is logged at INFO with the client, the envelope and the rule, so that the operator can
 * allow a real mail server that retries. Not checked: clients in {@code skipNetworks} (default
 * {@code 127.0.0.0/8, ::1}) and, with {@code skipAuthenticated} (default true), SMTP-authenticated ones. With
 * {@code onTemperror=accept} (default {@code tempfail}) a client whose reverse DNS cannot be checked now is let in.
 * A failure of Inkan's own never refuses mail: a WARN log, and the client is let in.
 */
public class S25rCheck implements RcptHook {

    private static final Logger LOG = LoggerFactory.getLogger(S25rCheck.class);
    private static final ProtocolSession.AttachmentKey<S25rVerdict> VERDICT =
            ProtocolSession.AttachmentKey.of("dev.inkan.smtp.s25r", S25rVerdict.class);

    private final InkanMetrics metrics;
    private S25rChecker checker;
    private SkippedClients skipped;
    private boolean tempfail;

    /** Counting nothing (no metric system given). */
    public S25rCheck() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: verdicts, DNS queries and time counted in James's metric system. */
    @Inject
    public S25rCheck(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init(Configuration configuration) throws ConfigurationException {
        Set<String> known = new HashSet<>(S25rParameters.NAMES);
        known.addAll(SkippedClients.NAMES);
        known.add("onTemperror");
        MailetParameters p = HandlerParameters.read("S25rCheck", configuration, known);
        try {
            checker = S25rParameters.checker(p, metrics.dns());
            skipped = SkippedClients.read(p);
            tempfail = !p.choice("onTemperror", "tempfail", "accept");
        } catch (MessagingException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        try {
            InetAddress client = session.getRemoteAddress().getAddress();
            if (skipped.skips(client, session.getUsername() != null)) {
                return HookResult.DECLINED;
            }
            S25rVerdict verdict = session.getAttachment(VERDICT, ProtocolSession.State.Connection).orElse(null);
            if (verdict == null) {
                verdict = metrics.time("S25rCheck", () -> checker.check(client));
                metrics.result("s25r", verdict.result().name());
                session.setAttachment(VERDICT, verdict, ProtocolSession.State.Connection);
            }
            Optional<S25rReply> reply = S25rReply.of(verdict);
            if (reply.isEmpty() || verdict.result() == S25rResult.TEMPERROR && !tempfail) {
                return HookResult.DECLINED;
            }
            LOG.info("S25rCheck: {} at RCPT from={} to={}: {}", reply.get().code(), sender.asString(), rcpt,
                    verdict.explanation());
            return HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode(reply.get().code())
                    .smtpDescription(reply.get().text()).build();
        } catch (RuntimeException e) {
            LOG.warn("S25rCheck: the client of session {} could not be checked inside Inkan; letting it in",
                    session.getSessionID(), e);
            return HookResult.DECLINED;
        }
    }
}
