package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import dev.inkan.dns.DnsAnswer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's validated domain names (RFC 7208 §5.5), shared by the {@code ptr} mechanism and the
 * {@code %{p}} macro (§7.3) within one evaluation: the PTR names of the client address (at most the first
 * {@code maxPtrNames}, §4.6.4), each validated by an address lookup that must return the client address.
 * The PTR answer and each validation are looked up once per evaluation.
 */
final class SpfValidatedNames {

    private final SpfLookups lookups;
    private final InetAddress client;
    private final int maxNames;
    private DnsAnswer<String> ptr;
    private final Map<String, Boolean> validated = new HashMap<>();
    private SpfOutcome voidLimitPassed;

    SpfValidatedNames(SpfLookups lookups, InetAddress client, int maxNames) {
        this.lookups = lookups;
        this.client = client;
        this.maxNames = maxNames;
    }

    /** The PTR answer for the client; when found, at most the first {@code maxPtrNames} names (§4.6.4). */
    DnsAnswer<String> ptrNames() {
        if (ptr == null) {
            DnsAnswer<String> answer = lookups.ptr(client);
            ptr = answer.isFound() && answer.records().size() > maxNames
                    ? DnsAnswer.found(answer.records().subList(0, maxNames))
                    : answer;
        }
        return ptr;
    }

    /**
     * Whether {@code name} resolves (A for an IPv4 client, AAAA for IPv6) to the client address. A DNS
     * error skips the name (§5.5: "that domain name is skipped and the search continues").
     */
    boolean isValidated(String name) {
        return validated.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> {
            DnsAnswer<InetAddress> addresses = lookups.addresses(name, IpLiteral.isIp4(client));
            SpfOutcome tooMany = lookups.countVoid(addresses, "ptr (" + name + ")");
            if (tooMany != null && voidLimitPassed == null) {
                voidLimitPassed = tooMany;
            }
            return addresses.isFound()
                    && addresses.records().stream().anyMatch(address -> IpLiteral.normalize(address).equals(client));
        });
    }

    /**
     * §5.5: whether a validated name of the client is {@code target} or below it; PTR errors give false. As the
     * section says, every PTR name (up to the limit) is validated first — "for each record returned, validate the
     * domain name" — and then the validated names are checked against the target, so the void lookups of
     * names outside the target count too (§4.6.4).
     */
    boolean anyWithin(String target) {
        DnsAnswer<String> names = ptrNames();
        if (!names.isFound()) {
            return false;
        }
        List<String> valid = names.records().stream().filter(this::isValidated).toList();
        return valid.stream().anyMatch(name -> SpfDomains.isWithin(name, target));
    }

    /** The permerror of the first validation whose void lookup passed the limit (§4.6.4), or null. */
    SpfOutcome voidLimitPassed() {
        return voidLimitPassed;
    }

    /**
     * The {@code %{p}} value for &lt;domain&gt; {@code domain} (§7.3): a validated name equal to the domain,
     * else one below it, else any validated name, else "unknown" (also after a DNS error).
     */
    String forDomain(String domain) {
        DnsAnswer<String> names = ptrNames();
        if (!names.isFound()) {
            return "unknown";
        }
        List<String> valid = names.records().stream().filter(this::isValidated).map(SpfDomains::withoutDot).toList();
        return valid.stream().filter(name -> name.equalsIgnoreCase(domain)).findFirst()
                .or(() -> valid.stream().filter(name -> SpfDomains.isWithin(name, domain)).findFirst())
                .or(() -> valid.stream().findFirst())
                .orElse("unknown");
    }
}
