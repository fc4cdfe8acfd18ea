package dev.inkan.james.matchers;

import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.config.S25rParameters;
import dev.inkan.james.config.SkippedClients;
import dev.inkan.s25r.S25rChecker;
import dev.inkan.s25r.S25rResult;
import dev.inkan.s25r.S25rRule;
import dev.inkan.s25r.S25rVerdict;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetException;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches mail whose SMTP client (the remote address James recorded) S25R flags: no forward-confirmed reverse DNS
 * name, or one that looks like an end-user line (S25R rules 0 to 6), or on the deny list. For routing instead of
 * refusing in the session (S25rCheck does that): a spam folder, a repository, a header. The condition is the
 * outcomes to match, comma-separated, then optional {@code ;}-separated parameters:
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.S25rClientIs=flagged,denied" class="ToProcessor"&gt;
 * &lt;mailet match="dev.inkan.james.matchers.S25rClientIs=rule0; allow=.example.jp, 192.0.2.0/24; dnsTimeout=1" ...&gt;
 * </pre>
 * Outcomes: {@code flagged} (any rule), {@code rule0} … {@code rule6} (that rule), {@code denied}, {@code temperror}
 * (reverse DNS not checkable now), {@code allowed}, {@code pass}. Parameters: {@code allow}, {@code allowFile},
 * {@code deny}, {@code denyFile}, {@code dnsBudget}, {@code dnsServers}, {@code dnsTimeout}, {@code dnsRetries},
 * {@code dnsZoneFile}, {@code skipNetworks} (default {@code 127.0.0.0/8, ::1}), {@code skipAuthenticated} (default
 * true), as for S25rCheck. Mail without a client address, or from a skipped client, never matches; neither does
 * mail whose check failed inside Inkan (a WARN log).
 */
public class S25rClientIs extends GenericMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(S25rClientIs.class);
    private static final Set<String> RESULTS = Set.of("flagged", "denied", "temperror", "allowed", "pass");

    private final Set<String> outcomes = new LinkedHashSet<>();
    private S25rChecker checker;
    private SkippedClients skipped;

    @Override
    public void init() throws MessagingException {
        String[] parts = (getCondition() == null ? "" : getCondition()).split(";");
        for (String token : Arrays.stream(parts[0].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (!RESULTS.contains(lower) && !lower.matches("rule[0-6]")) {
                throw new MailetException(getMatcherName() + ": '" + token + "' is not an S25R outcome (flagged, rule0"
                        + " to rule6, denied, temperror, allowed, pass); parameters follow the outcomes after ';', e.g. "
                        + getMatcherName() + "=flagged,denied; allow=.example.jp");
            }
            outcomes.add(lower);
        }
        if (outcomes.isEmpty()) {
            throw new MailetException(getMatcherName() + ": the condition needs at least one outcome, e.g. "
                    + getMatcherName() + "=flagged,denied");
        }
        MailetParameters p = new MailetParameters(getMatcherName(), parameters(parts)::get);
        checker = S25rParameters.checker(p);
        skipped = SkippedClients.read(p);
    }

    /** The {@code name=value} parameters after the outcomes; an unknown or repeated name is an error. */
    private Map<String, String> parameters(String[] parts) throws MailetException {
        Map<String, String> parameters = new HashMap<>();
        for (String part : List.of(parts).subList(1, parts.length)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            if (eq < 0 || !S25rParameters.NAMES.contains(name) && !SkippedClients.NAMES.contains(name)) {
                throw new MailetException(getMatcherName() + ": '" + part.strip() + "' is not a parameter (name=value)"
                        + " of " + names());
            }
            if (parameters.put(name, part.substring(eq + 1).strip()) != null) {
                throw new MailetException(getMatcherName() + ": parameter '" + name + "' is given twice");
            }
        }
        return parameters;
    }

    private static Set<String> names() {
        Set<String> names = new TreeSet<>(S25rParameters.NAMES);
        names.addAll(SkippedClients.NAMES);
        return names;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        SmtpEnvelope envelope = MailAuthentication.envelope(mail);
        if (!envelope.hasClient() || skipped.skips(envelope.clientIp(), envelope.authenticated())) {
            return List.of();
        }
        try {
            S25rVerdict verdict = checker.check(envelope.clientIp());
            boolean matches = outcomes.contains(verdict.result().name().toLowerCase(Locale.ROOT))
                    || verdict.rule().map(S25rRule::number).filter(n -> outcomes.contains("rule" + n)).isPresent();
            if (matches && verdict.result() != S25rResult.PASS) {
                LOG.info("{}: mail {} matches: {}", getMatcherName(), mail.getName(), verdict.explanation());
            }
            return matches ? mail.getRecipients() : List.of();
        } catch (RuntimeException e) {
            LOG.warn("{}: mail {} could not be checked inside Inkan; not matched", getMatcherName(), mail.getName(), e);
            return List.of();
        }
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan S25rClientIs: matches mail from clients S25R (Selective SMTP Rejection) flags";
    }
}
