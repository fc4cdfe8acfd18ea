package dev.inkan.james.config;

import dev.inkan.dns.DnsLookups;
import dev.inkan.dns.DnsObserver;
import dev.inkan.s25r.S25rChecker;
import dev.inkan.s25r.S25rList;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.mail.MessagingException;

/**
 * The S25R settings of S25rCheck (SMTP) and S25rClientIs (matcher): {@code allow} and {@code deny} (entries
 * separated by commas or spaces: address blocks, {@code /regular expressions/}, domains; see {@link S25rList}),
 * {@code allowFile} and {@code denyFile} (one entry a line, e.g. a Postfix S25R {@code white_list}; added to the
 * inline entries), {@code dnsBudget} (milliseconds one check may wait for DNS in all, default 5000) and the DNS
 * settings of every Inkan component ({@link DnsParameters}).
 */
public final class S25rParameters {

    public static final Set<String> NAMES = names();

    private S25rParameters() {
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(DnsParameters.NAMES);
        names.addAll(Set.of("allow", "allowFile", "deny", "denyFile", "dnsBudget"));
        return Set.copyOf(names);
    }

    public static S25rChecker checker(MailetParameters p) throws MessagingException {
        return checker(p, DnsObserver.NONE);
    }

    /** As {@link #checker(MailetParameters)}, telling {@code observer} of its DNS queries (metrics). */
    public static S25rChecker checker(MailetParameters p, DnsObserver observer) throws MessagingException {
        S25rList allow = list(p, "allow", "allowFile");
        S25rList deny = list(p, "deny", "denyFile");
        Duration budget = Duration.ofMillis(p.integer("dnsBudget",
                (int) S25rChecker.DEFAULT_DNS_BUDGET.toMillis(), 100, 600_000));
        return new S25rChecker(new DnsLookups(DnsParameters.resolver(p), observer), budget, allow, deny);
    }

    private static S25rList list(MailetParameters p, String inline, String fileParameter) throws MessagingException {
        S25rList list;
        try {
            list = S25rList.parse(p.string(inline).orElse(""));
        } catch (IllegalArgumentException e) {
            throw p.error(inline, "has " + e.getMessage());
        }
        Optional<Path> file = p.file(fileParameter);
        if (file.isPresent()) {
            try {
                list = list.and(S25rList.read(file.get()));
            } catch (IOException e) {
                throw p.error(fileParameter, "cannot be read: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw p.error(fileParameter, "file " + file.get().toAbsolutePath() + ", " + e.getMessage());
            }
        }
        return list;
    }
}
