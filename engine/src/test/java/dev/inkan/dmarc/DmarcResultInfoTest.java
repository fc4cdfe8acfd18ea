package dev.inkan.dmarc;

import static dev.inkan.dmarc.DmarcTesting.evaluate;
import static dev.inkan.dmarc.DmarcTesting.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Authentication-Results for DMARC (RFC 8601 §2.7, RFC 9989 §9.1, §9.2), inputs read from resinfos, ARC override. */
class DmarcResultInfoTest {

    private static final ScriptedResolver DNS = ScriptedResolver.fromZoneText("""
            _dmarc.example.com. TXT "v=DMARC1; p=reject; sp=quarantine"
            www.example.com. A 192.0.2.1
            """);

    private static String resinfo(DmarcVerdict verdict) {
        String text = AuthResultsFormatter.resultInfo(verdict.toResultInfo());
        assertThat(AuthResultsParser.parseResultInfo(text)).as(text)
                .isEqualTo(new AuthResultsParse.Parsed<>(verdict.toResultInfo()));
        return text;
    }

    @Test
    void fail_pass_and_subdomain_policies() {
        assertThat(resinfo(evaluate(DNS, "example.com", List.of(), SpfInput.mailFrom("pass", "x.example"))))
                .isEqualTo("dmarc=fail (p=reject dis=reject) header.from=example.com policy.dmarc=reject");
        assertThat(resinfo(evaluate(DNS, "example.com", List.of(DkimInput.pass("example.com", "s")), null)))
                .isEqualTo("dmarc=pass (p=reject dis=none) header.from=example.com policy.dmarc=none");
        assertThat(resinfo(evaluate(DNS, "www.example.com", List.of(), null)))
                .isEqualTo("dmarc=fail (sp=quarantine dis=quarantine) header.from=www.example.com"
                        + " policy.dmarc=quarantine");
    }

    @Test
    void testing_mode_and_sampling_show_in_the_comment() {
        ScriptedResolver testing = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=reject; t=y\"\n");
        assertThat(resinfo(evaluate(testing, "example.com", List.of(), null))).isEqualTo("dmarc=fail"
                + " (p=reject t=y dis=quarantine override=policy_test_mode) header.from=example.com"
                + " policy.dmarc=quarantine");
        ScriptedResolver pct = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=reject; pct=10\"\n");
        DmarcConfig config = DmarcConfig.rfc7489(pct).toBuilder().random(fixedRandom(50)).build();
        assertThat(resinfo(evaluate(config, "example.com", List.of(), null))).isEqualTo("dmarc=fail"
                + " (p=reject pct=10 dis=quarantine override=sampled_out) header.from=example.com"
                + " policy.dmarc=quarantine");
    }

    @Test
    void none_temperror_and_permerror_carry_no_policy() {
        assertThat(resinfo(evaluate(DNS, "example.org", List.of(), null)))
                .isEqualTo("dmarc=none (no DMARC policy record for example.org) header.from=example.org");
        ScriptedResolver failing = ScriptedResolver.empty().tempFail("_dmarc.example.com", "timed out");
        assertThat(resinfo(evaluate(failing, "example.com", List.of(), null))).isEqualTo(
                "dmarc=temperror (DNS lookup failed: _dmarc.example.com: timed out) header.from=example.com");
        DmarcVerdict noFrom = new DmarcEvaluator(DmarcConfig.rfc9989(DNS))
                .evaluate(DmarcRequest.builder(new AuthorDomains(List.of(), 0, List.of(), false)).build());
        assertThat(resinfo(noFrom)).isEqualTo("dmarc=permerror (no From field)");
    }

    /** RFC 8617 §7.2: a passing chain sealed first by a trusted sealer overrides the failure, visibly. */
    @Test
    void a_trusted_arc_sealer_overrides_a_failure() {
        DmarcConfig config = DmarcConfig.rfc9989(DNS).toBuilder().trustedArcSealers(Set.of("Lists.Example.org")).build();
        DmarcRequest.Builder request = DmarcRequest.builder(AuthorDomains.of("example.com"))
                .dkim(new DkimInput("fail", "example.com", "s"))
                .arc(new ArcInput("pass", List.of("lists.example.org", "relay.example.net"), 1));
        DmarcVerdict verdict = new DmarcEvaluator(config).evaluate(request.build());
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.NONE);
        assertThat(verdict.policy().override()).isEqualTo(PolicyOverride.TRUSTED_FORWARDER);
        assertThat(resinfo(verdict)).isEqualTo("dmarc=fail (p=reject dis=none override=trusted_forwarder: ARC chain"
                + " sealed first by trusted lists.example.org) header.from=example.com policy.dmarc=none");

        DmarcVerdict untrusted = new DmarcEvaluator(config).evaluate(DmarcRequest.builder(AuthorDomains.of(
                "example.com")).arc(new ArcInput("pass", List.of("relay.example.net", "lists.example.org"), 0)).build());
        assertThat(untrusted.disposition()).isEqualTo(DmarcPolicy.REJECT);
        DmarcVerdict broken = new DmarcEvaluator(config).evaluate(DmarcRequest.builder(AuthorDomains.of(
                "example.com")).arc(new ArcInput("fail", List.of("lists.example.org"), 0)).build());
        assertThat(broken.disposition()).isEqualTo(DmarcPolicy.REJECT);
    }

    /** DKIM and SPF results travel between mailets as resinfos (DESIGN.md); DMARC reads them back. */
    @Test
    void inputs_read_from_resinfos() {
        List<ResultInfo> infos = List.of(
                AuthResultsParser.parseResultInfo("dkim=pass header.d=example.com header.s=sel header.b=AbCd").orElseThrow(),
                AuthResultsParser.parseResultInfo("dkim=fail header.i=@other.example header.s=x").orElseThrow(),
                AuthResultsParser.parseResultInfo("spf=pass smtp.mailfrom=bounce@mail.example.com").orElseThrow(),
                AuthResultsParser.parseResultInfo("arc=pass header.oldest-pass=0").orElseThrow());
        DmarcRequest request = DmarcRequest.builder(AuthorDomains.of("example.com")).resultInfos(infos).build();
        assertThat(request.dkim()).containsExactly(new DkimInput("pass", "example.com", "sel"),
                new DkimInput("fail", "other.example", "x"));
        assertThat(request.spf()).isEqualTo(SpfInput.mailFrom("pass", "mail.example.com"));
        DmarcRequest helo = DmarcRequest.builder(AuthorDomains.of("example.com"))
                .resultInfo(AuthResultsParser.parseResultInfo("spf=pass smtp.helo=mx.example.com").orElseThrow()).build();
        assertThat(helo.spf().identity()).isEqualTo(SpfInput.Identity.HELO);
        assertThat(new DmarcEvaluator(DmarcConfig.rfc9989(DNS)).evaluate(request).result()).isEqualTo(DmarcResult.PASS);
    }
}
