package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsStatus;
import dev.inkan.dns.MxHost;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates one mechanism (RFC 7208 §5): match, no match, or an outcome that ends the evaluation
 * (temperror, permerror). DNS-querying mechanisms count against the term limit before they query (§4.6.4).
 */
final class SpfTerms {

    /** What a mechanism gave: {@code error} ends check_host(); otherwise {@code matched} says which way. */
    record Match(boolean matched, SpfOutcome error) {
        static final Match YES = new Match(true, null);
        static final Match NO = new Match(false, null);

        static Match of(boolean matched) {
            return matched ? YES : NO;
        }

        static Match error(SpfOutcome error) {
            return new Match(false, error);
        }
    }

    private final SpfCheck check;
    private final SpfLookups lookups;
    private final SpfValidatedNames validatedNames;
    private final InetAddress client;
    private final boolean ip4Client;
    private final SpfLimits limits;

    SpfTerms(SpfCheck check, SpfLookups lookups, SpfValidatedNames validatedNames, InetAddress client,
            SpfLimits limits) {
        this.check = check;
        this.lookups = lookups;
        this.validatedNames = validatedNames;
        this.client = client;
        this.ip4Client = IpLiteral.isIp4(client);
        this.limits = limits;
    }

    /** Evaluates {@code directive}'s mechanism in the record of {@code domain}. */
    Match match(SpfDirective directive, String domain) {
        SpfMechanism mechanism = directive.mechanism();
        if (mechanism.queriesDns()) {
            SpfOutcome tooMany = lookups.countTerm(directive.text());
            if (tooMany != null) {
                return Match.error(tooMany);
            }
        }
        if (mechanism instanceof SpfMechanism.All) {
            return Match.YES;
        } else if (mechanism instanceof SpfMechanism.Ip4 ip4) {
            return Match.of(IpLiteral.contains(ip4.network(), ip4.prefix(), client));
        } else if (mechanism instanceof SpfMechanism.Ip6 ip6) {
            return Match.of(IpLiteral.contains(ip6.network(), ip6.prefix(), client));
        } else if (mechanism instanceof SpfMechanism.Include include) {
            return include(directive, check.targetName(include.domainSpec(), domain));
        } else if (mechanism instanceof SpfMechanism.A a) {
            return a(directive, target(a.domainSpec(), domain), a.ip4Prefix(), a.ip6Prefix());
        } else if (mechanism instanceof SpfMechanism.Mx mx) {
            return mx(directive, target(mx.domainSpec(), domain), mx.ip4Prefix(), mx.ip6Prefix());
        } else if (mechanism instanceof SpfMechanism.Ptr ptr) {
            return ptr(directive, target(ptr.domainSpec(), domain));
        }
        SpfMechanism.Exists exists = (SpfMechanism.Exists) mechanism;
        return exists(directive, check.targetName(exists.domainSpec(), domain));
    }

    private String target(SpfMacroString domainSpec, String domain) {
        return domainSpec == null ? domain : check.targetName(domainSpec, domain);
    }

    /** §5.2: the recursive result decides: pass matches; fail, softfail, neutral do not; errors and none end. */
    private Match include(SpfDirective directive, String target) {
        SpfOutcome inner = check.checkHost(target, SpfCheck.Scope.INCLUDE);
        return switch (inner.result()) {
            case PASS -> Match.YES;
            case FAIL, SOFTFAIL, NEUTRAL -> Match.NO;
            case TEMPERROR, PERMERROR -> Match.error(inner);
            case NONE -> Match.error(SpfOutcome.of(SpfReason.INCLUDE_NONE,
                    directive.text() + ": " + inner.detail() + " [RFC 7208 5.2]"));
        };
    }

    /** §5.3: an address of the target (A or AAAA by the client's family) covers the client. */
    private Match a(SpfDirective directive, String target, int ip4Prefix, int ip6Prefix) {
        DnsAnswer<InetAddress> answer = lookups.addresses(target, ip4Client);
        if (answer.status() == DnsStatus.TEMPFAIL) {
            return Match.error(lookups.tempError(ip4Client ? "A" : "AAAA", target, answer));
        }
        SpfOutcome tooMany = lookups.countVoid(answer, directive.text());
        if (tooMany != null) {
            return Match.error(tooMany);
        }
        return Match.of(covers(answer.records(), ip4Prefix, ip6Prefix));
    }

    /**
     * §5.4: the addresses of every MX host of the target, looked up first (a DNS error is temperror, §5),
     * then compared. More than {@code maxMxNames} MX records is permerror (§4.6.4); the implicit MX rule
     * of RFC 5321 does not apply and a null MX (RFC 7505, exchange ".") has no addresses.
     */
    private Match mx(SpfDirective directive, String target, int ip4Prefix, int ip6Prefix) {
        DnsAnswer<MxHost> answer = lookups.mx(target);
        if (answer.status() == DnsStatus.TEMPFAIL) {
            return Match.error(lookups.tempError("MX", target, answer));
        }
        SpfOutcome tooMany = lookups.countVoid(answer, directive.text());
        if (tooMany != null) {
            return Match.error(tooMany);
        }
        if (answer.records().size() > limits.maxMxNames()) {
            return Match.error(SpfOutcome.of(SpfReason.TOO_MANY_MX, directive.text() + ": " + target + " has "
                    + answer.records().size() + " MX records, more than " + limits.maxMxNames() + " [RFC 7208 4.6.4]"));
        }
        List<MxHost> hosts = answer.records().stream().sorted(Comparator.comparingInt(MxHost::preference)).toList();
        List<InetAddress> addresses = new ArrayList<>();
        for (MxHost host : hosts) {
            if (host.exchange().isEmpty()) {
                continue;
            }
            DnsAnswer<InetAddress> hostAddresses = lookups.addresses(host.exchange(), ip4Client);
            if (hostAddresses.status() == DnsStatus.TEMPFAIL) {
                return Match.error(lookups.tempError(ip4Client ? "A" : "AAAA", host.exchange(), hostAddresses));
            }
            SpfOutcome tooManyVoid = lookups.countVoid(hostAddresses, directive.text() + " (" + host.exchange() + ")");
            if (tooManyVoid != null) {
                return Match.error(tooManyVoid);
            }
            addresses.addAll(hostAddresses.records());
        }
        return Match.of(covers(addresses, ip4Prefix, ip6Prefix));
    }

    /**
     * §5.5: a validated name of the client is the target or below it. A DNS error on the PTR lookup is no
     * match; an empty PTR answer, and each name whose validating address lookup is empty, is a void lookup
     * (§4.6.4).
     */
    private Match ptr(SpfDirective directive, String target) {
        DnsAnswer<String> names = validatedNames.ptrNames();
        if (names.status() == DnsStatus.TEMPFAIL) {
            return Match.NO;
        }
        SpfOutcome tooMany = lookups.countVoid(names, directive.text());
        if (tooMany != null) {
            return Match.error(tooMany);
        }
        boolean match = validatedNames.anyWithin(target);
        if (validatedNames.voidLimitPassed() != null) {
            return Match.error(validatedNames.voidLimitPassed());
        }
        return Match.of(match);
    }

    /** §5.7: the target has an A record, whatever the client's family. */
    private Match exists(SpfDirective directive, String target) {
        DnsAnswer<InetAddress> answer = lookups.a(target);
        if (answer.status() == DnsStatus.TEMPFAIL) {
            return Match.error(lookups.tempError("A", target, answer));
        }
        SpfOutcome tooMany = lookups.countVoid(answer, directive.text());
        if (tooMany != null) {
            return Match.error(tooMany);
        }
        return Match.of(answer.isFound());
    }

    /** §5: whether one of {@code addresses} covers the client on the prefix length of its family. */
    private boolean covers(List<InetAddress> addresses, int ip4Prefix, int ip6Prefix) {
        int prefix = ip4Client ? ip4Prefix : ip6Prefix;
        return addresses.stream().anyMatch(address -> IpLiteral.contains(address.getAddress(), prefix, client));
    }
}
