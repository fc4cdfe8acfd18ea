package dev.inkan.senderid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.message.HeaderBlock;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfReason;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfSuiteRunner;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Sender ID end to end on the SPF evaluator: PRA and MAIL FROM scopes, selection at every level, resinfo. */
class SenderIdEvaluatorTest {

    private static final InetAddress INSIDE = ip("192.0.2.1");
    private static final InetAddress OUTSIDE = ip("198.51.100.7");
    private static final String HELO = "mail.example.com";

    private final ScriptedResolver dns = ScriptedResolver.empty()
            .txt("example.com", "spf2.0/pra ip4:192.0.2.0/24 -all")
            .txt("example.com", "v=spf1 ip4:198.51.100.0/24 -all")
            .txt("lists.example.org", "spf2.0/mfrom,pra ip4:192.0.2.1 ~all")
            .txt("forwarder.example", "v=spf1 include:_pra.example.net ~all")
            .txt("fwd.example", "spf2.0/pra include:_pra.example.net -all")
            .txt("_pra.example.net", "spf2.0/pra ip4:192.0.2.0/24 -all")
            .txt("_pra.example.net", "v=spf1 -all")
            .txt("redirect.example", "spf2.0/pra redirect=_r.example.net")
            .txt("_r.example.net", "spf2.0/mfrom +all")
            .txt("gone-include.example", "spf2.0/pra include:gone.example.net ?all")
            .txt("only-v2.example", "spf2.0/mfrom,pra +all")
            .txt("two.example", "spf2.0/pra -all", "spf2.0/pra,mfrom +all")
            .txt("local.example", "spf2.0/pra exists:%{l}.allowed.local.example -all")
            .a("joe.allowed.local.example", "127.0.0.2");

    private final SenderIdEvaluator senderId = new SenderIdEvaluator(config());

    @Test
    void praFromTheFromField() {
        SenderIdVerdict pass = senderId.checkPra(headers("From: Joe <joe@example.com>"), INSIDE, HELO);
        assertThat(pass.result()).isEqualTo(SpfResult.PASS);
        assertThat(pass.header()).isEqualTo(PraHeader.FROM);
        assertThat(pass.identity()).isEqualTo("joe@example.com");
        assertThat(AuthResultsFormatter.resultInfo(pass.toResultInfo()))
                .isEqualTo("sender-id=pass (domain of joe@example.com designates 192.0.2.1 as permitted sender)"
                        + " header.from=example.com");
        // the v=spf1 record, which would pass 198.51.100.7, is not used: spf2.0/pra takes precedence (RFC 4406 §4.4)
        assertThat(senderId.checkPra(headers("From: joe@example.com"), OUTSIDE, HELO).result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void praFromSenderAndResentFields() {
        SenderIdVerdict sender = senderId.checkPra(headers("From: joe@example.com", "Sender: list@lists.example.org"),
                INSIDE, HELO);
        assertThat(sender.result()).isEqualTo(SpfResult.PASS);
        assertThat(AuthResultsFormatter.resultInfo(sender.toResultInfo())).endsWith(" header.sender=lists.example.org");
        SenderIdVerdict resent = senderId.checkPra(headers("Resent-From: x@fwd.example",
                "Received: by mx.fwd.example", "From: joe@example.com"), OUTSIDE, HELO);
        assertThat(resent.result()).isEqualTo(SpfResult.FAIL);
        assertThat(AuthResultsFormatter.resultInfo(resent.toResultInfo())).endsWith(" header.resent-from=fwd.example");
        SenderIdVerdict resentSender = senderId.checkPra(headers("Resent-From: x@fwd.example",
                "Resent-Sender: y@lists.example.org", "From: joe@example.com"), ip("192.0.2.2"), HELO);
        assertThat(resentSender.result()).isEqualTo(SpfResult.SOFTFAIL);
        assertThat(AuthResultsFormatter.resultInfo(resentSender.toResultInfo()))
                .endsWith(" header.resent-sender=lists.example.org");
    }

    @Test
    void noPraIsPermerror() {
        SenderIdVerdict verdict = senderId.checkPra(headers("From: a@example.com", "From: b@example.com"), INSIDE, HELO);
        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.missingPra()).isTrue();
        assertThat(verdict.spf()).isNull();
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo())).isEqualTo("sender-id=permerror (no purported"
                + " responsible address: 2 non-empty From fields [RFC 4407 2 step 4])");
    }

    /** RFC 4406 §4.3: NXDOMAIN is "fail" for the PRA scope; for mfrom and plain SPF it stays "none". */
    @Test
    void nonexistentDomain() {
        SenderIdVerdict pra = senderId.checkPra(headers("From: joe@nowhere.example"), INSIDE, HELO);
        assertThat(pra.result()).isEqualTo(SpfResult.FAIL);
        assertThat(pra.spf().reason()).isEqualTo(SpfReason.NONEXISTENT_DOMAIN_FAILS);
        assertThat(senderId.checkMailFrom(INSIDE, HELO, "joe@nowhere.example").result()).isEqualTo(SpfResult.NONE);
        assertThat(new SpfEvaluator(config()).checkMailFrom(INSIDE, HELO, "joe@nowhere.example").result())
                .isEqualTo(SpfResult.NONE);
        // an include: target that does not exist is "fail" inside, so no match (plain SPF: permerror, RFC 7208 §5.2)
        assertThat(senderId.checkPra(headers("From: joe@gone-include.example"), INSIDE, HELO).result())
                .isEqualTo(SpfResult.NEUTRAL);
    }

    /** include: and redirect= select records of the same scope (RFC 4406 §4.1: the scope is check_host()'s). */
    @Test
    void includeAndRedirectUseTheScope() {
        assertThat(senderId.checkPra(headers("From: x@fwd.example"), INSIDE, HELO).result()).isEqualTo(SpfResult.PASS);
        // the same include target, reached through v=spf1 in the mfrom scope: its v=spf1 -all does not match
        assertThat(senderId.checkMailFrom(INSIDE, HELO, "x@forwarder.example").result()).isEqualTo(SpfResult.SOFTFAIL);
        // the redirect target has only an mfrom record: none for pra, so the redirect is permerror (RFC 7208 §6.1)
        SenderIdVerdict redirect = senderId.checkPra(headers("From: x@redirect.example"), INSIDE, HELO);
        assertThat(redirect.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(redirect.spf().reason()).isEqualTo(SpfReason.REDIRECT_NONE);
        assertThat(redirect.comment()).contains("_r.example.net has no spf2.0/pra or v=spf1 record");
    }

    @Test
    void spf2RecordsAreNotSpf() {
        assertThat(senderId.checkMailFrom(OUTSIDE, HELO, "a@only-v2.example").result()).isEqualTo(SpfResult.PASS);
        assertThat(new SpfEvaluator(config()).checkMailFrom(OUTSIDE, HELO, "a@only-v2.example").result())
                .isEqualTo(SpfResult.NONE);
    }

    @Test
    void redundantRecordsArePermerror() {
        SenderIdVerdict verdict = senderId.checkPra(headers("From: a@two.example"), INSIDE, HELO);
        assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(verdict.spf().reason()).isEqualTo(SpfReason.MULTIPLE_RECORDS);
        assertThat(verdict.comment()).contains("2 spf2.0/pra records");
    }

    @Test
    void mailFromScope() {
        SenderIdVerdict verdict = senderId.checkMailFrom(INSIDE, HELO, "<bounce@example.com>");
        // spf2.0/pra does not cover mfrom: the v=spf1 record decides
        assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
        assertThat(verdict.scope()).isEqualTo(SenderIdScope.MFROM);
        assertThat(verdict.header()).isNull();
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo()))
                .startsWith("sender-id=fail (domain of bounce@example.com does not designate 192.0.2.1")
                .endsWith(" smtp.mailfrom=example.com");
    }

    /** RFC 7601 §2.7.2: the local-part is reported only when the policy looked at it. */
    @Test
    void localPartReportedWhenUsed() {
        SenderIdVerdict verdict = senderId.checkPra(headers("From: joe@local.example"), INSIDE, HELO);
        assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo())).endsWith(" header.from=joe@local.example");
        assertThat(senderId.checkPra(headers("From: ann@local.example"), INSIDE, HELO).result())
                .isEqualTo(SpfResult.FAIL);
    }

    private SpfConfig config() {
        return SpfConfig.builder(dns).receiver(SpfSuiteRunner.RECEIVER).clock(SpfSuiteRunner.CLOCK).build();
    }

    private static HeaderBlock headers(String... fields) {
        return PraSelectorTest.headers(fields);
    }

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
