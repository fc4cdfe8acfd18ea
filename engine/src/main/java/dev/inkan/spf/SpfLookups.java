package dev.inkan.spf;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import dev.inkan.dns.MxHost;
import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The DNS side of one evaluation: every query goes through here, which keeps the counts of RFC 7208
 * §4.6.4 (DNS-querying terms, void lookups) and the elapsed-time limit, and turns a resolver that
 * misbehaves (throws, answers null) into a temporary failure.
 *
 * <p>Void lookups (§4.6.4: DNS queries that "return either a positive answer (RCODE 0) with an answer count of
 * 0, or a 'Name Error' (RCODE 3) answer"; "SPF implementations SHOULD limit 'void lookups' to two") are counted
 * per query that comes back NXDOMAIN or empty: TXT of an include or redirect target, A/AAAA of {@code a}, A of
 * {@code exists}, MX of {@code mx} and the address lookup of each of its MX hosts (an IPv6 client and MX hosts
 * without AAAA), PTR of {@code ptr} and the address lookup validating each PTR name. The section speaks of
 * "terms for which DNS queries return" nothing; every such query is a void lookup of its term, which is how
 * pyspf and Mail::SPF count them too. {@code exp=} never counts (§4.6.4).
 */
final class SpfLookups {

    private final DnsResolver resolver;
    private final SpfLimits limits;
    private final Clock clock;
    private final long start;
    private int terms;
    private int voids;
    private boolean timeLimitHit;

    SpfLookups(DnsResolver resolver, SpfLimits limits, Clock clock) {
        this.resolver = resolver;
        this.limits = limits;
        this.clock = clock;
        this.start = clock.millis();
    }

    int terms() {
        return terms;
    }

    int voids() {
        return voids;
    }

    /** §4.6.4: counts one DNS-querying term; null, or permerror when the limit is passed. */
    SpfOutcome countTerm(String term) {
        terms++;
        if (terms > limits.maxDnsTerms()) {
            return SpfOutcome.of(SpfReason.TOO_MANY_LOOKUPS, "more than " + limits.maxDnsTerms()
                    + " DNS-querying terms, at " + term + " [RFC 7208 4.6.4]");
        }
        return null;
    }

    /**
     * §4.6.4: counts a void lookup when {@code answer} is NXDOMAIN or no data; null, or permerror when the
     * limit of void lookups is passed.
     */
    SpfOutcome countVoid(DnsAnswer<?> answer, String term) {
        return isVoid(answer) ? countVoidTerm(term) : null;
    }

    /** Whether {@code answer} is a void lookup (§4.6.4): NXDOMAIN, or no records of the type. */
    static boolean isVoid(DnsAnswer<?> answer) {
        return answer.status() == DnsStatus.NXDOMAIN || answer.status() == DnsStatus.NO_DATA;
    }

    /** §4.6.4: counts one void lookup of {@code term}; null, or permerror when the limit is passed. */
    SpfOutcome countVoidTerm(String term) {
        voids++;
        if (voids > limits.maxVoidLookups()) {
            return SpfOutcome.of(SpfReason.TOO_MANY_VOID_LOOKUPS, "more than " + limits.maxVoidLookups()
                    + " lookups found nothing, at " + term + " [RFC 7208 4.6.4]");
        }
        return null;
    }

    /** The temperror for a TEMPFAIL {@code answer} to the {@code type} query of {@code name} (§2.6.6, §5). */
    SpfOutcome tempError(String type, String name, DnsAnswer<?> answer) {
        if (timeLimitHit) {
            return SpfOutcome.of(SpfReason.TIME_LIMIT, "more than " + limits.maxElapsed().toSeconds()
                    + " s, at " + type + " " + name + " [RFC 7208 4.6.4]");
        }
        return SpfOutcome.of(SpfReason.DNS_TEMPFAIL, type + " " + name + ": " + answer.detail());
    }

    DnsAnswer<String> txt(String name) {
        return query(() -> resolver.txt(name));
    }

    /** A records for IPv4 clients, AAAA for IPv6 ones (RFC 7208 §5). */
    DnsAnswer<InetAddress> addresses(String name, boolean ip4) {
        return query(() -> ip4 ? resolver.a(name) : resolver.aaaa(name));
    }

    DnsAnswer<InetAddress> a(String name) {
        return query(() -> resolver.a(name));
    }

    DnsAnswer<MxHost> mx(String name) {
        return query(() -> resolver.mx(name));
    }

    DnsAnswer<String> ptr(InetAddress address) {
        return query(() -> resolver.ptr(address));
    }

    private <T> DnsAnswer<T> query(Supplier<DnsAnswer<T>> query) {
        if (clock.millis() - start > limits.maxElapsed().toMillis()) {
            timeLimitHit = true;
            return DnsAnswer.tempFail("SPF evaluation time limit exceeded");
        }
        try {
            DnsAnswer<T> answer = query.get();
            return answer != null ? answer : DnsAnswer.tempFail("resolver gave no answer");
        } catch (RuntimeException e) {
            return DnsAnswer.tempFail("resolver error: " + e);
        }
    }
}
