package dev.inkan.james.mailets;

import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.AuthservIds;
import dev.inkan.james.config.DnsParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.message.HeaderEditor;
import dev.inkan.net.IpLiteral;
import dev.inkan.net.IpNetwork;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfVerdict;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
    private static final Set<String> PARAMETERS = Set.of("authservId", "checkHelo", "addReceivedSpf",
            "skipNetworks", "skipAuthenticated");

    private final Clock clock;
    private SpfEvaluator evaluator;
    private String authservId;
    private boolean checkHelo;
    private boolean addReceivedSpf;
    private boolean skipAuthenticated;
    private List<IpNetwork> skipNetworks;

    public SpfCheck() {
        this(Clock.systemUTC());
    }

    SpfCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        Set<String> allowed = new HashSet<>(PARAMETERS);
        allowed.addAll(DnsParameters.NAMES);
        checkInitParameters(allowed);
        MailetParameters p = new MailetParameters("SpfCheck", this::getInitParameter);
        authservId = AuthservIds.of(p);
        checkHelo = p.bool("checkHelo", false);
        addReceivedSpf = p.bool("addReceivedSpf", true);
        skipAuthenticated = p.bool("skipAuthenticated", true);
        skipNetworks = new ArrayList<>();
        List<String> networks = p.string("skipNetworks").isPresent() ? List.of(p.string("skipNetworks").get().split("[,\\s]+"))
                : List.of("127.0.0.0/8", "::1");
        for (String n : networks) {
            skipNetworks.add(IpNetwork.parse(n).orElseThrow(() -> p.error("skipNetworks", "has an invalid address block '" + n + "'")));
        }
        evaluator = new SpfEvaluator(SpfConfig.builder(DnsParameters.resolver(p)).clock(clock).receiver(authservId).build());
    }

    @Override
    public void service(Mail mail) {
        Optional<InetAddress> client = IpLiteral.parse(String.valueOf(mail.getRemoteAddr()));
        if (client.isEmpty() || skipNetworks.stream().anyMatch(n -> n.contains(client.get()))
                || skipAuthenticated && mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent()) {
            return;
        }
        List<ResultInfo> results = new ArrayList<>();
        List<String> receivedSpf = new ArrayList<>();
        String helo = mail.getAttribute(Mail.SMTP_HELO).map(a -> String.valueOf(a.getValue().value())).orElse("");
        String mailFrom = mail.getMaybeSender().asOptional().map(Object::toString).orElse("");
        try {
            if (checkHelo) {
                record(evaluator.checkHelo(client.get(), helo), results, receivedSpf);
            }
            record(evaluator.checkMailFrom(client.get(), helo, mailFrom), results, receivedSpf);
        } catch (RuntimeException e) {
            LOG.warn("SpfCheck: mail {} could not be checked; recording spf=temperror", mail.getName(), e);
            results.add(new ResultInfo("spf", "temperror", "internal error", null, List.of()));
        }
        try {
            ResultAttributes.put(mail, "spf", results);
            if (addReceivedSpf && !receivedSpf.isEmpty()) {
                HeaderEditor.rewrite(mail.getMessage(), receivedSpf, line -> true);
            }
            AuthResultsField.add(mail, authservId, results);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("SpfCheck: could not record the SPF results of mail {}; it continues unchanged", mail.getName(), e);
        }
    }

    private static void record(SpfVerdict verdict, List<ResultInfo> results, List<String> receivedSpf) {
        results.add(verdict.toResultInfo());
        receivedSpf.add(verdict.receivedSpf().header());
    }

    @Override
    public String getMailetInfo() {
        return "Inkan SpfCheck: SPF (RFC 7208) with Received-SPF and Authentication-Results";
    }
}
