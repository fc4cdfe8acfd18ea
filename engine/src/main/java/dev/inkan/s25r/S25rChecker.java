package dev.inkan.s25r;

import dev.inkan.dns.DnsLookups;
import dev.inkan.dns.DnsResolver;
import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * S25R for one SMTP client address, in this order (the first step that decides ends it):
 * <ol>
 *   <li>an allow-list entry matching the address: {@link S25rResult#ALLOWED} (no DNS query);</li>
 *   <li>a deny-list entry matching the address, when no allow-list entry is about names: {@link S25rResult#DENIED}
 *       (no DNS query);</li>
 *   <li>the client's forward-confirmed name ({@link ClientName}): an allow-list entry matching it:
 *       {@link S25rResult#ALLOWED};</li>
 *   <li>a temporary DNS failure: {@link S25rResult#TEMPERROR} (never an exception);</li>
 *   <li>a deny-list entry matching the address or the name: {@link S25rResult#DENIED};</li>
 *   <li>no confirmed name: {@link S25rResult#FLAGGED} by {@link S25rRule#RULE_0};</li>
 *   <li>the first of rules 1 to 6 matching the name: {@link S25rResult#FLAGGED}; else {@link S25rResult#PASS}.</li>
 * </ol>
 * So the allow list wins over the deny list and the rules, and the deny list refuses whatever the rules say; as
 * in Postfix, only a forward-confirmed name is compared with the lists (a PTR record alone proves nothing: whoever
 * holds the address block writes it). The queries of one check share a DNS budget; what is still outstanding when
 * it is spent is a temporary failure. Thread-safe.
 */
public final class S25rChecker {

    /** What one check may wait for DNS in all, unless configured. */
    public static final Duration DEFAULT_DNS_BUDGET = Duration.ofSeconds(5);

    private final DnsLookups lookups;
    private final Duration budget;
    private final S25rList allow;
    private final S25rList deny;

    public S25rChecker(DnsLookups lookups, Duration budget, S25rList allow, S25rList deny) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.allow = Objects.requireNonNull(allow, "allow");
        this.deny = Objects.requireNonNull(deny, "deny");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("DNS budget must be positive: " + budget);
        }
    }

    /** Rules only: no lists, the default budget, queries on the shared DNS pool. */
    public S25rChecker(DnsResolver resolver) {
        this(new DnsLookups(resolver), DEFAULT_DNS_BUDGET, S25rList.empty(), S25rList.empty());
    }

    public S25rVerdict check(InetAddress clientAddress) {
        InetAddress client = IpLiteral.normalize(clientAddress);
        Optional<String> allowed = allow.matchAddress(client);
        if (allowed.isPresent()) {
            return S25rVerdict.listed(S25rResult.ALLOWED, client, Optional.empty(), allowed.get());
        }
        Optional<String> denied = deny.matchAddress(client);
        if (denied.isPresent() && !allow.hasNameEntries()) {
            return S25rVerdict.listed(S25rResult.DENIED, client, Optional.empty(), denied.get());
        }
        ClientName name = ClientName.of(client, lookups.forMessage(budget));
        if (name.confirmed()) {
            allowed = allow.matchName(name.name().get());
            if (allowed.isPresent()) {
                return S25rVerdict.listed(S25rResult.ALLOWED, client, name.name(), allowed.get());
            }
        }
        if (name.status() == ClientName.Status.TEMPFAIL) {
            return S25rVerdict.temperror(client, name.name(), name.detail());
        }
        if (denied.isEmpty() && name.confirmed()) {
            denied = deny.matchName(name.name().get());
        }
        if (denied.isPresent()) {
            return S25rVerdict.listed(S25rResult.DENIED, client, name.name(), denied.get());
        }
        if (!name.confirmed()) {
            return S25rVerdict.flagged(S25rRule.RULE_0, client, name.name(), name.detail());
        }
        return S25rRule.firstMatch(name.name().get())
                .map(rule -> S25rVerdict.flagged(rule, client, name.name(), ""))
                .orElseGet(() -> S25rVerdict.pass(client, name.name().get()));
    }

    @Override
    public String toString() {
        return "S25rChecker[allow " + allow.size() + ", deny " + deny.size() + ", DNS budget " + budget.toMillis()
                + " ms]";
    }
}
