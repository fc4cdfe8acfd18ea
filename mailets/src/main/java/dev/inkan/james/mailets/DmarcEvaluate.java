package dev.inkan.james.mailets;

import dev.inkan.arc.ArcCheck;
import dev.inkan.arc.ArcSetSummary;
import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dmarc.ArcInput;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcRequest;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.AuthservIds;
import dev.inkan.james.config.DnsParameters;
import dev.inkan.james.config.KeyPolicyParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.message.MessageScan;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.ScannedMessage;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DMARC (RFC 9989, or RFC 7489 with {@code mode=rfc7489}): takes the DKIM and SPF results DkimVerify and
 * SpfCheck recorded (and checks them itself when they are absent), evaluates the From domain's policy, adds
 * {@code dmarc=} with {@code header.from} and {@code policy.dmarc} to the one Authentication-Results field and
 * the attribute {@code dev.inkan.dmarc}, and applies the disposition as configured ({@code onReject},
 * {@code onQuarantine}: annotate, bounce, drop or processor:NAME). A passing ARC chain whose first sealer is in
 * {@code trustedArcSealers} overrides a failure (RFC 8617 §7.2), shown in the result's comment. A failure of
 * its own becomes {@code dmarc=temperror} and a WARN log; the mail goes on. Parameters: see the README.
 */
public class DmarcEvaluate extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DmarcEvaluate.class);

    private DmarcEvaluator evaluator;
    private DkimVerifier dkim;
    private SpfEvaluator spf;
    private ArcValidator arc;
    private String authservId;
    private DmarcDispositionAction onReject;
    private DmarcDispositionAction onQuarantine;

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(ArcValidation.NAMES);
        allowed.addAll(List.of("mode", "publicSuffixList", "trustedArcSealers", "onReject", "onQuarantine"));
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("DmarcEvaluate", this::getInitParameter);
        authservId = AuthservIds.of(p);
        evaluator = new DmarcEvaluator(DmarcParameters.config(p));
        dkim = new DkimVerifier(DkimVerifierConfig.builder(DnsParameters.resolver(p))
                .keyPolicy(KeyPolicyParameters.read(p)).build());
        spf = new SpfEvaluator(SpfConfig.builder(DnsParameters.resolver(p)).receiver(authservId).build());
        arc = evaluator.config().trustedArcSealers().isEmpty() ? null : ArcValidation.validator(p);
        onReject = DmarcDispositionAction.parse(p, "onReject", true);
        onQuarantine = DmarcDispositionAction.parse(p, "onQuarantine", false);
    }

    @Override
    public void service(Mail mail) {
        DmarcVerdict verdict;
        ResultInfo result;
        try {
            verdict = evaluate(mail);
            result = verdict.toResultInfo();
        } catch (Exception e) {
            LOG.warn("DmarcEvaluate: mail {} could not be evaluated; recording dmarc=temperror", mail.getName(), e);
            verdict = null;
            result = new ResultInfo("dmarc", "temperror", "internal error", null, List.of());
        }
        try {
            ResultAttributes.put(mail, "dmarc", List.of(result));
            AuthResultsField.add(mail, authservId, List.of(result));
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

    /** One pass over the message: its header block, plus DKIM (when not recorded) and ARC (for overrides). */
    private DmarcVerdict evaluate(Mail mail) throws Exception {
        List<ResultInfo> dkimResults = ResultAttributes.get(mail, "dkim");
        List<ResultInfo> spfResults = ResultAttributes.get(mail, "spf");
        List<BodyHashRequester> requesters = new ArrayList<>();
        DkimCheck dkimCheck = dkimResults.isEmpty() ? dkim.check() : null;
        ArcCheck arcCheck = arc != null ? arc.check() : null;
        if (dkimCheck != null) {
            requesters.add(dkimCheck);
        }
        if (arcCheck != null) {
            requesters.add(arcCheck);
        }
        ScannedMessage scanned = MessageScan.scan(mail.getMessage(), MessageLimits.DEFAULT, requesters);
        if (dkimCheck != null) {
            dkimResults = dkimCheck.verdicts(scanned).stream().map(DkimVerdict::toResultInfo).toList();
        }
        if (spfResults.isEmpty()) {
            spfResults = computedSpf(mail);
        }
        DmarcRequest.Builder request = DmarcRequest.builder(scanned.headers()).resultInfos(dkimResults)
                .resultInfos(spfResults);
        if (arcCheck != null) {
            ArcVerdict chain = arcCheck.verdict(scanned);
            request.arc(new ArcInput(chain.result().keyword(),
                    chain.sets().stream().map(ArcSetSummary::sealDomain).toList(), Math.max(0, chain.oldestPass())));
        }
        return evaluator.evaluate(request.build());
    }

    private List<ResultInfo> computedSpf(Mail mail) {
        String helo = mail.getAttribute(Mail.SMTP_HELO).map(a -> String.valueOf(a.getValue().value())).orElse("");
        String mailFrom = mail.getMaybeSender().asOptional().map(Object::toString).orElse("");
        return IpLiteral.parse(String.valueOf(mail.getRemoteAddr()))
                .map(ip -> List.of(spf.checkMailFrom(ip, helo, mailFrom).toResultInfo()))
                .orElse(List.of());
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DmarcEvaluate: DMARC (RFC 9989 / RFC 7489) with dispositions and ARC overrides";
    }
}
