package dev.inkan.s25r;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsLookups;
import dev.inkan.dns.ForwardingResolver;
import dev.inkan.dns.QueryType;
import dev.inkan.dns.RecordingResolver;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The whole decision: reverse DNS, forward confirmation, the lists and their precedence, DNS failures. */
class S25rCheckerTest {

    private static final InetAddress DYNAMIC = ip("192.0.2.1");
    private static final InetAddress SERVER = ip("192.0.2.25");
    private static final InetAddress NO_PTR = ip("192.0.2.99");
    private static final InetAddress FORGED = ip("192.0.2.66");
    private static final InetAddress V6 = ip("2001:db8::25");

    private final ScriptedResolver dns = ScriptedResolver.empty()
            .ptr(DYNAMIC, "p1234-ipbf01funabasi.chiba.ocn.ne.jp").a("p1234-ipbf01funabasi.chiba.ocn.ne.jp", "192.0.2.1")
            .ptr(SERVER, "mail.example.co.jp").a("mail.example.co.jp", "192.0.2.25")
            .ptr(FORGED, "mx.example.jp").a("mx.example.jp", "198.51.100.25")
            .ptr(V6, "smtp2.example.com").aaaa("smtp2.example.com", "2001:db8::25").a("smtp2.example.com", "192.0.2.2");

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }

    private S25rVerdict check(InetAddress client, String allow, String deny) {
        return new S25rChecker(new DnsLookups(dns), Duration.ofSeconds(5), S25rList.parse(allow),
                S25rList.parse(deny)).check(client);
    }

    @Test
    void a_dynamic_looking_name_is_flagged_with_its_rule_and_name() {
        S25rVerdict v = check(DYNAMIC, "", "");
        assertThat(v.result()).isEqualTo(S25rResult.FLAGGED);
        assertThat(v.rule()).hasValue(S25rRule.RULE_1);
        assertThat(v.ptrName()).hasValue("p1234-ipbf01funabasi.chiba.ocn.ne.jp");
        assertThat(v.explanation()).isEqualTo("p1234-ipbf01funabasi.chiba.ocn.ne.jp[192.0.2.1]: S25R rule 1"
                + " (the lowest label has two runs of digits)");
    }

    @Test
    void a_server_name_that_resolves_back_passes() {
        S25rVerdict v = check(SERVER, "", "");
        assertThat(v.result()).isEqualTo(S25rResult.PASS);
        assertThat(v.ptrName()).hasValue("mail.example.co.jp");
        assertThat(v.result().refused()).isFalse();
        assertThat(check(V6, "", "").result()).as("IPv6: confirmed by AAAA").isEqualTo(S25rResult.PASS);
    }

    @Test
    void no_ptr_is_rule_0() {
        S25rVerdict v = check(NO_PTR, "", "");
        assertThat(v.result()).isEqualTo(S25rResult.FLAGGED);
        assertThat(v.rule()).hasValue(S25rRule.RULE_0);
        assertThat(v.ptrName()).isEmpty();
        assertThat(v.explanation()).isEqualTo("unknown[192.0.2.99]: S25R rule 0 (no PTR record for 192.0.2.99)");
    }

    @Test
    void a_ptr_name_that_does_not_resolve_back_is_rule_0_and_no_list_entry_of_names_applies() {
        S25rVerdict v = check(FORGED, "example.jp", "");
        assertThat(v.result()).as("a forged PTR cannot claim an allow-listed name").isEqualTo(S25rResult.FLAGGED);
        assertThat(v.rule()).hasValue(S25rRule.RULE_0);
        assertThat(v.ptrName()).hasValue("mx.example.jp");
        assertThat(v.nameConfirmed()).isFalse();
        assertThat(v.detail()).isEqualTo("PTR name mx.example.jp does not resolve back to 192.0.2.66");
        assertThat(v.clientText()).isEqualTo("unknown[192.0.2.66]");
        // the name of another family does not confirm: an IPv6 client needs AAAA
        dns.ptr(ip("2001:db8::2"), "smtp2.example.com");
        assertThat(check(ip("2001:db8::2"), "", "").rule()).hasValue(S25rRule.RULE_0);
    }

    @Test
    void one_ptr_name_of_several_that_resolves_back_is_enough() {
        dns.ptr(NO_PTR, "gone.example.jp").ptr(NO_PTR, "mx2.example.jp").a("mx2.example.jp", "192.0.2.99");
        S25rVerdict v = check(NO_PTR, "", "");
        assertThat(v.result()).isEqualTo(S25rResult.PASS);
        assertThat(v.ptrName()).hasValue("mx2.example.jp");
    }

    @Test
    void a_ptr_name_that_is_no_host_name_is_rule_0() {
        dns.ptr(NO_PTR, "192.0.2.99").a("192.0.2.99", "192.0.2.99");
        S25rVerdict v = check(NO_PTR, "", "");
        assertThat(v.rule()).hasValue(S25rRule.RULE_0);
        assertThat(v.detail()).isEqualTo("PTR name 192.0.2.99 is not a valid host name");
    }

    @Test
    void the_allow_list_wins_over_the_rules_by_address_name_or_domain() {
        assertThat(check(DYNAMIC, "192.0.2.0/28", "").result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(check(DYNAMIC, "ocn.ne.jp", "").listEntry()).hasValue("ocn.ne.jp");
        assertThat(check(DYNAMIC, "/funabasi\\.chiba\\./", "").result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(check(NO_PTR, "/^192\\.0\\.2\\.99$/", "").result()).as("Postfix-style address regex")
                .isEqualTo(S25rResult.ALLOWED);
        assertThat(check(DYNAMIC, "example.co.jp", "").result()).isEqualTo(S25rResult.FLAGGED);
    }

    @Test
    void the_deny_list_refuses_what_the_rules_pass_and_the_allow_list_wins_over_it() {
        S25rVerdict byName = check(SERVER, "", "example.co.jp");
        assertThat(byName.result()).isEqualTo(S25rResult.DENIED);
        assertThat(byName.listEntry()).hasValue("example.co.jp");
        assertThat(byName.explanation()).isEqualTo("mail.example.co.jp[192.0.2.25]: on the deny list (example.co.jp)");
        S25rVerdict byAddress = check(SERVER, "", "192.0.2.0/24");
        assertThat(byAddress.result()).isEqualTo(S25rResult.DENIED);
        assertThat(byAddress.clientText()).as("decided without DNS").isEqualTo("[192.0.2.25]");
        assertThat(check(SERVER, "mail.example.co.jp", "192.0.2.0/24").result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(check(SERVER, "192.0.2.25", "example.co.jp").result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(check(DYNAMIC, "", "/^p[0-9]+-/").result()).as("deny before rules").isEqualTo(S25rResult.DENIED);
    }

    @Test
    void an_address_decided_by_the_lists_costs_no_dns_query() {
        RecordingResolver recording = new RecordingResolver(dns);
        S25rList allow = S25rList.parse("198.51.100.0/24");
        S25rChecker checker = new S25rChecker(new DnsLookups(recording), Duration.ofSeconds(5), allow,
                S25rList.parse("192.0.2.0/24"));
        assertThat(checker.check(ip("198.51.100.1")).result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(checker.check(DYNAMIC).result()).isEqualTo(S25rResult.DENIED);
        assertThat(recording.count()).isZero();
        assertThat(new S25rChecker(new DnsLookups(recording), Duration.ofSeconds(5), S25rList.empty(),
                S25rList.empty()).check(DYNAMIC).result()).isEqualTo(S25rResult.FLAGGED);
        assertThat(recording.count(QueryType.PTR)).isEqualTo(1);
        assertThat(recording.names(QueryType.A)).containsExactly("p1234-ipbf01funabasi.chiba.ocn.ne.jp");
    }

    @Test
    void a_temporary_failure_of_the_ptr_or_the_forward_lookup_is_temperror_not_an_exception() {
        dns.tempFail("1.2.0.192.in-addr.arpa", QueryType.PTR, "SERVFAIL");
        S25rVerdict ptr = check(DYNAMIC, "", "");
        assertThat(ptr.result()).isEqualTo(S25rResult.TEMPERROR);
        assertThat(ptr.rule()).isEmpty();
        assertThat(ptr.explanation()).isEqualTo("unknown[192.0.2.1]: reverse DNS could not be checked"
                + " (PTR lookup failed: SERVFAIL)");
        assertThat(ptr.result().refused()).isTrue();

        dns.tempFail("mail.example.co.jp", QueryType.A, "timed out");
        S25rVerdict forward = check(SERVER, "", "");
        assertThat(forward.result()).isEqualTo(S25rResult.TEMPERROR);
        assertThat(forward.detail()).isEqualTo("A lookup of mail.example.co.jp failed: timed out");
        assertThat(forward.clientText()).isEqualTo("unknown[192.0.2.25]");
        // an address on the allow list still passes; a denied one is denied unless a name could allow it
        assertThat(check(SERVER, "192.0.2.25", "").result()).isEqualTo(S25rResult.ALLOWED);
        assertThat(check(SERVER, "", "192.0.2.25").result()).isEqualTo(S25rResult.DENIED);
        assertThat(check(SERVER, "example.co.jp", "192.0.2.25").result()).isEqualTo(S25rResult.TEMPERROR);
    }

    @Test
    void dns_that_never_answers_is_temperror_within_the_budget() {
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch never = new CountDownLatch(1);
            S25rChecker checker = new S25rChecker(new DnsLookups(new ForwardingResolver(dns) {
                @Override
                public DnsAnswer<String> ptr(InetAddress address) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.ptr(address);
                }
            }, slow), Duration.ofMillis(200), S25rList.empty(), S25rList.empty());
            S25rVerdict v = checker.check(DYNAMIC);
            assertThat(v.result()).isEqualTo(S25rResult.TEMPERROR);
            assertThat(v.detail()).isEqualTo("PTR lookup failed: DNS budget of 200 ms used up");
        } finally {
            slow.shutdownNow();
        }
    }
}
