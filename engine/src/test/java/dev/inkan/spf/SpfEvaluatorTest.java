package dev.inkan.spf;

import static dev.inkan.spf.SpfTestDns.evaluator;
import static dev.inkan.spf.SpfTestDns.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.MxHost;
import dev.inkan.dns.ScriptedResolver;
import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** check_host() behaviour beyond the suites: identities, A-R values, mapped IPv6, robustness. */
class SpfEvaluatorTest {

    static final ScriptedResolver DNS = ScriptedResolver.empty()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 a:mail.example.com/28//64 -all exp=why.example.com")
            .txt("why.example.com", "%{c} is not one of %{d}'s servers; see http://%{d}/spf?s=%{S}")
            .a("mail.example.com", "198.51.100.17").aaaa("mail.example.com", "2001:db8:5::1")
            .txt("mail.example.com", "v=spf1 a -all")
            .txt("users.example.org", "v=spf1 exists:%{l}.u.%{d} -all")
            .a("bob.u.users.example.org", "127.0.0.2")
            .txt("loop.example.net", "v=spf1 include:loop.example.net -all");

    static String resinfo(SpfVerdict verdict) {
        return AuthResultsFormatter.resultInfo(verdict.toResultInfo());
    }

    @Test
    void mailFromReportsTheDomainUnlessThePolicyLookedAtTheLocalPart() {
        SpfVerdict pass = evaluator(DNS).checkMailFrom(ip("192.0.2.9"), "mail.example.com", "alice@example.com");
        assertThat(resinfo(pass)).isEqualTo("spf=pass (domain of alice@example.com designates 192.0.2.9 as"
                + " permitted sender) smtp.mailfrom=example.com");
        assertThat(pass.mechanism()).isEqualTo("ip4:192.0.2.0/24");
        SpfVerdict perUser = evaluator(DNS).checkMailFrom(ip("203.0.113.5"), "mx", "bob@users.example.org");
        assertThat(perUser.result()).isEqualTo(SpfResult.PASS);
        assertThat(perUser.localPartUsed()).isTrue();
        assertThat(perUser.toResultInfo().property("smtp", "mailfrom")).contains("bob@users.example.org");
    }

    @Test
    void heloIdentityAndNullSender() {
        SpfVerdict helo = evaluator(DNS).checkHelo(ip("198.51.100.17"), "mail.example.com");
        assertThat(resinfo(helo)).endsWith("smtp.helo=mail.example.com").startsWith("spf=pass");
        SpfVerdict nullSender = evaluator(DNS).checkMailFrom(ip("198.51.100.18"), "mail.example.com", "<>");
        assertThat(nullSender.result()).isEqualTo(SpfResult.FAIL);
        assertThat(nullSender.request().sender()).isEqualTo("postmaster@mail.example.com");
        assertThat(nullSender.identity()).isEqualTo(SpfIdentity.MAILFROM);
        assertThat(resinfo(nullSender)).endsWith("smtp.mailfrom=mail.example.com");
    }

    @ParameterizedTest(name = "HELO \"{0}\" is not checked")
    @ValueSource(strings = {"[192.0.2.1]", "localhost", "A2345678", "", "JUMPIN' JUPITER", "a..example.com",
        "mail.example.123", "ex\u00e4mple.com"})
    void malformedHeloGivesNone(String helo) {
        SpfVerdict verdict = evaluator(DNS).checkHelo(ip("192.0.2.1"), helo);
        assertThat(verdict.result()).isEqualTo(SpfResult.NONE);
        assertThat(verdict.reason()).isEqualTo(SpfReason.INVALID_DOMAIN);
        assertThat(verdict.dnsTerms()).isZero();
        resinfo(verdict);
    }

    @Test
    void failCarriesTheExpandedExplanation() {
        SpfVerdict fail = evaluator(DNS).checkMailFrom(ip("203.0.113.7"), "x", "eve@example.com");
        assertThat(fail.result()).isEqualTo(SpfResult.FAIL);
        assertThat(fail.explanation()).isEqualTo("203.0.113.7 is not one of example.com's servers; see"
                + " http://example.com/spf?s=eve%40example.com");
        assertThat(fail.mechanism()).isEqualTo("-all");
    }

    @Test
    void ipv4MappedClientsAreIpv4() {
        SpfVerdict mapped = evaluator(DNS).checkMailFrom(ip("::ffff:192.0.2.9"), "x", "alice@example.com");
        assertThat(mapped.result()).isEqualTo(SpfResult.PASS);
        assertThat(mapped.receivedSpf().get("client-ip")).contains("192.0.2.9");
        ScriptedResolver ip6Only = ScriptedResolver.empty().txt("example.net", "v=spf1 ip6:::ffff:0:0/96 a//0 ?all")
                .aaaa("example.net", "2001:db8::1");
        assertThat(evaluator(ip6Only).checkMailFrom(ip("::ffff:192.0.2.9"), "x", "a@example.net").result())
                .isEqualTo(SpfResult.NEUTRAL);
        assertThat(evaluator(ip6Only).checkMailFrom(ip("2001:db8:9::9"), "x", "a@example.net").result())
                .isEqualTo(SpfResult.PASS);
    }

    @Test
    void dualCidrLengthsApplyByTheClientsFamily() {
        assertThat(evaluator(DNS).checkMailFrom(ip("198.51.100.30"), "x", "a@example.com").result())
                .isEqualTo(SpfResult.PASS);
        assertThat(evaluator(DNS).checkMailFrom(ip("198.51.100.33"), "x", "a@example.com").result())
                .isEqualTo(SpfResult.FAIL);
        assertThat(evaluator(DNS).checkMailFrom(ip("2001:db8:5::ffff:1"), "x", "a@example.com").result())
                .isEqualTo(SpfResult.PASS);
        assertThat(evaluator(DNS).checkMailFrom(ip("2001:db8:6::1"), "x", "a@example.com").result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void includeOfItselfHitsTheLookupLimit() {
        SpfVerdict verdict = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), "x", "a@loop.example.net");
        assertThat(verdict.reason()).isEqualTo(SpfReason.TOO_MANY_LOOKUPS);
        assertThat(verdict.dnsTerms()).isEqualTo(11);
    }

    @Test
    void aResolverThatThrowsOrAnswersNullIsATemporaryError() {
        DnsResolver broken = new DnsResolver() {
            public DnsAnswer<String> txt(String name) {
                throw new IllegalStateException("boom");
            }

            public DnsAnswer<InetAddress> a(String name) {
                return null;
            }

            public DnsAnswer<InetAddress> aaaa(String name) {
                return null;
            }

            public DnsAnswer<MxHost> mx(String name) {
                return null;
            }

            public DnsAnswer<String> ptr(InetAddress address) {
                return null;
            }
        };
        SpfVerdict verdict = evaluator(broken).checkMailFrom(ip("192.0.2.1"), "x", "a@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.reason()).isEqualTo(SpfReason.DNS_TEMPFAIL);
        assertThat(verdict.problem()).contains("boom");
    }

    @Test
    void hugeAnswersAndRecordsAreEvaluated() {
        ScriptedResolver dns = ScriptedResolver.empty();
        for (int i = 0; i < 500; i++) {
            dns.txt("big.example.com", "google-site-verification=" + i);
        }
        StringBuilder record = new StringBuilder("v=spf1");
        for (int i = 0; i < 5_000; i++) {
            record.append(" ip4:10.").append(i / 256).append('.').append(i % 256).append(".0/24");
        }
        dns.txt("big.example.com", record.append(" ip4:192.0.2.1 -all").toString());
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "x", "a@big.example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(verdict.dnsTerms()).isZero();
    }

    @Test
    void absurdMacroExpansionsGiveAPreciseResult() {
        String local = "x".repeat(10_000);
        ScriptedResolver dns = ScriptedResolver.empty()
                .txt("example.com", "v=spf1 exists:%{l}%{l}.%{s}.%{d99999999}.%{l1r}.%{ir}.%{d} -all");
        SpfVerdict verdict = evaluator(dns).checkMailFrom(ip("192.0.2.1"), "x", local + "@example.com");
        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.voidLookups()).isEqualTo(1);
    }

    /** Random records, built from SPF-ish tokens and random characters: every one gives a verdict. */
    @Test
    void neverThrowsForRandomRecords() {
        String[] tokens = {"v=spf1", "a", "mx", "ptr", "ip4:", "ip6:", "include:", "exists:", "redirect=", "exp=",
            "all", "-", "+", "~", "?", "/", "//", ":", "%{", "}", "%%", "%_", "%-", "%{ir}", "%{d2}", "%{p}",
            "example.com", "loop.example.net", "mail.example.com", "192.0.2.0", "2001:db8::", "24", "64", "0", "129",
            " ", " ", " ", ".", "..", "\u0000", "\u00e4", "=", "x"};
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder record = new StringBuilder("v=spf1 ");
            int length = random.nextInt(20);
            for (int t = 0; t < length; t++) {
                record.append(tokens[random.nextInt(tokens.length)]);
            }
            ScriptedResolver dns = ScriptedResolver.empty().txt("fuzz.example.com", record.toString())
                    .txt("example.com", "v=spf1 include:fuzz.example.com ?all")
                    .a("mail.example.com", "192.0.2.1").ptr("1.2.0.192.in-addr.arpa", "mail.example.com");
            String client = random.nextBoolean() ? "192.0.2.1" : "2001:db8::1";
            SpfVerdict verdict = evaluator(dns).checkMailFrom(ip(client), "mail.example.com", "u@fuzz.example.com");
            assertThat(verdict.result()).as(record.toString()).isNotNull();
            assertThat(verdict.reason()).as(record.toString()).isNotEqualTo(SpfReason.INTERNAL_ERROR);
            SpfConformanceTest.assertFormats(verdict);
        }
    }
}
