package dev.inkan.spf;

import static dev.inkan.spf.SpfTestDns.evaluator;
import static dev.inkan.spf.SpfTestDns.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.QueryType;
import dev.inkan.dns.RecordingResolver;
import dev.inkan.dns.ScriptedResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The processing limits of RFC 7208 §4.6.4, asserted on the queries actually made. */
class SpfLimitsTest {

    static ScriptedResolver hosts(ScriptedResolver dns, int count) {
        for (int i = 1; i <= count; i++) {
            dns.a("h" + i + ".example.com", "198.51.100." + i);
        }
        return dns;
    }

    static String terms(String term, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append(' ').append(term.replace("#", Integer.toString(i)));
        }
        return out.toString();
    }

    @Test
    void tenDnsTermsAreAllowed() {
        RecordingResolver dns = new RecordingResolver(hosts(ScriptedResolver.empty(), 10)
                .txt("example.com", "v=spf1" + terms("a:h#.example.com", 10) + " -all"));
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx.example.com", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.dnsTerms()).isEqualTo(10);
        assertThat(dns.count(QueryType.A)).isEqualTo(10);
    }

    @Test
    void theEleventhDnsTermIsPermerrorAndNotQueried() {
        RecordingResolver dns = new RecordingResolver(hosts(ScriptedResolver.empty(), 11)
                .txt("example.com", "v=spf1" + terms("a:h#.example.com", 11) + " -all"));
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx.example.com", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.reason()).isEqualTo(SpfReason.TOO_MANY_LOOKUPS);
        assertThat(verdict.problem()).contains("a:h11.example.com");
        assertThat(dns.names(QueryType.A)).hasSize(10).doesNotContain("h11.example.com");
    }

    @Test
    void includesAndRedirectsShareTheLimitSoALoopStops() {
        RecordingResolver dns = new RecordingResolver(ScriptedResolver.empty()
                .txt("example.com", "v=spf1 include:example.com -all")
                .txt("example.net", "v=spf1 ip4:192.0.2.99 redirect=example.net"));
        SpfVerdict include = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com");
        assertThat(include.reason()).isEqualTo(SpfReason.TOO_MANY_LOOKUPS);
        assertThat(dns.count(QueryType.TXT)).isEqualTo(11); // the domain, then 10 includes
        dns.clear();
        SpfVerdict redirect = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.net");
        assertThat(redirect.reason()).isEqualTo(SpfReason.TOO_MANY_LOOKUPS);
        assertThat(dns.count(QueryType.TXT)).isEqualTo(11);
    }

    @Test
    void twoVoidLookupsAreAllowedTheThirdIsPermerror() {
        ScriptedResolver zone = ScriptedResolver.empty().a("real.example.com", "198.51.100.1")
                .txt("two.example.com", "v=spf1 a:nx1.example.com mx:nx2.example.com a:real.example.com ?all")
                .txt("three.example.com", "v=spf1 a:nx1.example.com exists:nx2.example.com a:nx3.example.com ?all");
        SpfVerdict two = evaluator(zone).checkMailFrom(ip("192.0.2.1"), "mx", "a@two.example.com");
        assertThat(two.result()).isEqualTo(SpfResult.NEUTRAL);
        assertThat(two.voidLookups()).isEqualTo(2);
        SpfVerdict three = evaluator(zone).checkMailFrom(ip("192.0.2.1"), "mx", "a@three.example.com");
        assertThat(three.reason()).isEqualTo(SpfReason.TOO_MANY_VOID_LOOKUPS);
        SpfEvaluator strict = new SpfEvaluator(SpfConfig.builder(zone)
                .limits(SpfLimits.RFC7208.withMaxVoidLookups(0)).build());
        assertThat(strict.checkMailFrom(ip("192.0.2.1"), "mx", "a@two.example.com").reason())
                .isEqualTo(SpfReason.TOO_MANY_VOID_LOOKUPS);
    }

    @Test
    void mxHostsWithoutAddressesOfTheClientsFamilyAreVoidLookups() {
        // RFC 7208 §4.6.4: each address lookup of an MX host that returns no record is a void lookup (pyspf and
        // Mail::SPF count the same); with an IPv6 client and MX hosts that have only A records, the third is one
        // too many before the ip6 mechanism is reached
        ScriptedResolver zone = ScriptedResolver.empty()
                .txt("example.com", "v=spf1 mx ip6:2001:db8:1::/48 -all")
                .mx("example.com", 10, "mx1.example.com").mx("example.com", 20, "mx2.example.com")
                .mx("example.com", 30, "mx3.example.com")
                .a("mx1.example.com", "192.0.2.1").a("mx2.example.com", "192.0.2.2").a("mx3.example.com", "192.0.2.3");
        SpfVerdict ipv6 = evaluator(zone).checkMailFrom(ip("2001:db8:1::25"), "mx", "a@example.com");
        assertThat(ipv6.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(ipv6.reason()).isEqualTo(SpfReason.TOO_MANY_VOID_LOOKUPS);
        assertThat(ipv6.voidLookups()).isEqualTo(3);

        SpfVerdict ipv4 = evaluator(zone).checkMailFrom(ip("198.51.100.1"), "mx", "a@example.com");
        assertThat(ipv4.result()).as("the same hosts have A records").isEqualTo(SpfResult.FAIL);
        assertThat(ipv4.voidLookups()).isZero();
    }

    @Test
    void oneMxHostWithoutAaaaIsOneVoidLookupWithinTheLimit() {
        ScriptedResolver zone = ScriptedResolver.empty()
                .txt("example.com", "v=spf1 mx ip6:2001:db8:1::/48 -all")
                .mx("example.com", 10, "mx1.example.com").a("mx1.example.com", "192.0.2.1");
        SpfVerdict verdict = evaluator(zone).checkMailFrom(ip("2001:db8:1::25"), "mx", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(verdict.voidLookups()).isEqualTo(1);
    }

    @Test
    void moreThanTenMxRecordsIsPermerrorBeforeAnyAddressLookup() {
        ScriptedResolver zone = ScriptedResolver.empty().txt("example.com", "v=spf1 mx -all");
        for (int i = 0; i < 11; i++) {
            zone.mx("example.com", i, "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
        }
        RecordingResolver dns = new RecordingResolver(zone);
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com");
        assertThat(verdict.reason()).isEqualTo(SpfReason.TOO_MANY_MX);
        assertThat(dns.count(QueryType.A)).isZero();
    }

    @Test
    void onlyTheFirstTenPtrNamesAreLookedAt() {
        ScriptedResolver zone = ScriptedResolver.empty().txt("example.com", "v=spf1 ptr:example.org -all");
        for (int i = 1; i <= 12; i++) {
            zone.ptr("1.2.0.192.in-addr.arpa", "h" + i + ".example.org").a("h" + i + ".example.org", "192.0.2.1");
        }
        RecordingResolver dns = new RecordingResolver(zone);
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(dns.count(QueryType.PTR)).isEqualTo(1);
        assertThat(dns.count(QueryType.A)).isLessThanOrEqualTo(10);
        ScriptedResolver eleventh = ScriptedResolver.empty().txt("example.com", "v=spf1 ptr:example.net -all");
        for (int i = 1; i <= 10; i++) {
            eleventh.ptr("1.2.0.192.in-addr.arpa", "h" + i + ".example.org").a("h" + i + ".example.org", "192.0.2.1");
        }
        eleventh.ptr("1.2.0.192.in-addr.arpa", "mail.example.net").a("mail.example.net", "192.0.2.1");
        assertThat(evaluator(eleventh).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com").result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void explanationLookupsCountNeitherAsTermsNorAsVoid() {
        RecordingResolver dns = new RecordingResolver(hosts(ScriptedResolver.empty(), 10)
                .txt("example.com", "v=spf1" + terms("a:h#.example.com", 10) + " -all exp=nx.example.com"));
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.dnsTerms()).isEqualTo(10);
        assertThat(verdict.voidLookups()).isZero();
        assertThat(dns.names(QueryType.TXT)).containsExactly("example.com", "nx.example.com");
    }

    @Test
    void theTimeLimitGivesTemperror() {
        Clock ticking = new Clock() {
            private long millis;

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                millis += 3_000;
                return Instant.ofEpochMilli(millis);
            }
        };
        ScriptedResolver zone = hosts(ScriptedResolver.empty(), 10)
                .txt("example.com", "v=spf1" + terms("a:h#.example.com", 10) + " -all");
        SpfEvaluator evaluator = new SpfEvaluator(SpfConfig.builder(zone).clock(ticking)
                .limits(SpfLimits.RFC7208.withMaxElapsed(Duration.ofSeconds(20))).build());
        SpfVerdict verdict = evaluator.checkMailFrom(ip("192.0.2.1"), "mx", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.reason()).isEqualTo(SpfReason.TIME_LIMIT);
    }
}
