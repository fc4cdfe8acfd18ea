package dev.inkan.dmarc;

import static dev.inkan.dmarc.DmarcTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.MxHost;
import dev.inkan.dns.QueryType;
import dev.inkan.dns.ScriptedResolver;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DNS failures, record syntax errors, several records, no record, and faults: RFC 9989 §4.10.1, §5.3.6. */
class DmarcErrorsTest {

    private static final SpfInput SPF_ELSEWHERE = SpfInput.mailFrom("pass", "elsewhere.example");

    private static DmarcVerdict failing(DmarcMode mode, ScriptedResolver dns, String author) {
        return evaluate(DmarcConfig.builder(dns).mode(mode).build(), author, List.of(), SPF_ELSEWHERE);
    }

    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void no_record_anywhere_is_none(DmarcMode mode) {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("example.com. TXT \"v=spf1 -all\"\n");
        DmarcVerdict verdict = failing(mode, dns, "mail.example.com");
        assertThat(verdict.result()).isEqualTo(DmarcResult.NONE);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.NO_POLICY);
        assertThat(verdict.policy()).isNull();
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.NONE);
    }

    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void a_temporary_failure_of_the_record_query_is_temperror(DmarcMode mode) {
        ScriptedResolver dns = ScriptedResolver.empty().tempFail("_dmarc.example.com", QueryType.TXT, "timed out");
        DmarcVerdict verdict = failing(mode, dns, "example.com");
        assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.DNS_TEMPFAIL);
        assertThat(verdict.comment()).contains("_dmarc.example.com").contains("timed out");
    }

    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void a_temporary_failure_at_the_organizational_domain_is_temperror(DmarcMode mode) {
        ScriptedResolver dns = ScriptedResolver.empty().tempFail("_dmarc.example.com", "SERVFAIL");
        assertThat(failing(mode, dns, "mail.example.com").result()).isEqualTo(DmarcResult.TEMPERROR);
    }

    /** The author's own record decides the policy, but relaxed alignment needs a walk that fails. */
    @Test
    void a_failed_walk_for_relaxed_alignment_is_temperror_unless_something_else_aligns() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n")
                .tempFail("_dmarc.com", "SERVFAIL");
        DmarcVerdict unknown = evaluate(dns, "example.com", List.of(DkimInput.pass("mail.example.com", "s")), null);
        assertThat(unknown.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(unknown.comment()).contains("_dmarc.com");
        DmarcVerdict aligned = evaluate(dns, "example.com", List.of(DkimInput.pass("mail.example.com", "s")),
                SpfInput.mailFrom("pass", "example.com"));
        assertThat(aligned.result()).isEqualTo(DmarcResult.PASS);
    }

    @Test
    void a_failed_existence_check_for_np_is_temperror() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=none; np=reject\"\n")
                .tempFail("x.example.com", QueryType.A, "timed out");
        assertThat(failing(DmarcMode.RFC9989, dns, "x.example.com").result()).isEqualTo(DmarcResult.TEMPERROR);
    }

    /** RFC 7489 §6.6.2: an aligned DKIM or SPF temperror cannot be called a fail. */
    @Test
    void an_aligned_authentication_temperror_is_temperror_an_unaligned_one_is_not() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=reject\"\n");
        DmarcVerdict aligned = evaluate(dns, "example.com", List.of(new DkimInput("temperror", "example.com", "s")),
                SpfInput.mailFrom("fail", "example.com"));
        assertThat(aligned.reason()).isEqualTo(DmarcReason.AUTH_TEMPERROR);
        assertThat(aligned.comment()).contains("DKIM d=example.com");
        DmarcVerdict spf = evaluate(dns, "example.com", List.of(), SpfInput.mailFrom("temperror", "bounce.example.com"));
        assertThat(spf.reason()).isEqualTo(DmarcReason.AUTH_TEMPERROR);
        DmarcVerdict unrelated = evaluate(dns, "example.com", List.of(new DkimInput("temperror", "example.net", "s")),
                null);
        assertThat(unrelated.result()).isEqualTo(DmarcResult.FAIL);
    }

    /** RFC 9989 §4.10 steps 2/6: several records at a name are discarded and the walk goes on. */
    @Test
    void rfc9989_discards_several_records_and_walks_on() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.mail.example.com. TXT "v=DMARC1; p=none"
                _dmarc.mail.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.example.com. TXT "v=DMARC1; p=quarantine"
                """);
        DmarcVerdict verdict = failing(DmarcMode.RFC9989, dns, "mail.example.com");
        assertThat(verdict.policy().domain()).isEqualTo("example.com");
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
        ScriptedResolver only = ScriptedResolver.fromZoneText("""
                _dmarc.example.com. TXT "v=DMARC1; p=none"
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                """);
        assertThat(failing(DmarcMode.RFC9989, only, "example.com").result()).isEqualTo(DmarcResult.NONE);
    }

    /** RFC 7489 §6.6.3 step 5: several records end discovery; reported as permerror. */
    @Test
    void rfc7489_ends_discovery_at_several_records() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.mail.example.com. TXT "v=DMARC1; p=none"
                _dmarc.mail.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.example.com. TXT "v=DMARC1; p=quarantine"
                """);
        DmarcVerdict verdict = failing(DmarcMode.RFC7489, dns, "mail.example.com");
        assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.MULTIPLE_RECORDS);
        assertThat(verdict.comment()).contains("_dmarc.mail.example.com");
    }

    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void other_txt_records_beside_the_dmarc_one_do_not_count(DmarcMode mode) {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.example.com. TXT "v=spf1 -all"
                _dmarc.example.com. TXT "v=DMARC2; p=none"
                """);
        assertThat(failing(mode, dns, "example.com").disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /** RFC 9989 §4.10.1: an invalid p (or sp, np) with a valid rua acts as p=none; without one, no DMARC. */
    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void an_invalid_policy_falls_back_to_p_none_only_with_a_valid_rua(DmarcMode mode) {
        ScriptedResolver withRua = ScriptedResolver.fromZoneText(
                "_dmarc.example.com. TXT \"v=DMARC1; p=rejected; rua=mailto:d@example.com\"\n");
        DmarcVerdict fallback = failing(mode, withRua, "example.com");
        assertThat(fallback.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(fallback.policy().requested()).isEqualTo(DmarcPolicy.NONE);
        assertThat(fallback.disposition()).isEqualTo(DmarcPolicy.NONE);

        ScriptedResolver withoutRua = ScriptedResolver.fromZoneText(
                "_dmarc.example.com. TXT \"v=DMARC1; p=reject; sp=bogus; rua=not-a-uri\"\n");
        DmarcVerdict unusable = failing(mode, withoutRua, "example.com");
        assertThat(unusable.result()).isEqualTo(DmarcResult.PERMERROR);
        assertThat(unusable.reason()).isEqualTo(DmarcReason.INVALID_POLICY_RECORD);
        assertThat(unusable.disposition()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void an_invalid_np_counts_only_in_rfc9989_mode() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=reject; np=x\"\n");
        assertThat(failing(DmarcMode.RFC9989, dns, "example.com").reason()).isEqualTo(DmarcReason.INVALID_POLICY_RECORD);
        assertThat(failing(DmarcMode.RFC7489, dns, "example.com").disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /** A record without p: RFC 9989 §4.7 treats it as p=none; RFC 7489 §6.3 requires p (then §6.6.3 step 6). */
    @Test
    void a_record_without_p() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; pct=100\"\n");
        DmarcVerdict rfc9989 = failing(DmarcMode.RFC9989, dns, "example.com");
        assertThat(rfc9989.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(rfc9989.policy().requested()).isEqualTo(DmarcPolicy.NONE);
        assertThat(failing(DmarcMode.RFC7489, dns, "example.com").reason()).isEqualTo(DmarcReason.INVALID_POLICY_RECORD);
        ScriptedResolver monitoring = ScriptedResolver.fromZoneText(
                "_dmarc.example.com. TXT \"v=DMARC1; rua=mailto:d@example.com\"\n");
        assertThat(failing(DmarcMode.RFC7489, monitoring, "example.com").policy().requested())
                .isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void syntax_errors_in_other_tags_keep_the_record() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText(
                "_dmarc.example.com. TXT \"v=DMARC1; p=reject; adkim=x; pct=500; p=none; junk\"\n");
        DmarcVerdict verdict = failing(DmarcMode.RFC9989, dns, "example.com");
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(verdict.policy().record().problems()).hasSize(4);
    }

    /** Never throws: a resolver fault is temperror, internal error. */
    @Test
    void a_fault_inside_is_temperror_never_an_exception() {
        DnsResolver broken = new DnsResolver() {
            @Override
            public DnsAnswer<String> txt(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public DnsAnswer<InetAddress> a(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public DnsAnswer<InetAddress> aaaa(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public DnsAnswer<MxHost> mx(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public DnsAnswer<String> ptr(InetAddress address) {
                throw new IllegalStateException("resolver bug");
            }
        };
        DmarcVerdict verdict = evaluate(broken, "example.com", List.of(), null);
        assertThat(verdict.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.INTERNAL_ERROR);
        assertThat(verdict.authorDomain()).isEqualTo("example.com");
    }
}
