package dev.inkan.arc;

import static dev.inkan.arc.ArcFixtures.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keytable.KeySelection;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the validator makes of DNS outcomes, key policy, limits, and how it shares the single pass with DKIM. */
class ArcValidatorTest {

    private static String sealedRsa(ScriptedResolver dns) {
        return ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), MESSAGE);
    }

    @Test
    void a_message_without_arc_fields_is_none() {
        ArcVerdict verdict = ArcFixtures.validate(ArcFixtures.dns(), MESSAGE);
        assertThat(verdict.result()).isEqualTo(ArcResult.NONE);
        assertThat(verdict.instances()).isZero();
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo())).isEqualTo("arc=none");
    }

    @Test
    void a_passing_chain_formats_with_the_rfc_8617_properties() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcVerdict verdict = ArcFixtures.validate(dns, sealedRsa(dns));
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo("192.0.2.1")))
                .isEqualTo("arc=pass header.oldest-pass=0 smtp.remote-ip=192.0.2.1");
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo("2001:db8::1a")))
                .as("':' is a tspecial: RFC 8601 §2.2 quotes the value")
                .isEqualTo("arc=pass header.oldest-pass=0 smtp.remote-ip=\"2001:db8::1a\"");
    }

    @Test
    void every_failure_is_permanent_including_dns() {
        ScriptedResolver sealing = ArcFixtures.dns();
        String sealed = sealedRsa(sealing);
        ScriptedResolver timeout = ArcFixtures.dns().tempFail("rsa._domainkey.example.org", "timed out");
        ArcVerdict verdict = ArcFixtures.validate(timeout, sealed);
        assertThat(verdict.result()).isEqualTo(ArcResult.FAIL);
        assertThat(verdict.reason()).isEqualTo(ArcReason.KEY_UNAVAILABLE);
        assertThat(verdict.comment()).contains("timed out");
        assertThat(AuthResultsFormatter.resultInfo(verdict.toResultInfo())).startsWith("arc=fail (");
        assertThat(ArcFixtures.validate(ScriptedResolver.empty(), sealed).reason()).isEqualTo(ArcReason.NO_KEY);
        ScriptedResolver revoked = ScriptedResolver.empty().txt("rsa._domainkey.example.org", "v=DKIM1; p=");
        assertThat(ArcFixtures.validate(revoked, sealed).reason()).isEqualTo(ArcReason.KEY_REVOKED);
        ScriptedResolver wrongType = ScriptedResolver.empty().txt("rsa._domainkey.example.org",
                KeyRecord.textFor(ArcFixtures.ED25519.publicKey()));
        ArcVerdict mismatch = ArcFixtures.validate(wrongType, sealed);
        assertThat(mismatch.reason()).isEqualTo(ArcReason.KEY_UNUSABLE);
        assertThat(mismatch.comment()).contains("inappropriate key algorithm");
    }

    @Test
    void the_rsa_key_size_policy_of_rfc_8301_applies() {
        ScriptedResolver dns = ArcFixtures.dns();
        String sealed = sealedRsa(dns);
        ArcValidator strict = new ArcValidator(ArcValidatorConfig.builder(dns).keyPolicy(KeyPolicy.RFC8301.withMinRsaBits(4096)).build());
        ArcVerdict verdict = validate(strict, sealed);
        assertThat(verdict.reason()).isEqualTo(ArcReason.KEY_TOO_SHORT);
        assertThat(verdict.comment()).contains("2048 bits");
    }

    @Test
    void chains_longer_than_the_limit_fail() {
        ScriptedResolver dns = ArcFixtures.dns();
        String message = MESSAGE;
        for (int i = 0; i < 3; i++) {
            message = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.ed(), dns), message);
        }
        assertThat(ArcFixtures.validate(dns, message).result()).isEqualTo(ArcResult.PASS);
        ArcVerdict limited = validate(new ArcValidator(ArcValidatorConfig.builder(dns).maxInstances(2).build()), message);
        assertThat(limited.reason()).isEqualTo(ArcReason.TOO_MANY_SETS);
        assertThatThrownBy(() -> ArcValidatorConfig.builder(dns).maxInstances(51))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldest_pass_can_be_turned_off() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcVerdict verdict = validate(new ArcValidator(ArcValidatorConfig.builder(dns).oldestPass(false).build()),
                sealedRsa(dns));
        assertThat(verdict.result()).isEqualTo(ArcResult.PASS);
        assertThat(verdict.oldestPass()).isEqualTo(-1);
        assertThat(verdict.toResultInfo().properties()).isEmpty();
    }

    @Test
    void dkim_and_arc_share_one_pass_and_one_digest_per_body_hash_key() throws Exception {
        ScriptedResolver dns = ArcFixtures.dns().txt("sel._domainkey.example.com",
                KeyRecord.textFor(ArcFixtures.RSA_2048.publicKey()));
        DkimSigner signer = new DkimSigner(List.of(DkimSigningSpec.builder(ArcFixtures.RSA_2048, "example.com", "sel")
                .build()), ArcFixtures.CLOCK);
        String plain = MESSAGE.replaceFirst("DKIM-Signature: [^\r]*\r\n", "");
        String signed = String.join("", signer.sign(bytes(plain))) + plain;
        String sealed = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), signed);
        DkimCheck dkim = new DkimVerifier(DkimVerifierConfig.builder(dns).clock(ArcFixtures.CLOCK).build()).check();
        ArcCheck arc = ArcFixtures.validator(dns).check();
        ScannedMessage scanned = MessageSink.scan(bytes(sealed), MessageLimits.DEFAULT, List.of(dkim, arc));
        assertThat(scanned.bodyHashes()).hasSize(1);
        assertThat(arc.verdict(scanned).result()).isEqualTo(ArcResult.PASS);
        assertThat(dkim.verdicts(scanned)).anySatisfy(v -> assertThat(v.passed()).isTrue());
    }

    @Test
    void an_ams_that_signs_an_arc_seal_fails() {
        ScriptedResolver dns = ArcFixtures.dns();
        String hop1 = sealedRsa(dns);
        String hop2 = ArcFixtures.sealed(ArcFixtures.sealer("mx.hop2.example.net",
                new KeySelection("hop2.example.net", "hop2", ArcFixtures.ED25519, null), dns), hop1);
        String forged = hop2.replaceFirst("h=from:to", "h=arc-seal:from:to");
        assertThat(forged).isNotEqualTo(hop2);
        assertThat(ArcFixtures.validate(dns, forged).reason()).isEqualTo(ArcReason.AMS_SIGNS_SEAL);
    }

    private static ArcVerdict validate(ArcValidator validator, String message) {
        try {
            return validator.validate(bytes(message));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream bytes(String message) {
        return new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1));
    }
}
