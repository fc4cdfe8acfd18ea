package dev.inkan.james.mailets;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.metrics.InkanMetrics;
import java.util.ArrayList;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealerConfig;
import dev.inkan.arc.ArcSealing;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.config.KeySourceParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.message.FixedPoint;
import dev.inkan.james.message.HeaderEditor;
import dev.inkan.james.message.MessageScan;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds an ARC set (RFC 8617 §5.1) to mail this hop forwards: an ARC-Authentication-Results holding this hop's
 * results (the results DkimVerify, SpfCheck, ArcVerify and DmarcEvaluate recorded as mail attributes; never an
 * Authentication-Results field found on the message, which a sender can write), an ARC-Message-Signature over
 * the message as it leaves, and an ARC-Seal whose cv= is the incoming chain's validation. That validation is the one ArcVerify recorded on arrival (so changes in
 * between, like a list's Subject tag, don't count against the chain); without it, ArcSeal validates the chain
 * itself and records arc=. Keys as for DkimSign (single key, list, or key and signing tables); a single key
 * seals every mail. Like signing, sealing must be the last change ({@link FixedPoint}). Failures never stop
 * the mail: it goes on unsealed, with a WARN log. Parameters: see the README's ArcSeal table.
 */
public class ArcSeal extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(ArcSeal.class);
    /** This hop's results that go into the AAR, in Authentication-Results order (RFC 8601 §2.2). */
    private static final List<Method> HOP_METHODS = List.of(Method.SPF, Method.DKIM, Method.ARC, Method.DMARC);

    private final Clock clock;
    private final InkanMetrics metrics;
    private ArcSealer sealer;
    private MailAuthentication pipeline;
    private boolean convertTo7Bit;

    /** Counting nothing (no metric system given). */
    public ArcSeal() {
        this(Clock.systemUTC(), InkanMetrics.none());
    }

    /** As James builds it: ARC sets per domain, the chain validations it makes itself, DNS queries and time counted in James's metric system. */
    @Inject
    public ArcSeal(MetricFactory metricFactory) {
        this(Clock.systemUTC(), InkanMetrics.of(metricFactory));
    }

    ArcSeal(Clock clock) {
        this(clock, InkanMetrics.none());
    }

    ArcSeal(Clock clock, InkanMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(AuthenticationParameters.NAMES);
        allowed.addAll(KeySourceParameters.NAMES);
        allowed.addAll(List.of("headers", "convertTo7Bit"));
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("ArcSeal", this::getInitParameter);
        pipeline = AuthenticationParameters.pipeline(p, clock, false, null, metrics);
        convertTo7Bit = p.bool("convertTo7Bit", true);
        ArcSealerConfig.Builder config = ArcSealerConfig.builder(pipeline.config().authservId()).clock(clock)
                .keys(new KeySourceParameters(p).selector(null, true, key -> { }, clock));
        if (!p.list("headers").isEmpty()) {
            try {
                config.headers(p.list("headers"));
            } catch (IllegalArgumentException e) {
                throw p.error("headers", e.getMessage());
            }
        }
        sealer = new ArcSealer(config.build());
    }

    @Override
    public void service(Mail mail) {
        metrics.time("ArcSeal", () -> seal(mail));
    }

    private void seal(Mail mail) {
        try {
            ArcVerdict incoming = incoming(mail);
            MimeMessage message = mail.getMessage();
            FixedPoint.prepare(message, convertTo7Bit, getMailetContext(), mail.getName());
            ArcSealing job = sealer.start(incoming);
            ArcSealResult result = job.result(MessageScan.scan(message, pipeline.config().messageLimits(),
                    List.of(job)), hopResults(mail));
            if (result instanceof ArcSealResult.Sealed sealed) {
                HeaderEditor.rewrite(message, sealed.fields(), line -> true);
                metrics.sealed(sealed.domain());
            } else {
                LOG.info("ArcSeal: mail {} not sealed: {}", mail.getName(), ((ArcSealResult.NotSealed) result).reason().text());
            }
        } catch (Exception e) {
            LOG.warn("ArcSeal: mail {} was not sealed and goes on unsealed", mail.getName(), e);
        }
    }

    /**
     * The chain's validation from arrival, as ArcVerify recorded it; without one, the chain is validated now
     * (before this mailet changes the message) and recorded.
     */
    private ArcVerdict incoming(Mail mail) throws Exception {
        List<ResultInfo> recorded = ResultAttributes.get(mail, "arc");
        if (!recorded.isEmpty()) {
            return ArcVerdict.recorded(recorded.get(0));
        }
        Authentication checked = pipeline.authenticate(mail, Set.of(Method.ARC));
        pipeline.record(mail, Method.ARC, checked.resultInfos(Method.ARC), "ArcSeal");
        return checked.arc() != null ? checked.arc()
                : ArcVerdict.recorded(checked.resultInfos(Method.ARC).get(0));
    }

    /**
     * The AAR's results: only what this server's own steps recorded as mail attributes. An
     * Authentication-Results field on the message, even one with our authserv-id, may have been written by the
     * sender (a local or authenticated client is not checked) and is never sealed.
     */
    private static List<ResultInfo> hopResults(Mail mail) {
        List<ResultInfo> hop = new ArrayList<>();
        for (Method method : HOP_METHODS) {
            hop.addAll(ResultAttributes.get(mail, method.keyword()));
        }
        return hop;
    }

    @Override
    public String getMailetInfo() {
        return "Inkan ArcSeal: ARC sealing (RFC 8617)";
    }
}
