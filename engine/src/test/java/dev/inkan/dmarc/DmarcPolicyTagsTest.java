package dev.inkan.dmarc;

import static dev.inkan.dmarc.DmarcTesting.evaluate;
import static dev.inkan.dmarc.DmarcTesting.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.QueryType;
import dev.inkan.dns.RecordingResolver;
import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each policy tag (p, sp, np, psd, t, pct) and each alignment mode (adkim, aspf), in the mode that defines it. */
class DmarcPolicyTagsTest {

    private static final SpfInput SPF_ELSEWHERE = SpfInput.mailFrom("pass", "bounces.elsewhere.example");

    private static ScriptedResolver zone(String record) {
        return ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"" + record + "\"\n"
                + "www.example.com. A 192.0.2.1\n");
    }

    private static DmarcVerdict failing(DmarcConfig config, String author) {
        return evaluate(config, author, List.of(), SPF_ELSEWHERE);
    }

    private static DmarcVerdict failing(String record, String author) {
        return failing(DmarcConfig.rfc9989(zone(record)), author);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v=DMARC1; p=none, NONE", "v=DMARC1; p=quarantine, QUARANTINE", "v=DMARC1; p=reject, REJECT",
            "v=DMARC1, NONE"})
    void p_applies_to_the_author_domain_itself(String record, DmarcPolicy expected) {
        DmarcVerdict verdict = failing(record, "example.com");
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(verdict.policy().requested()).isEqualTo(expected);
        assertThat(verdict.disposition()).isEqualTo(expected);
    }

    @Test
    void sp_applies_to_existing_subdomains_and_p_when_absent() {
        DmarcVerdict withSp = failing("v=DMARC1; p=reject; sp=quarantine", "www.example.com");
        assertThat(withSp.policy().tag()).isEqualTo(PolicyTag.SP);
        assertThat(withSp.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(failing("v=DMARC1; p=reject; sp=quarantine", "example.com").disposition())
                .isEqualTo(DmarcPolicy.REJECT);
        DmarcVerdict withoutSp = failing("v=DMARC1; p=reject", "www.example.com");
        assertThat(withoutSp.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(withoutSp.disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /** RFC 9989 §4.7 np, §3.2.13: NXDOMAIN decides; a name that exists (any RR, or an ENT) gets sp. */
    @Test
    void np_applies_to_non_existent_subdomains_only() {
        RecordingResolver dns = new RecordingResolver(zone("v=DMARC1; p=quarantine; sp=none; np=reject"));
        DmarcVerdict missing = failing(DmarcConfig.rfc9989(dns), "nosuch.example.com");
        assertThat(missing.policy().tag()).isEqualTo(PolicyTag.NP);
        assertThat(missing.disposition()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(dns.names(QueryType.A)).containsExactly("nosuch.example.com");

        DmarcVerdict existing = failing("v=DMARC1; p=quarantine; sp=none; np=reject", "www.example.com");
        assertThat(existing.policy().tag()).isEqualTo(PolicyTag.SP);
        assertThat(existing.disposition()).isEqualTo(DmarcPolicy.NONE);

        DmarcVerdict npWithoutSp = failing("v=DMARC1; p=quarantine; np=reject", "www.example.com");
        assertThat(npWithoutSp.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(failing("v=DMARC1; p=quarantine; np=reject", "example.com").policy().tag())
                .as("np never applies to the domain itself").isEqualTo(PolicyTag.P);
    }

    @Test
    void np_existence_is_known_from_the_dmarc_query_when_the_name_exists_there() {
        RecordingResolver dns = new RecordingResolver(ScriptedResolver.fromZoneText("""
                _dmarc.example.com. TXT "v=DMARC1; p=quarantine; np=reject"
                _dmarc.sub.example.com. TXT "verification token, not DMARC"
                """));
        DmarcVerdict verdict = failing(DmarcConfig.rfc9989(dns), "sub.example.com");
        assertThat(verdict.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(dns.count(QueryType.A)).isZero();
    }

    @Test
    void np_is_ignored_in_rfc7489_mode() {
        DmarcVerdict verdict = failing(DmarcConfig.rfc7489(zone("v=DMARC1; p=quarantine; np=reject")),
                "nosuch.example.com");
        assertThat(verdict.policy().tag()).isEqualTo(PolicyTag.P);
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
    }

    /** RFC 9989 §4.7 psd=y at a PSD: its policy covers registrations below it that publish none. */
    @Test
    void psd_y_publishes_a_policy_for_the_names_below_a_public_suffix() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.gov.uk. TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; psd=y"
                agency.gov.uk. A 192.0.2.7
                """);
        DmarcVerdict existing = failing(DmarcConfig.rfc9989(dns), "agency.gov.uk");
        assertThat(existing.policy().domain()).isEqualTo("gov.uk");
        assertThat(existing.policy().tag()).isEqualTo(PolicyTag.SP);
        assertThat(existing.disposition()).isEqualTo(DmarcPolicy.QUARANTINE);
        DmarcVerdict missing = failing(DmarcConfig.rfc9989(dns), "nosuch.gov.uk");
        assertThat(missing.policy().tag()).isEqualTo(PolicyTag.NP);
        assertThat(missing.disposition()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(failing(DmarcConfig.rfc7489(dns), "agency.gov.uk").result())
                .as("RFC 7489 ignores psd: no record at the PSL Organizational Domain").isEqualTo(DmarcResult.NONE);
    }

    /** RFC 9989 §4.10.1 Note: "PSD policy is not used for Organizational Domains that have published" a record. */
    @Test
    void psd_policy_does_not_override_an_organizational_domain_record() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.gov.example. TXT "v=DMARC1; p=reject; psd=y"
                _dmarc.agency.gov.example. TXT "v=DMARC1; p=none"
                """);
        DmarcVerdict verdict = failing(DmarcConfig.rfc9989(dns), "mail.agency.gov.example");
        assertThat(verdict.policy().domain()).isEqualTo("agency.gov.example");
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.NONE);
    }

    /** RFC 9989 §4.10.2 psd=n: a subdomain that is its own Organizational Domain; its parent does not align. */
    @Test
    void psd_n_makes_a_subdomain_an_organizational_domain() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                _dmarc.dept.example.com. TXT "v=DMARC1; p=quarantine; psd=n"
                """);
        DmarcVerdict verdict = evaluate(dns, "dept.example.com", List.of(DkimInput.pass("example.com", "s")), null);
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.organizationalDomain()).isEqualTo("dept.example.com");
        DmarcVerdict child = evaluate(dns, "a.dept.example.com", List.of(DkimInput.pass("dept.example.com", "s")),
                null);
        assertThat(child.result()).isEqualTo(DmarcResult.PASS);
        assertThat(child.policy().domain()).isEqualTo("dept.example.com");
    }

    /** RFC 9989 §4.7 t=y: one level below; no effect on none; RFC 7489 mode ignores t. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"p=reject, QUARANTINE", "p=quarantine, NONE", "p=none, NONE"})
    void t_y_lowers_the_policy_one_level(String policy, DmarcPolicy disposition) {
        DmarcVerdict verdict = failing("v=DMARC1; " + policy + "; t=y", "example.com");
        assertThat(verdict.disposition()).isEqualTo(disposition);
        assertThat(verdict.policy().override())
                .isEqualTo(policy.equals("p=none") ? null : PolicyOverride.POLICY_TEST_MODE);
        assertThat(failing("v=DMARC1; " + policy + "; t=n", "example.com").policy().override()).isNull();
        assertThat(failing(DmarcConfig.rfc7489(zone("v=DMARC1; " + policy + "; t=y")), "example.com").disposition())
                .isEqualTo(DmarcPolicy.parse(policy.substring(2)).orElseThrow());
    }

    /** RFC 7489 §6.6.4: selected when random mod 100 &lt; pct; else reject → quarantine, quarantine → none. */
    @ParameterizedTest(name = "{0} draw {1} -> {2}")
    @CsvSource({"p=reject; pct=30, 29, REJECT", "p=reject; pct=30, 30, QUARANTINE",
            "p=quarantine; pct=30, 99, NONE", "p=quarantine; pct=30, 0, QUARANTINE", "p=reject; pct=0, 0, QUARANTINE"})
    void pct_samples_with_the_injected_random_source(String tags, int draw, DmarcPolicy disposition) {
        DmarcConfig config = DmarcConfig.rfc7489(zone("v=DMARC1; " + tags)).toBuilder().random(fixedRandom(draw))
                .build();
        DmarcVerdict verdict = failing(config, "example.com");
        assertThat(verdict.disposition()).isEqualTo(disposition);
        assertThat(verdict.policy().override()).isEqualTo(verdict.disposition() == verdict.policy().requested() ? null
                : PolicyOverride.SAMPLED_OUT);
    }

    @Test
    void pct_100_never_draws_and_rfc9989_mode_ignores_pct() {
        DmarcConfig noDraw = DmarcConfig.rfc7489(zone("v=DMARC1; p=reject; pct=100")).toBuilder()
                .random(fixedRandom()).build();
        assertThat(failing(noDraw, "example.com").disposition()).isEqualTo(DmarcPolicy.REJECT);
        DmarcConfig rfc9989 = DmarcConfig.rfc9989(zone("v=DMARC1; p=reject; pct=0")).toBuilder()
                .random(fixedRandom()).build();
        assertThat(failing(rfc9989, "example.com").disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    @Test
    void a_pass_is_never_sampled() {
        DmarcConfig config = DmarcConfig.rfc7489(zone("v=DMARC1; p=reject; pct=50")).toBuilder().random(fixedRandom())
                .build();
        DmarcVerdict verdict = evaluate(config, "example.com", List.of(DkimInput.pass("example.com", "s")), null);
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.NONE);
    }

    /** adkim: relaxed (default) accepts a subdomain signer, strict only the identical name. */
    @ParameterizedTest(name = "{0} d={1} -> {2}")
    @CsvSource({"'', mail.example.com, PASS", "adkim=r, mail.example.com, PASS", "adkim=s, mail.example.com, FAIL",
            "adkim=s, EXAMPLE.com, PASS", "adkim=r, example.net, FAIL", "adkim=r, com, FAIL"})
    void adkim(String tag, String d, DmarcResult result) {
        DmarcVerdict verdict = evaluate(zone("v=DMARC1; p=reject; " + tag), "example.com",
                List.of(DkimInput.pass(d, "s")), null);
        assertThat(verdict.result()).isEqualTo(result);
    }

    /** aspf: relaxed (default) accepts a subdomain MAIL FROM, strict only the identical name. */
    @ParameterizedTest(name = "{0} mailfrom {1} -> {2}")
    @CsvSource({"'', bounce.example.com, PASS", "aspf=r, bounce.example.com, PASS", "aspf=s, bounce.example.com, FAIL",
            "aspf=s, example.com, PASS", "aspf=r, example.org, FAIL"})
    void aspf(String tag, String mailFrom, DmarcResult result) {
        DmarcVerdict verdict = evaluate(zone("v=DMARC1; p=reject; " + tag), "example.com", List.of(),
                SpfInput.mailFrom("pass", mailFrom));
        assertThat(verdict.result()).isEqualTo(result);
    }

    /** adkim and aspf are independent: strict DKIM fails while relaxed SPF passes. */
    @Test
    void adkim_and_aspf_are_independent() {
        DmarcVerdict verdict = evaluate(zone("v=DMARC1; p=reject; adkim=s"), "example.com",
                List.of(DkimInput.pass("mail.example.com", "s")), SpfInput.mailFrom("pass", "bounce.example.com"));
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.alignedDkim()).isEmpty();
        assertThat(verdict.alignedSpf().domain()).isEqualTo("bounce.example.com");
    }

    /** Only passes authenticate; the HELO identity of a non-null sender never counts (RFC 9989 §3.2.4). */
    @Test
    void only_passing_dkim_and_mail_from_spf_authenticate() {
        ScriptedResolver dns = zone("v=DMARC1; p=reject");
        for (String result : List.of("fail", "neutral", "policy", "permerror", "none")) {
            assertThat(evaluate(dns, "example.com", List.of(new DkimInput(result, "example.com", "s")),
                    SpfInput.mailFrom(result, "example.com")).reason()).as(result)
                    .isEqualTo(DmarcReason.NO_AUTHENTICATED_IDENTIFIER);
        }
        DmarcVerdict helo = evaluate(dns, "example.com", List.of(),
                new SpfInput("pass", "example.com", SpfInput.Identity.HELO));
        assertThat(helo.result()).isEqualTo(DmarcResult.FAIL);
    }
}
