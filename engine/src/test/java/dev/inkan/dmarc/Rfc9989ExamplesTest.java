package dev.inkan.dmarc;

import static dev.inkan.dmarc.DmarcTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.QueryType;
import dev.inkan.dns.RecordingResolver;
import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every example of RFC 9989 Appendix B that a receiver evaluates, and Table 1 of §4.4, on the records of
 * {@code dmarc/rfc9989-appendix-b.zone}. Alignment examples run in both modes; tree-walk examples in RFC 9989
 * mode, asserting the queries the RFC lists.
 */
class Rfc9989ExamplesTest {

    private static final ScriptedResolver ZONE = DmarcTesting.zoneResource("rfc9989-appendix-b.zone");

    private static DmarcConfig config(DmarcMode mode) {
        return DmarcConfig.builder(ZONE).mode(mode).build();
    }

    private static DmarcVerdict spfOnly(DmarcMode mode, String author, String mailFrom) {
        return evaluate(config(mode), author, List.of(), SpfInput.mailFrom("pass", mailFrom));
    }

    private static DmarcVerdict dkimOnly(DmarcMode mode, String author, String d) {
        return evaluate(config(mode), author, List.of(DkimInput.pass(d, "sel")), null);
    }

    /** B.1.1: SPF in strict alignment, in relaxed alignment, and not aligned. */
    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void b_1_1_spf_alignment(DmarcMode mode) {
        DmarcVerdict strict = spfOnly(mode, "example.com", "example.com");
        assertThat(strict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(strict.alignedSpf().domain()).isEqualTo("example.com");

        assertThat(spfOnly(mode, "example.com", "child.example.com").result()).isEqualTo(DmarcResult.PASS);

        DmarcVerdict none = spfOnly(mode, "child.example.com", "example.net");
        assertThat(none.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(none.reason()).isEqualTo(DmarcReason.NOT_ALIGNED);
    }

    /** B.1.2: DKIM in strict alignment, in relaxed alignment, and not aligned. */
    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void b_1_2_dkim_alignment(DmarcMode mode) {
        assertThat(dkimOnly(mode, "example.com", "example.com").alignedDkim()).extracting(DkimInput::domain)
                .containsExactly("example.com");
        DmarcVerdict relaxed = dkimOnly(mode, "child.example.com", "example.com");
        assertThat(relaxed.result()).isEqualTo(DmarcResult.PASS);
        assertThat(relaxed.organizationalDomain()).isEqualTo("example.com");
        assertThat(dkimOnly(mode, "child.example.com", "example.net").result()).isEqualTo(DmarcResult.FAIL);
    }

    /** §4.4 Table 1: relaxed (same Organizational Domain), strict (identical), none. */
    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void section_4_4_table_1(DmarcMode mode) {
        assertThat(dkimOnly(mode, "news.example.com", "foo.example.com").result()).isEqualTo(DmarcResult.PASS);
        assertThat(dkimOnly(mode, "news.example.com", "news.example.com").result()).isEqualTo(DmarcResult.PASS);
        assertThat(dkimOnly(mode, "news.example.com", "foo.example.net").result()).isEqualTo(DmarcResult.FAIL);
    }

    /** B.2.5: test.example.com in testing mode (t=y), then at p=reject without it. */
    @Test
    void b_2_5_subdomain_in_testing_mode() {
        DmarcVerdict testing = spfOnly(DmarcMode.RFC9989, "test.example.com", "elsewhere.example.net");
        assertThat(testing.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(testing.policy().domain()).isEqualTo("test.example.com");
        assertThat(testing.policy().requested()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(testing.disposition()).isEqualTo(DmarcPolicy.NONE);
        assertThat(testing.policy().override()).isEqualTo(PolicyOverride.POLICY_TEST_MODE);

        ScriptedResolver later = ScriptedResolver.fromZoneText("""
                _dmarc.test.example.com. TXT ( "v=DMARC1; p=reject; "
                    "rua=mailto:dmarc-feedback@example.com,"
                    "mailto:tld-test@thirdparty.example.net" )
                """);
        DmarcVerdict enforced = evaluate(later, "test.example.com", List.of(), SpfInput.mailFrom("pass", "x.example"));
        assertThat(enforced.disposition()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(enforced.policy().override()).isNull();
    }

    /** B.3.1: Author Domain example.com, SPF mail.example.com, DKIM example.com, p=reject; aspf=r: both align. */
    @ParameterizedTest
    @EnumSource(DmarcMode.class)
    void b_3_1_smtp_session_example(DmarcMode mode) {
        DmarcVerdict verdict = evaluate(config(mode), "example.com", List.of(DkimInput.pass("example.com", "s")),
                SpfInput.mailFrom("pass", "mail.example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.alignedDkim()).hasSize(1);
        assertThat(verdict.alignedSpf()).isNotNull();
        assertThat(verdict.policy().requested()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.NONE);
    }

    /**
     * B.4.1: Author Domain example.com, MAIL FROM example.com, DKIM signing.example.com; records at example.com and
     * signing.example.com, none at com. Both align; example.com is the policy domain.
     */
    @Test
    void b_4_1_simple_organizational_and_policy_example() {
        RecordingResolver dns = new RecordingResolver(ZONE);
        DmarcVerdict verdict = evaluate(dns, "example.com", List.of(DkimInput.pass("signing.example.com", "s")),
                SpfInput.mailFrom("pass", "example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.alignedSpf()).isNotNull();
        assertThat(verdict.alignedDkim()).extracting(DkimInput::domain).containsExactly("signing.example.com");
        assertThat(verdict.organizationalDomain()).isEqualTo("example.com");
        assertThat(verdict.policy().domain()).isEqualTo("example.com");
        assertThat(verdict.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(dns.names(QueryType.TXT)).containsExactlyInAnyOrder("_dmarc.example.com", "_dmarc.com",
                "_dmarc.signing.example.com");
    }

    /**
     * B.4.2: Author Domain a.b.c.d.e.f.g.h.i.j.k.example.com: the walk skips to g.h.i.j.k.example.com and ends at
     * example.com, the Organizational and policy domain; SPF (example.com) and DKIM (signing.example.com) align.
     */
    @Test
    void b_4_2_deep_tree_walk_example() {
        RecordingResolver dns = new RecordingResolver(ZONE);
        DmarcVerdict verdict = evaluate(dns, "a.b.c.d.e.f.g.h.i.j.k.example.com",
                List.of(DkimInput.pass("signing.example.com", "s")), SpfInput.mailFrom("pass", "example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.alignedSpf()).isNotNull();
        assertThat(verdict.alignedDkim()).hasSize(1);
        assertThat(verdict.organizationalDomain()).isEqualTo("example.com");
        assertThat(verdict.policy().domain()).isEqualTo("example.com");
        assertThat(verdict.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(dns.names(QueryType.TXT)).containsExactly("_dmarc.a.b.c.d.e.f.g.h.i.j.k.example.com",
                "_dmarc.g.h.i.j.k.example.com", "_dmarc.h.i.j.k.example.com", "_dmarc.i.j.k.example.com",
                "_dmarc.j.k.example.com", "_dmarc.k.example.com", "_dmarc.example.com", "_dmarc.com",
                "_dmarc.signing.example.com");
        assertThat(dns.count(QueryType.A)).as("no np: existence never asked").isZero();
    }

    /** B.4.2, failing: "the policy domain is the highest element in the DNS tree with a DMARC Policy Record". */
    @Test
    void b_4_2_failing_uses_the_organizational_domain_policy_for_the_subdomain() {
        DmarcVerdict verdict = evaluate(ZONE, "a.b.c.d.e.f.g.h.i.j.k.example.com", List.of(),
                SpfInput.mailFrom("fail", "example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.NO_AUTHENTICATED_IDENTIFIER);
        assertThat(verdict.policy().domain()).isEqualTo("example.com");
        assertThat(verdict.policy().tag()).as("no sp in the record: p applies to subdomains").isEqualTo(PolicyTag.P);
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /**
     * B.4.3: bank.example publishes psd=y; giant.bank.example has a record. Author giant.bank.example: Organizational
     * and policy domain giant.bank.example; SPF mail.giant.bank.example aligns; DKIM mail.mega.bank.example does not
     * (its Organizational Domain is mega.bank.example).
     */
    @Test
    void b_4_3_example_with_a_psd_dmarc_policy_record() {
        RecordingResolver dns = new RecordingResolver(ZONE);
        DmarcVerdict verdict = evaluate(dns, "giant.bank.example",
                List.of(DkimInput.pass("mail.mega.bank.example", "s")),
                SpfInput.mailFrom("pass", "mail.giant.bank.example"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.alignedSpf()).isNotNull();
        assertThat(verdict.alignedDkim()).isEmpty();
        assertThat(verdict.organizationalDomain()).isEqualTo("giant.bank.example");
        assertThat(verdict.policy().domain()).isEqualTo("giant.bank.example");
        assertThat(dns.names(QueryType.TXT)).doesNotContain("_dmarc.example").contains("_dmarc.bank.example",
                "_dmarc.mail.giant.bank.example", "_dmarc.mail.mega.bank.example", "_dmarc.mega.bank.example");

        DmarcVerdict dkimAlone = evaluate(ZONE, "giant.bank.example",
                List.of(DkimInput.pass("mail.mega.bank.example", "s")), null);
        assertThat(dkimAlone.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(dkimAlone.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
    }

    /** B.4.3 seen from a sibling without its own record: the PSD's record applies to it (§4.10.1). */
    @Test
    void b_4_3_a_subdomain_without_an_organizational_record_falls_back_to_the_psd_policy() {
        DmarcVerdict verdict = evaluate(ZONE, "mega.bank.example", List.of(), SpfInput.mailFrom("pass", "x.example"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.policy().domain()).isEqualTo("bank.example");
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /**
     * §4.10.2: "The Author Domain and the Authenticated Identifier(s) are all the same domain, and there is a DMARC
     * Policy Record published for that domain" — no tree walk at all.
     */
    @Test
    void section_4_10_2_identical_identifiers_need_no_tree_walk() {
        RecordingResolver dns = new RecordingResolver(ScriptedResolver.fromZoneText(
                "_dmarc.mail.example.com. TXT \"v=DMARC1; p=reject\"\n"));
        DmarcVerdict verdict = evaluate(dns, "mail.example.com", List.of(DkimInput.pass("mail.example.com", "s")),
                SpfInput.mailFrom("pass", "MAIL.example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(dns.names(QueryType.TXT)).containsExactly("_dmarc.mail.example.com");
    }

    /** §4.10.2: "The DMARC Policy Record for the Author Domain indicates strict alignment" — a string comparison. */
    @Test
    void section_4_10_2_strict_alignment_needs_no_tree_walk() {
        RecordingResolver dns = new RecordingResolver(ScriptedResolver.fromZoneText(
                "_dmarc.example.com. TXT \"v=DMARC1; p=reject; adkim=s; aspf=s\"\n"));
        DmarcVerdict verdict = evaluate(dns, "example.com", List.of(DkimInput.pass("mail.example.com", "s")),
                SpfInput.mailFrom("pass", "bounce.example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(dns.names(QueryType.TXT)).containsExactly("_dmarc.example.com");
    }
}
