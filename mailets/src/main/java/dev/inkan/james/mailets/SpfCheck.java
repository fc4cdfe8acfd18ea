package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.spf.SpfVerdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks SPF (RFC 7208) for the client address James recorded, the HELO name and the MAIL FROM: adds a
 * Received-SPF field (§9.1) on top, {@code spf=} with {@code smtp.mailfrom} (and {@code smtp.helo} with
 * {@code checkHelo}) to the message's one Authentication-Results field, and records the results in the
 * attribute {@code dev.inkan.spf} for DMARC. Mail from the skipped networks or from authenticated senders
 * (local submission) is not checked. A failure of its own never stops the mail: it becomes
 * {@code spf=temperror} and a WARN log. Parameters: see the README's SpfCheck table.
 */
public class SpfCheck extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(SpfCheck.class);
    private static final Set<String> PARAMETERS = Set.of("checkHelo", "addReceivedSpf");

    private final Clock clock;
    private MailAuthentication pipeline;
    private boolean addReceivedSpf;
    private SkippedClients skipped;

    public SpfCheck() {
        this(Clock.systemUTC());
    }

    SpfCheck(Clock clock) {
        this.clock = clock;
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
        pipeline = new MailAuthentication(AuthenticationParameters.read(p, clock, p.bool("checkHelo", false), null));
    }

    @Override
    public void service(Mail mail) {
        SmtpEnvelope envelope = MailAuthentication.envelope(mail);
        if (!envelope.hasClient() || skipped.skips(envelope.clientIp(), envelope.authenticated())) {
            return;
        }
        List<ResultInfo> results;
        List<String> receivedSpf = new ArrayList<>();
        try {
            Authentication checked = pipeline.authenticate(mail, Set.of(Method.SPF));
            results = checked.resultInfos(Method.SPF);
            for (SpfVerdict verdict : Arrays.asList(checked.spfHelo(), checked.spf())) {
                if (verdict != null) {
                    receivedSpf.add(verdict.receivedSpf().header());
                }
            }
        } catch (Exception e) {
            LOG.warn("SpfCheck: mail {} could not be checked; recording spf=temperror", mail.getName(), e);
            results = List.of(new ResultInfo("spf", "temperror", "internal error", null, List.of()));
        }
        try {
            ResultAttributes.put(mail, "spf", results);
            AuthResultsField.add(mail, pipeline.config().authservId(), results,
                    addReceivedSpf ? receivedSpf : List.of()); // one rewrite of the header for both
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("SpfCheck: could not record the SPF results of mail {}; it continues unchanged", mail.getName(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inkan SpfCheck: SPF (RFC 7208) with Received-SPF and Authentication-Results";
    }
}
