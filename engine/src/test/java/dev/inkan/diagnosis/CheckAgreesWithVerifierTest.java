package dev.inkan.diagnosis;

import static dev.inkan.diagnosis.DiagnosisKeys.OTHER_RSA_2048;
import static dev.inkan.diagnosis.DiagnosisKeys.RSA_2048;
import static dev.inkan.diagnosis.DiagnosisKeys.p;
import static dev.inkan.diagnosis.DiagnosisKeys.record;
import static dev.inkan.diagnosis.DiagnosisKeys.zoneLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dkim.DkimReason;
import dev.inkan.dkim.DkimResult;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dmarc.AuthorDomains;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dmarc.DmarcRequest;
import dev.inkan.dmarc.DmarcResult;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check and Inkan's verifier read the same zones the same way: a record the check calls an error makes the
 * verifier fail a message signed (or sent) for it, with the matching reason; a record the check passes verifies.
 */
class CheckAgreesWithVerifierTest {

    static final String NAME = "s1._domainkey.example.com";
    static final String MESSAGE = "From: joe@example.com\r\nTo: ann@example.net\r\nSubject: hi\r\n\r\nHello.\r\n";

    static Stream<Arguments> keyRecords() {
        String key = p(RSA_2048);
        return Stream.of(
                Arguments.of("good", zoneLine(NAME, record(RSA_2048)), null, DkimReason.class.cast(null)),
                Arguments.of("testing", zoneLine(NAME, "v=DKIM1; t=y; k=rsa; p=" + key), "testing-mode", null),
                Arguments.of("truncated", zoneLine(NAME, "v=DKIM1; k=rsa; p=" + key.substring(0, 200)), "no-modulus",
                        DkimReason.KEY_INVALID),
                Arguments.of("cut at 255", zoneLine(NAME, record(RSA_2048).substring(0, 255)), "no-modulus",
                        DkimReason.KEY_SYNTAX),
                Arguments.of("missing", "example.com. IN A 192.0.2.1\n", "record-missing", DkimReason.NO_KEY),
                Arguments.of("other key", zoneLine(NAME, record(OTHER_RSA_2048)), "key-mismatch",
                        DkimReason.SIGNATURE_MISMATCH),
                Arguments.of("revoked", zoneLine(NAME, "v=DKIM1; k=rsa; p="), "key-revoked", DkimReason.KEY_REVOKED),
                Arguments.of("sha1 only", zoneLine(NAME, "v=DKIM1; h=sha1; p=" + key), "sha1-only",
                        DkimReason.INAPPROPRIATE_HASH_ALGORITHM),
                Arguments.of("k=ed25519", zoneLine(NAME, "v=DKIM1; k=ed25519; p=" + key), "key-type-mismatch",
                        DkimReason.INAPPROPRIATE_KEY_ALGORITHM),
                Arguments.of("512 bits", zoneLine(NAME, "v=DKIM1; p=" + DiagnosisKeys.RSA_512_P), "key-too-short",
                        DkimReason.KEY_TOO_SHORT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyRecords")
    void dkim(String name, String zone, String code, DkimReason reason) throws Exception {
        ScriptedResolver dns = ScriptedResolver.fromZoneText(zone);
        byte[] message = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        String signature = String.join("", new DkimSigner(List.of(DkimSigningSpec.builder(RSA_2048, "example.com", "s1")
                .build()), Clock.systemUTC()).sign(new ByteArrayInputStream(message)));
        byte[] signed = (signature + MESSAGE).getBytes(StandardCharsets.US_ASCII);
        DkimVerdict verdict = new DkimVerifier(DkimVerifierConfig.builder(dns).build())
                .verify(new ByteArrayInputStream(signed)).get(0);

        RecordReport report = new DkimKeyCheck(dns).check("example.com", "s1", RSA_2048);

        if (reason == null) {
            assertThat(verdict.result()).as(verdict.comment()).isEqualTo(DkimResult.PASS);
            assertThat(report.hasErrors()).as(report.toString()).isFalse();
            assertThat(report.finding("key-matches")).isPresent();
        } else {
            assertThat(verdict.reason()).as(verdict.comment()).isEqualTo(reason);
            assertThat(verdict.result()).isNotEqualTo(DkimResult.PASS);
            assertThat(report.hasErrors()).isTrue();
        }
        if (code != null) {
            assertThat(report.finding(code)).as(report.toString()).isPresent();
        }
    }

    static Stream<Arguments> spfRecords() {
        StringBuilder many = new StringBuilder("example.com. IN TXT ( \"v=spf1\"");
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            many.append(" \" a:h").append(i).append(".example.com\"");
            targets.append("h").append(i).append(".example.com. IN A 198.51.100.").append(i).append('\n');
        }
        many.append(" \" ip4:192.0.2.0/24 -all\" )\n");
        return Stream.of(
                Arguments.of("good", "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n", SpfResult.PASS),
                Arguments.of("eleven lookups", many + targets.toString(), SpfResult.PERMERROR),
                Arguments.of("syntax", "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 ipv4:192.0.2.9 -all\"\n",
                        SpfResult.PERMERROR),
                Arguments.of("three void", "example.com. IN TXT \"v=spf1 a:n1.example.com a:n2.example.com "
                        + "a:n3.example.com ip4:192.0.2.0/24 -all\"\n", SpfResult.PERMERROR),
                Arguments.of("two records", "example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                        + "example.com. IN TXT \"v=spf1 mx -all\"\n", SpfResult.PERMERROR));
    }

    /** A listed client (192.0.2.10) passes exactly when the check finds no error. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("spfRecords")
    void spf(String name, String zone, SpfResult expected) {
        ScriptedResolver dns = ScriptedResolver.fromZoneText(zone);
        SpfVerdict verdict = new SpfEvaluator(SpfConfig.builder(dns).build())
                .checkMailFrom(IpLiteral.parse("192.0.2.10").orElseThrow(), "mail.example.com", "joe@example.com");
        RecordReport report = new SpfRecordCheck(dns).check("example.com");
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(expected);
        assertThat(report.hasErrors()).as(report.toString()).isEqualTo(expected != SpfResult.PASS);
    }

    static Stream<Arguments> dmarcRecords() {
        return Stream.of(
                Arguments.of("reject", "v=DMARC1; p=reject; rua=mailto:d@example.com", DmarcResult.FAIL, null),
                Arguments.of("typo in p", "v=DMARC1; p=rejcet", DmarcResult.PERMERROR, "invalid-policy"),
                Arguments.of("typo in p with rua", "v=DMARC1; p=rejcet; rua=mailto:d@example.com", DmarcResult.FAIL,
                        "invalid-policy"),
                Arguments.of("two records", "v=DMARC1; p=reject\"\n_dmarc.example.com. IN TXT \"v=DMARC1; p=none",
                        DmarcResult.NONE, "multiple-records"),
                Arguments.of("version", "v=DMARC 1; p=reject", DmarcResult.NONE, "version-error"));
    }

    /**
     * A spoofed message (nothing authenticated) from example.com: DMARC fails with the record's policy exactly when the
     * check finds the record usable; the check's error matches a verdict without the intended policy.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dmarcRecords")
    void dmarc(String name, String record, DmarcResult expected, String code) {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("_dmarc.example.com. IN TXT \"" + record + "\"\n");
        DmarcVerdict verdict = new DmarcEvaluator(DmarcConfig.rfc9989(dns))
                .evaluate(DmarcRequest.builder(AuthorDomains.of("example.com")).build());
        RecordReport report = new DmarcRecordCheck(dns).check("example.com");
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(expected);
        assertThat(report.hasErrors()).as(report.toString()).isEqualTo(code != null);
        if (code != null) {
            assertThat(report.codes()).contains(code);
        } else {
            assertThat(report.finding("policy").orElseThrow().message()).contains("p=reject dis=reject");
        }
    }
}
