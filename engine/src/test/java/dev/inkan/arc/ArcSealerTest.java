package dev.inkan.arc;

import static dev.inkan.arc.ArcFixtures.MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keytable.FixedKeySelector;
import dev.inkan.keytable.KeySelection;
import dev.inkan.message.HeaderField;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the sealer writes: field order and layout, the AAR's content, the key per domain, and when it refuses. */
class ArcSealerTest {

    @Test
    void the_new_set_is_seal_then_signature_then_results_each_folded_within_78_columns() {
        ArcSealResult.Sealed s = (ArcSealResult.Sealed) ArcFixtures.seal(
                ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), ArcFixtures.dns()), MESSAGE);
        assertThat(s.fields()).hasSize(3);
        assertThat(unfold(s.fields().get(0))).startsWith("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.org; s=rsa;"
                + " t=1795341600; b=");
        assertThat(unfold(s.fields().get(1))).startsWith("ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed;"
                + " d=example.org; s=rsa;");
        assertThat(s.fields().get(2)).startsWith("ARC-Authentication-Results: i=1; list.example.org;");
        for (String field : s.fields()) {
            assertThat(field).endsWith("\r\n");
            assertThat(field.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        }
        assertThat(unfold(s.fields().get(1))).contains("h=from:to:subject:date:message-id:dkim-signature;");
    }

    @Test
    void the_aar_holds_the_results_of_our_authserv_id_and_the_arc_result() {
        ArcSealResult.Sealed s = (ArcSealResult.Sealed) ArcFixtures.seal(
                ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), ArcFixtures.dns()), MESSAGE);
        String aar = s.fields().get(2);
        assertThat(unfold(aar)).isEqualTo("ARC-Authentication-Results: i=1; list.example.org;"
                + " spf=pass smtp.mailfrom=joe@example.com; dkim=pass header.d=example.com header.s=sel; arc=none");
        assertThat(aar).doesNotContain("other.example.net");
        ArcAuthenticationResults parsed = ArcFieldParser.parseAuthenticationResults(HeaderField.of(aar.strip()))
                .value();
        assertThat(parsed.results().results()).extracting(ResultInfo::method).containsExactly("spf", "dkim", "arc");
    }

    @Test
    void given_results_replace_the_message_fields_and_keep_their_own_arc_result() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcSealer sealer = ArcFixtures.sealer("list.example.org", ArcFixtures.rsa(), dns);
        List<ResultInfo> ours = List.of(ResultInfo.of("arc", "none"),
                ResultInfo.of("dmarc", "pass", ResultProperty.header("from", "example.com")));
        ArcSealing job = sealer.start();
        ScannedMessage scanned = scan(MESSAGE, job);
        ArcSealResult.Sealed s = (ArcSealResult.Sealed) job.result(scanned, ours);
        assertThat(unfold(s.fields().get(2)))
                .isEqualTo("ARC-Authentication-Results: i=1; list.example.org; arc=none; dmarc=pass header.from=example.com");
    }

    @Test
    void the_key_is_chosen_per_author_domain() {
        ScriptedResolver dns = ArcFixtures.dns().txt("k._domainkey.example.com",
                dev.inkan.keyrecord.KeyRecord.textFor(ArcFixtures.ED25519.publicKey()));
        FixedKeySelector selector = new FixedKeySelector(List.of(
                new KeySelection("example.net", "x", ArcFixtures.RSA_2048, null),
                new KeySelection("example.com", "k", ArcFixtures.ED25519, null)), false);
        ArcSealer sealer = new ArcSealer(ArcSealerConfig.builder("list.example.org").keys(selector)
                .clock(ArcFixtures.CLOCK).build(), ArcFixtures.validator(dns));
        ArcSealResult result = ArcFixtures.seal(sealer, MESSAGE);
        assertThat(result).isInstanceOfSatisfying(ArcSealResult.Sealed.class, s -> {
            assertThat(s.domain()).isEqualTo("example.com");
            assertThat(s.selector()).isEqualTo("k");
        });
        assertThat(ArcFixtures.validate(dns, ((ArcSealResult.Sealed) result).text() + MESSAGE).passed()).isTrue();
        ArcSealResult foreign = ArcFixtures.seal(sealer, MESSAGE.replace("joe@example.com>", "joe@example.org>"));
        assertThat(foreign).isInstanceOfSatisfying(ArcSealResult.NotSealed.class,
                n -> assertThat(n.reason()).isEqualTo(ArcSealResult.Skip.NO_KEY));
    }

    @Test
    void of_several_keys_the_author_domain_s_seals_and_the_first_seals_the_rest() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcSealer sealer = new ArcSealer(ArcSealerConfig.builder("list.example.org")
                .keys(List.of(ArcFixtures.rsa(), new KeySelection("example.com", "k", ArcFixtures.ED25519, null)))
                .clock(ArcFixtures.CLOCK).build(), ArcFixtures.validator(dns));
        assertThat(((ArcSealResult.Sealed) ArcFixtures.seal(sealer, MESSAGE)).domain()).isEqualTo("example.com");
        String other = MESSAGE.replace("joe@example.com>", "joe@elsewhere.example>");
        assertThat(((ArcSealResult.Sealed) ArcFixtures.seal(sealer, other)).domain()).isEqualTo("example.org");
    }

    @Test
    void no_fifty_first_set() {
        ScriptedResolver dns = ArcFixtures.dns();
        ArcSealer sealer = ArcFixtures.sealer("list.example.org", ArcFixtures.ed(), dns);
        String message = MESSAGE;
        for (int i = 0; i < ArcValidatorConfig.MAX_INSTANCES; i++) {
            message = ArcFixtures.sealed(sealer, message);
        }
        ArcVerdict verdict = ArcFixtures.validate(dns, message);
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(ArcResult.PASS);
        assertThat(verdict.instances()).isEqualTo(50);
        assertThat(ArcFixtures.seal(sealer, message)).isInstanceOfSatisfying(ArcSealResult.NotSealed.class,
                n -> assertThat(n.reason()).isEqualTo(ArcSealResult.Skip.TOO_MANY_SETS));
    }

    @Test
    void fields_that_must_not_be_signed_and_weak_keys_are_refused() {
        assertThatThrownBy(() -> ArcSealerConfig.builder("x").headers(List.of("from", "ARC-Seal")))
                .hasMessageContaining("RFC 8617 §4.1.2");
        assertThatThrownBy(() -> ArcSealerConfig.builder("x").headers(List.of("Authentication-Results")))
                .hasMessageContaining("RFC 8617 §4.1.2");
        assertThatThrownBy(() -> ArcSealerConfig.builder(" ")).hasMessageContaining("authserv-id");
        assertThatThrownBy(() -> ArcSealerConfig.builder("x").build()).hasMessageContaining("key");
        assertThat(ArcSealerConfig.builder("x").headers(List.of("Subject")).key(ArcFixtures.rsa()).build().headers())
                .containsExactly("from", "subject");
    }

    private static ScannedMessage scan(String message, ArcSealing job) {
        try {
            return MessageSink.scan(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)),
                    MessageLimits.DEFAULT, List.of(job));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unfold(String field) {
        return field.strip().replace("\r\n\t", " ").replace("\r\n", "");
    }

}
