package dev.inkan.james.mailets;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.DmarcParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.james.metrics.InkanMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The inbound checks in one pass: DKIM, SPF, ARC and DMARC (by default; {@code methods} chooses) of a mail, each
 * giving what DkimVerify, SpfCheck, ArcVerify and DmarcEvaluate in a row give — the same attributes {@code
 * dev.inkan.<method>}, the same resinfos in the message's one Authentication-Results field for {@code authservId},
 * Received-SPF, the DMARC disposition and reports — with the message read once, one header rewrite and one mailet
 * in James's chain. The message is checked as it was received, before any result field is added.
 * Results an earlier Inkan step recorded (SmtpChecks) are reused, not checked again. SPF (and the Received-SPF
 * field) is skipped for clients SpfCheck skips ({@code skipNetworks}, {@code skipAuthenticated}); DMARC then
 * evaluates SPF for itself, as DmarcEvaluate does. A failure of its own never stops the mail: each method records
 * {@code temperror} ({@code arc=fail}) with "internal error", and a WARN log.
 * Parameters: see the README's Authenticate table (those of the four mailets, and {@code methods}).
 */
public class Authenticate extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticate.class);
    private static final Set<String> SPF_PARAMETERS = spfParameters();
    /**
     * The order of the results in our field: that of the mailets in a row (DkimVerify, SpfCheck, ArcVerify,
     * DmarcEvaluate, the historic methods beside their modern ones), so that the field is the one they write.
     */
    private static final List<Method> ORDER = List.of(Method.DKIM, Method.DOMAINKEYS, Method.SPF, Method.SENDER_ID,
            Method.ARC, Method.DMARC);

    private final InkanMetrics metrics;
    private Set<Method> methods;
    private MailAuthentication pipeline;
    /** The pipeline for a mail whose SPF is skipped: no HELO check (checkHelo) that nothing would report. */
    private MailAuthentication withoutSpf;
    private boolean addReceivedSpf;
    private SkippedClients skipped;
    private DmarcActions dmarcActions;

    /** Counting nothing (no metric system given). */
    public Authenticate() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public Authenticate(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    private static Set<String> spfParameters() {
        Set<String> names = new HashSet<>(SkippedClients.NAMES);
        names.addAll(List.of("checkHelo", "addReceivedSpf"));
        return Set.copyOf(names);
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(AuthenticationParameters.NAMES);
        allowed.add("methods");
        allowed.addAll(SPF_PARAMETERS);
        allowed.addAll(DmarcActions.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("Authenticate", this::getInitParameter);
        methods = methods(p);
        requireMethodFor(p, SPF_PARAMETERS, Method.SPF);
        requireMethodFor(p, DmarcActions.NAMES, Method.DMARC);
        addReceivedSpf = p.bool("addReceivedSpf", true);
        skipped = SkippedClients.read(p);
        DmarcConfig dmarc = methods.contains(Method.DMARC) ? DmarcParameters.config(p) : null;
        boolean checkHelo = p.bool("checkHelo", false);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), checkHelo, dmarc, metrics);
        withoutSpf = checkHelo ? AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, dmarc, metrics)
                : pipeline;
        if (dmarc != null) {
            dmarcActions = DmarcActions.read(p, getMailetContext(), dmarc, pipeline.config().authservId());
        }
    }

    /** The methods asked for: keywords of RFC 8601 separated by commas or spaces; default the current four. */
    private static Set<Method> methods(MailetParameters p) throws MessagingException {
        String value = p.string("methods").orElse("").strip();
        if (value.isEmpty()) {
            return Method.current();
        }
        Set<Method> methods = EnumSet.noneOf(Method.class);
        for (String keyword : value.split("[,\\s]+")) {
            if (keyword.isEmpty()) {
                continue; // a leading comma
            }
            Method method = Method.fromKeyword(keyword);
            if (method == null) {
                throw p.error("methods", "unknown method '" + keyword
                        + "'; known: dkim, spf, arc, dmarc, domainkeys, sender-id");
            }
            methods.add(method);
        }
        if (methods.isEmpty()) {
            throw p.error("methods", "names no method, got '" + value + "'");
        }
        return methods;
    }

    private void requireMethodFor(MailetParameters p, Set<String> names, Method method) throws MessagingException {
        if (!methods.contains(method)) {
            for (String name : names) {
                if (p.string(name).isPresent()) {
                    throw p.error(name, "applies only when methods includes " + method.keyword());
                }
            }
        }
    }

    @Override
    public void destroy() {
        if (dmarcActions != null) {
            dmarcActions.close();
        }
    }

    @Override
    public void service(Mail mail) {
        metrics.time("Authenticate", () -> check(mail));
    }

    private void check(Mail mail) {
        Set<Method> asked = methods;
        SmtpEnvelope envelope = MailAuthentication.envelope(mail);
        if (asked.contains(Method.SPF)
                && (!envelope.hasClient() || skipped.skips(envelope.clientIp(), envelope.authenticated()))) {
            asked = EnumSet.copyOf(asked);
            asked.remove(Method.SPF);
        }
        if (asked.isEmpty()) {
            return;
        }
        Authentication checked = null;
        List<ResultInfo> results;
        try {
            checked = (asked.contains(Method.SPF) ? pipeline : withoutSpf).authenticate(mail, envelope, asked,
                    reused(mail, asked));
            results = new ArrayList<>();
            for (Method method : ORDER) {
                if (asked.contains(method)) {
                    results.addAll(checked.resultInfos(method));
                }
            }
        } catch (Exception e) {
            List<Method> failed = new ArrayList<>(ORDER);
            failed.retainAll(asked);
            results = pipeline.internalError(mail, failed, "Authenticate", e);
        }
        List<String> receivedSpf = checked != null && addReceivedSpf ? checked.receivedSpfFields() : List.of();
        pipeline.recordAll(mail, results, receivedSpf, "Authenticate");
        if (dmarcActions != null && checked != null) {
            try {
                // after recording, so a failure report's header is the one DmarcEvaluate would see: forged fields
                // claiming our authserv-id gone, ours on top
                dmarcActions.evaluated(mail, checked);
            } catch (RuntimeException e) {
                LOG.warn("Authenticate: could not report the DMARC result of mail {}", mail.getName(), e);
            }
            try {
                dmarcActions.dispose(mail, checked.dmarc());
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("Authenticate: could not apply the DMARC disposition to mail {}; it continues",
                        mail.getName(), e);
            }
        }
    }

    /**
     * The results earlier Inkan steps recorded that this pass reuses: those of the methods asked for, and DMARC's
     * inputs, but never DMARC itself, which is evaluated here so that its disposition can be applied (as
     * DmarcEvaluate does).
     */
    private static RecordedResults reused(Mail mail, Set<Method> asked) {
        Set<Method> reused = EnumSet.copyOf(asked);
        if (reused.remove(Method.DMARC)) {
            reused.add(Method.DKIM);
            reused.add(Method.SPF);
        }
        return MailAuthentication.recorded(mail, reused);
    }

    @Override
    public String getMailetInfo() {
        return "Inkan Authenticate: DKIM, SPF, ARC and DMARC in one pass, with Authentication-Results";
    }
}
