package dev.inkan.james.mailets;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealerConfig;
import dev.inkan.arc.ArcSealing;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.config.AuthservIds;
import dev.inkan.james.config.KeySourceParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.message.FixedPoint;
import dev.inkan.james.message.HeaderEditor;
import dev.inkan.james.message.MessageScan;
import dev.inkan.message.MessageLimits;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds an ARC set (RFC 8617 §5.1) to mail this hop forwards: an ARC-Authentication-Results holding this hop's
 * results (the message's Authentication-Results field for {@code authservId}, so seal after DkimVerify,
 * SpfCheck, DmarcEvaluate), an ARC-Message-Signature over the message as it leaves, and an ARC-Seal whose cv=
 * is the incoming chain's validation. That validation is the one ArcVerify recorded on arrival (so changes in
 * between, like a list's Subject tag, don't count against the chain); without it, ArcSeal validates the chain
 * itself and records arc=. Keys as for DkimSign (single key, list, or key and signing tables); a single key
 * seals every mail. Like signing, sealing must be the last change ({@link FixedPoint}). Failures never stop
 * the mail: it goes on unsealed, with a WARN log. Parameters: see the README's ArcSeal table.
 */
public class ArcSeal extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(ArcSeal.class);

    private final Clock clock;
    private ArcSealer sealer;
    private String authservId;
    private boolean convertTo7Bit;

    public ArcSeal() {
        this(Clock.systemUTC());
    }

    ArcSeal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(ArcValidation.NAMES);
        allowed.addAll(KeySourceParameters.NAMES);
        allowed.addAll(List.of("headers", "convertTo7Bit"));
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("ArcSeal", this::getInitParameter);
        authservId = AuthservIds.of(p);
        convertTo7Bit = p.bool("convertTo7Bit", true);
        ArcSealerConfig.Builder config = ArcSealerConfig.builder(authservId).clock(clock)
                .keys(new KeySourceParameters(p).selector(null, true, key -> { }));
        if (!p.list("headers").isEmpty()) {
            try {
                config.headers(p.list("headers"));
            } catch (IllegalArgumentException e) {
                throw p.error("headers", e.getMessage());
            }
        }
        sealer = new ArcSealer(config.build(), ArcValidation.validator(p));
    }

    @Override
    public void service(Mail mail) {
        try {
            MimeMessage message = mail.getMessage();
            FixedPoint.prepare(message, convertTo7Bit, getMailetContext(), mail.getName());
            Optional<ResultInfo> recorded = ResultAttributes.get(mail, "arc").stream().findFirst();
            ArcSealing job = recorded.isPresent() ? sealer.start(ArcVerdict.recorded(recorded.get())) : sealer.start();
            ArcSealResult result = job.result(MessageScan.scan(message, MessageLimits.DEFAULT, List.of(job)));
            if (recorded.isEmpty()) {
                ArcValidation.record(mail, authservId, result.incoming().toResultInfo(mail.getRemoteAddr()));
            }
            if (result instanceof ArcSealResult.Sealed sealed) {
                HeaderEditor.rewrite(message, sealed.fields(), line -> true);
            } else {
                LOG.info("ArcSeal: mail {} not sealed: {}", mail.getName(), ((ArcSealResult.NotSealed) result).reason().text());
            }
        } catch (Exception e) {
            LOG.warn("ArcSeal: mail {} was not sealed and goes on unsealed", mail.getName(), e);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inkan ArcSeal: ARC sealing (RFC 8617)";
    }
}
