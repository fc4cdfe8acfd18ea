package dev.inkan.james.mailets;

import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.AuthservIds;
import dev.inkan.james.config.DnsParameters;
import dev.inkan.james.config.KeyPolicyParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.message.MessageScan;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.ScannedMessage;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the DKIM signatures of a mail (RFC 6376, RFC 8301, RFC 8463), records one resinfo per
 * signature in the attribute {@code dev.inkan.dkim}, and writes them into the message's one
 * Authentication-Results field for {@code authservId} (forged fields with that id are removed first).
 * A failure of its own never stops the mail: it becomes {@code dkim=temperror} and a WARN log.
 * Parameters: see the README's DkimVerify table.
 */
public class DkimVerify extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DkimVerify.class);
    private static final Set<String> PARAMETERS = Set.of("authservId", "maxSignatures", "maxHeaderBytes");

    private final Clock clock;
    private DkimVerifier verifier;
    private String authservId;
    private MessageLimits limits;

    public DkimVerify() {
        this(Clock.systemUTC());
    }

    DkimVerify(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(PARAMETERS);
        allowed.addAll(DnsParameters.NAMES);
        allowed.addAll(KeyPolicyParameters.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("DkimVerify", this::getInitParameter);
        authservId = AuthservIds.of(p);
        limits = new MessageLimits(MessageLimits.DEFAULT.maxHeaderFields(),
                p.integer("maxHeaderBytes", MessageLimits.DEFAULT.maxHeaderBytes(), 1024, 64 * 1024 * 1024));
        verifier = new DkimVerifier(DkimVerifierConfig.builder(DnsParameters.resolver(p))
                .clock(clock)
                .maxSignatures(p.integer("maxSignatures", 10, 1, 100))
                .keyPolicy(KeyPolicyParameters.read(p))
                .messageLimits(limits)
                .build());
    }

    @Override
    public void service(Mail mail) {
        List<ResultInfo> results = verify(mail);
        try {
            ResultAttributes.put(mail, "dkim", results);
            AuthResultsField.add(mail, authservId, results);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("DkimVerify: could not record the DKIM results of mail {}; it continues unchanged", mail.getName(), e);
        }
    }

    private List<ResultInfo> verify(Mail mail) {
        try {
            DkimCheck check = verifier.check();
            ScannedMessage scanned = MessageScan.scan(mail.getMessage(), limits, List.of(check));
            List<DkimVerdict> verdicts = check.verdicts(scanned);
            if (verdicts.isEmpty()) {
                return List.of(ResultInfo.of("dkim", "none"));
            }
            return verdicts.stream().map(DkimVerdict::toResultInfo).toList();
        } catch (MessageLimitException e) {
            LOG.info("DkimVerify: mail {} not verified: {}", mail.getName(), e.getMessage());
            return List.of(new ResultInfo("dkim", "permerror", e.getMessage(), null, List.of()));
        } catch (Exception e) {
            LOG.warn("DkimVerify: mail {} could not be verified; recording dkim=temperror", mail.getName(), e);
            return List.of(new ResultInfo("dkim", "temperror", "internal error", null, List.of()));
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DkimVerify: DKIM verification with Authentication-Results";
    }
}
