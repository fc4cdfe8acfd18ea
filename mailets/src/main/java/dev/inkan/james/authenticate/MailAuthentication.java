package dev.inkan.james.authenticate;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.AuthenticationJob;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.james.message.MessageScan;
import dev.inkan.message.MessageLimitException;
import dev.inkan.net.IpLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline for a James mail: its message streamed once through the {@link Authenticator}, its SMTP envelope
 * from what James recorded (remote address, HELO, sender, recipients, SMTP AUTH user), and the results earlier
 * Inkan steps recorded as attributes ({@link ResultAttributes}) used instead of checking again. Thread-safe.
 */
public final class MailAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(MailAuthentication.class);

    private final Authenticator authenticator;
    private final InkanMetrics metrics;

    /**
     * @param metrics counts the results of each evaluation ({@link InkanMetrics#results(Authentication)}); give
     *     {@code config} its {@link InkanMetrics#dns()} observer to count the DNS queries as well
     */
    public MailAuthentication(AuthenticationConfig config, InkanMetrics metrics) {
        this.authenticator = new Authenticator(config);
        this.metrics = metrics;
    }

    public AuthenticationConfig config() {
        return authenticator.config();
    }

    public InkanMetrics metrics() {
        return metrics;
    }

    /**
     * Checks {@code methods} for {@code mail}; a header beyond the limits gives each method its permanent error.
     *
     * @throws IOException or MessagingException when James cannot hand the message out
     */
    public Authentication authenticate(Mail mail, Set<Method> methods) throws IOException, MessagingException {
        return authenticate(mail, methods, recorded(mail, methods));
    }

    /** As {@link #authenticate(Mail, Set)} with the recorded results given. */
    public Authentication authenticate(Mail mail, Set<Method> methods, RecordedResults recorded)
            throws IOException, MessagingException {
        return authenticate(mail, envelope(mail), methods, recorded);
    }

    /**
     * As {@link #authenticate(Mail, Set, RecordedResults)} for the SMTP transaction {@code envelope} (an SMTP hook
     * knows it from the session, before James has recorded it on the mail).
     */
    public Authentication authenticate(Mail mail, SmtpEnvelope envelope, Set<Method> methods, RecordedResults recorded)
            throws IOException, MessagingException {
        Authentication result = evaluate(mail, envelope, methods, recorded);
        metrics.results(result);
        return result;
    }

    private Authentication evaluate(Mail mail, SmtpEnvelope envelope, Set<Method> methods, RecordedResults recorded)
            throws IOException, MessagingException {
        AuthenticationJob job = authenticator.start(envelope, methods, recorded);
        if (!job.needsMessage()) {
            return job.result(null); // SPF alone: the envelope is all it needs
        }
        try {
            MimeMessage message = mail.getMessage();
            boolean body = job.needsBody(name -> hasField(message, name));
            return job.result(body ? MessageScan.scan(message, config().messageLimits(), List.of(job))
                    : MessageScan.scanHeader(message, config().messageLimits(), List.of(job)));
        } catch (MessageLimitException e) {
            return job.unreadable(e.getMessage());
        }
    }

    /** Methods that need no message (SPF) for an SMTP transaction, before there is a message (MAIL FROM). */
    public Authentication authenticate(SmtpEnvelope envelope, Set<Method> methods) throws IOException {
        Authentication result = authenticator.authenticate(InputStream.nullInputStream(), envelope, methods,
                RecordedResults.none());
        metrics.results(result);
        return result;
    }

    /**
     * What a mailet checking one method does with a mail, timed as {@code mailet}: {@link #check} it, then {@link
     * #record} the results.
     */
    public void checkAndRecord(Mail mail, Method method, String mailet) {
        metrics.time(mailet, () -> record(mail, method, check(mail, method, mailet), mailet));
    }

    /**
     * The results of {@code method} for {@code mail}. A failure of Inkan's own never stops the mail: it becomes
     * {@code <method>=<failureResult> (internal error)} and a WARN log naming {@code mailet} and the mail.
     */
    public List<ResultInfo> check(Mail mail, Method method, String mailet) {
        try {
            return authenticate(mail, Set.of(method)).resultInfos(method);
        } catch (Exception e) {
            return internalError(mail, List.of(method), mailet, e);
        }
    }

    /**
     * The results for a failure of Inkan's own while checking {@code methods} for {@code mail}: for each, {@code
     * <method>=<failureResult> (internal error)}; one WARN log naming {@code mailet} and the mail; counted.
     */
    public List<ResultInfo> internalError(Mail mail, Collection<Method> methods, String mailet, Exception e) {
        List<ResultInfo> infos = new ArrayList<>(methods.size());
        StringJoiner recording = new StringJoiner(", ");
        for (Method method : methods) {
            infos.add(new ResultInfo(method.keyword(), failureResult(method), "internal error", null, List.of()));
            recording.add(method.keyword() + "=" + failureResult(method));
        }
        LOG.warn("{}: mail {} could not be checked; recording {}", mailet, mail.getName(), recording, e);
        metrics.results(infos);
        return infos;
    }

    /**
     * What {@code method} records when Inkan could not check it: {@code fail} for ARC, which has no temporary error
     * (RFC 8617 §4.4: none, pass, fail), {@code temperror} for the others.
     */
    public static String failureResult(Method method) {
        return method == Method.ARC ? "fail" : "temperror";
    }

    /**
     * Records {@code results} as the attribute {@code dev.inkan.<method>} and in the message's one
     * Authentication-Results field for our authserv-id; a failure to do so is a WARN log, and the mail goes on.
     */
    public void record(Mail mail, Method method, List<ResultInfo> results, String mailet) {
        try {
            ResultAttributes.put(mail, method.keyword(), results);
            AuthResultsField.add(mail, config().authservId(), results);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("{}: could not record the {} results of mail {}; it continues unchanged", mailet,
                    method.keyword(), mail.getName(), e);
        }
    }

    /**
     * Records {@code results} of several methods at once: each method's in its attribute {@code dev.inkan.<method>},
     * and all of them in the message's one Authentication-Results field for our authserv-id, with {@code alsoOnTop}
     * (complete fields, e.g. Received-SPF) right below it, in one rewrite of the header. A failure to do so is a
     * WARN log, and the mail goes on.
     */
    public void recordAll(Mail mail, List<ResultInfo> results, List<String> alsoOnTop, String mailet) {
        try {
            Map<String, List<ResultInfo>> byMethod = new LinkedHashMap<>();
            for (ResultInfo result : results) {
                byMethod.computeIfAbsent(result.method(), m -> new ArrayList<>()).add(result);
            }
            for (Map.Entry<String, List<ResultInfo>> method : byMethod.entrySet()) {
                ResultAttributes.put(mail, method.getKey(), method.getValue());
            }
            AuthResultsField.add(mail, config().authservId(), results, alsoOnTop);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("{}: could not record the results of mail {}; it continues unchanged", mailet, mail.getName(),
                    e);
        }
    }

    private static boolean hasField(MimeMessage message, String name) {
        try {
            return message.getHeader(name) != null;
        } catch (MessagingException e) {
            return true; // cannot tell: read the whole message
        }
    }

    /** The SMTP transaction as James recorded it; no client address when James has none (a local mail). */
    public static SmtpEnvelope envelope(Mail mail) {
        InetAddress client = IpLiteral.parse(String.valueOf(mail.getRemoteAddr())).orElse(null);
        String helo = mail.getAttribute(Mail.SMTP_HELO).map(a -> String.valueOf(a.getValue().value())).orElse("");
        String mailFrom = mail.getMaybeSender().asOptional().map(Object::toString).orElse("");
        List<String> recipients = new ArrayList<>(mail.getRecipients().size());
        for (Object recipient : mail.getRecipients()) {
            recipients.add(recipient.toString()); // a loop, not a stream: four mailets ask for it per mail
        }
        boolean authenticated = mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent();
        return new SmtpEnvelope(client, helo, mailFrom, recipients, authenticated);
    }

    /**
     * The results Inkan steps recorded on {@code mail} (attributes {@code dev.inkan.spf}, {@code .dkim}, ...) that
     * matter for checking {@code methods}: their own, and DKIM's and SPF's when DMARC is asked for. Only those
     * attributes are parsed.
     */
    public static RecordedResults recorded(Mail mail, Set<Method> methods) {
        RecordedResults recorded = RecordedResults.none();
        for (Method method : Method.values()) {
            boolean input = methods.contains(Method.DMARC) && (method == Method.DKIM || method == Method.SPF);
            if (methods.contains(method) || input) {
                recorded = recorded.with(method, ResultAttributes.get(mail, method.keyword()));
            }
        }
        return recorded;
    }
}
