package dev.inkan.arc;

import static dev.inkan.arc.ArcFixtures.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keytable.KeySelection;
import dev.inkan.message.Canonicalization;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seal with Inkan, validate with Inkan: keys × layouts × canonicalizations, several hops, and tampering. */
class ArcRoundTripTest {

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (KeySelection key : List.of(ArcFixtures.rsa(), ArcFixtures.ed())) {
            for (ArcFieldLayout layout : ArcFieldLayout.values()) {
                for (Canonicalization h : Canonicalization.values()) {
                    for (Canonicalization b : Canonicalization.values()) {
                        cases.add(Arguments.of(key.selector() + " " + layout + " " + h.tagName() + "/" + b.tagName(),
                                key, layout, h, b));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void a_sealed_message_validates(String name, KeySelection key, ArcFieldLayout layout, Canonicalization h,
            Canonicalization b) {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcSealer sealer = new ArcSealer(ArcSealerConfig.builder("list.example.org").key(key).layout(layout)
                .canonicalization(h, b).clock(ArcFixtures.CLOCK).build(), ArcFixtures.validator(dns));
        String sealed = ArcFixtures.sealed(sealer, MESSAGE);
        ArcVerdict verdict = ArcFixtures.validate(dns, sealed);
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(ArcResult.PASS);
        assertThat(verdict.instances()).isEqualTo(1);
        assertThat(verdict.oldestPass()).isZero();
        assertThat(verdict.sets()).singleElement().satisfies(s -> {
            assertThat(s.sealDomain()).isEqualTo("example.org");
            assertThat(s.sealSelector()).isEqualTo(key.selector());
            assertThat(s.results().authservId()).isEqualTo("list.example.org");
        });
    }

    @Test
    void three_hops_validate_and_each_seal_records_its_status() {
        ScriptedResolver dns = ArcFixtures.dns();
        String hop1 = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), MESSAGE);
        String hop2 = ArcFixtures.sealed(ArcFixtures.sealer("mx.hop2.example.net",
                new KeySelection("hop2.example.net", "hop2", ArcFixtures.ED25519, null), dns), hop1);
        String hop3 = ArcFixtures.sealed(ArcFixtures.sealer("mx.hop3.example",
                new KeySelection("hop3.example", "hop3", ArcFixtures.RSA_2048, null), dns), hop2);
        ArcVerdict verdict = ArcFixtures.validate(dns, hop3);
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(ArcResult.PASS);
        assertThat(verdict.instances()).isEqualTo(3);
        assertThat(verdict.oldestPass()).isZero();
        assertThat(verdict.sets()).extracting(ArcSetSummary::sealDomain)
                .containsExactly("example.org", "hop2.example.net", "hop3.example");
        assertThat(hop3).contains("ARC-Seal: i=1; a=rsa-sha256; cv=none;").contains("ARC-Seal: i=2; a=ed25519-sha256;"
                + " cv=pass;").contains("ARC-Seal: i=3; a=rsa-sha256; cv=pass;");
        assertThat(verdict.sets().get(1).results().results()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("arc");
            assertThat(r.result()).isEqualTo("pass");
        });
    }

    @Test
    void a_change_by_the_second_hop_moves_oldest_pass_but_the_chain_passes() {
        ScriptedResolver dns = ArcFixtures.dns();
        String hop1 = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), MESSAGE);
        ArcVerdict onArrival = ArcFixtures.validate(dns, hop1);
        String edited = hop1.replace("Subject: hello", "Subject: [list] hello");
        String hop2 = ArcFixtures.sealedAfterChange(ArcFixtures.sealer("mx.hop2.example.net",
                new KeySelection("hop2.example.net", "hop2", ArcFixtures.ED25519, null), dns), onArrival, edited);
        ArcVerdict verdict = ArcFixtures.validate(dns, hop2);
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(ArcResult.PASS);
        assertThat(verdict.oldestPass()).isEqualTo(2);
        assertThat(verdict.toResultInfo("192.0.2.7")).satisfies(r -> {
            assertThat(r.property("header", "oldest-pass")).contains("2");
            assertThat(r.property("smtp", "remote-ip")).contains("192.0.2.7");
        });
    }

    @Test
    void a_change_after_the_last_hop_fails_the_chain() {
        ScriptedResolver dns = ArcFixtures.dns();
        String sealed = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), MESSAGE);
        assertThat(ArcFixtures.validate(dns, sealed.replace("Bye.", "Bye!")).reason())
                .isEqualTo(ArcReason.BODY_HASH_MISMATCH);
        assertThat(ArcFixtures.validate(dns, sealed.replace("Subject: hello", "Subject: hullo")).reason())
                .isEqualTo(ArcReason.AMS_SIGNATURE_MISMATCH);
        assertThat(ArcFixtures.validate(dns, sealed.replace("spf=pass smtp.mailfrom", "spf=fail smtp.mailfrom")).result())
                .isEqualTo(ArcResult.PASS).as("the A-R field is not signed");
        String aar = sealed.replace("i=1; list.example.org; spf=pass", "i=1; list.example.org; spf=fail");
        assertThat(aar).isNotEqualTo(sealed);
        assertThat(ArcFixtures.validate(dns, aar).reason()).isEqualTo(ArcReason.SEAL_SIGNATURE_MISMATCH);
    }

    @Test
    void a_broken_chain_is_sealed_with_cv_fail_over_our_own_set_and_never_sealed_again() {
        ScriptedResolver dns = ArcFixtures.dns();
        String hop1 = ArcFixtures.sealed(ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns), MESSAGE);
        String broken = hop1.replace("Bye.", "Bye, changed.");
        ArcSealResult result = ArcFixtures.seal(ArcFixtures.sealer("mx.hop2.example.net",
                new KeySelection("hop2.example.net", "hop2", ArcFixtures.ED25519, null), dns), broken);
        assertThat(result).isInstanceOfSatisfying(ArcSealResult.Sealed.class, s -> {
            assertThat(s.chainStatus()).isEqualTo(ArcResult.FAIL);
            assertThat(s.instance()).isEqualTo(2);
            assertThat(s.incoming().reason()).isEqualTo(ArcReason.BODY_HASH_MISMATCH);
            assertThat(s.fields().get(2)).contains("arc=fail");
        });
        String hop2 = ((ArcSealResult.Sealed) result).text() + broken;
        assertThat(ArcFixtures.validate(dns, hop2).reason()).isEqualTo(ArcReason.CHAIN_ALREADY_FAILED);
        // the seal of a failed chain covers only its own set (RFC 8617 §5.1.2): removing set 1 leaves it valid
        ArcSealResult again = ArcFixtures.seal(ArcFixtures.sealer("mx.hop3.example",
                new KeySelection("hop3.example", "hop3", ArcFixtures.RSA_2048, null), dns), hop2);
        assertThat(again).isInstanceOfSatisfying(ArcSealResult.NotSealed.class,
                n -> assertThat(n.reason()).isEqualTo(ArcSealResult.Skip.CHAIN_ALREADY_FAILED));
    }

    @Test
    void sealing_is_deterministic_for_a_fixed_clock() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcSealer sealer = ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns);
        assertThat(ArcFixtures.sealed(sealer, MESSAGE)).isEqualTo(ArcFixtures.sealed(sealer, MESSAGE));
    }
}
