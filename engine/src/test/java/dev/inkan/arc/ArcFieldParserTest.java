package dev.inkan.arc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderField;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How each ARC field is read (RFC 8617 §4.1), and what makes it unusable. */
class ArcFieldParserTest {

    static final String AS = "ARC-Seal: i=2; a=rsa-sha256; cv=pass; d=example.org; s=sel; t=12345; b=AAAA";
    static final String AMS = "ARC-Message-Signature: i=1; a=ed25519-sha256; d=example.org; s=sel; h=from:to;"
            + " bh=AAAA; b=AAAA";

    @Test
    void a_seal_is_read_with_its_instance_and_chain_status() {
        ArcSeal seal = ArcFieldParser.parseSeal(HeaderField.of(AS)).value();
        assertThat(seal.instance()).isEqualTo(2);
        assertThat(seal.chainStatus()).isEqualTo(ArcResult.PASS);
        assertThat(seal.keyName()).isEqualTo("sel._domainkey.example.org");
        assertThat(seal.timestamp()).isEqualTo(12345);
        assertThat(seal.fieldWithoutSignature()).isEqualTo(AS.substring(0, AS.length() - 4));
    }

    @Test
    void an_ams_without_c_is_simple_simple_and_may_carry_a_version_tag() {
        ArcMessageSignature ams = ArcFieldParser.parseMessageSignature(HeaderField.of(AMS + "; v=1")).value();
        assertThat(ams.headerCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
        assertThat(ams.bodyCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
        assertThat(ams.signedHeaders()).containsExactly("from", "to");
        assertThat(ams.signsSeal()).isFalse();
    }

    /** RFC 8616 §4 via RFC 8617 §4.1.2: U-labels in d= and s= of an internationalised header mean their A-labels. */
    @Test
    void internationalised_sealer_domains_are_looked_up_as_a_labels() {
        String utf8 = "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=b\u00fccher.example; s=sel; b=AAAA\r\n";
        ArcSeal seal = ArcFieldParser.parseSeal(new HeaderField(utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .value();
        assertThat(seal).isNotNull();
        assertThat(seal.keyName()).isEqualTo("sel._domainkey.xn--bcher-kva.example");
    }

    @Test
    void the_instance_tag_may_stand_anywhere_in_a_signature() {
        String late = "ARC-Seal: a=rsa-sha256; cv=none; d=example.org; i=1; s=sel; b=AAAA";
        assertThat(ArcFieldParser.parseSeal(HeaderField.of(late)).value().instance()).isEqualTo(1);
    }

    @Test
    void an_aar_needs_its_instance_prefix_and_keeps_a_payload_that_does_not_parse() {
        ArcAuthenticationResults aar = ArcFieldParser.parseAuthenticationResults(
                HeaderField.of("ARC-Authentication-Results: i=3; mx.example.org; spf=pass smtp.mailfrom=a@b.example"))
                .value();
        assertThat(aar.instance()).isEqualTo(3);
        assertThat(aar.results().authservId()).isEqualTo("mx.example.org");
        ArcAuthenticationResults odd = ArcFieldParser.parseAuthenticationResults(
                HeaderField.of("ARC-Authentication-Results: i=1; mx.example.org; spf")).value();
        assertThat(odd.results()).isNull();
        assertThat(odd.payloadError()).isNotBlank();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("AS with h=", AS + "; h=from", ArcReason.SEAL_SYNTAX, 2),
                Arguments.of("AS cv=Pass (values are case-sensitive)", AS.replace("cv=pass", "cv=Pass"),
                        ArcReason.INVALID_CV, 2),
                Arguments.of("AS without cv=", AS.replace("cv=pass; ", ""), ArcReason.SEAL_SYNTAX, 2),
                Arguments.of("AS i=0", AS.replace("i=2", "i=0"), ArcReason.INVALID_INSTANCE, -1),
                Arguments.of("AS unknown algorithm", AS.replace("rsa-sha256", "rsa-md5"), ArcReason.UNSUPPORTED_ALGORITHM, 2),
                Arguments.of("AS duplicate tag", AS + "; d=x.example", ArcReason.SEAL_SYNTAX, -1),
                Arguments.of("AMS empty h=", AMS.replace("h=from:to", "h="), ArcReason.AMS_SYNTAX, 1),
                Arguments.of("AMS h= with an empty name", AMS.replace("h=from:to", "h=from::to"), ArcReason.AMS_SYNTAX, 1),
                Arguments.of("AMS q=dns", AMS + "; q=dns", ArcReason.AMS_SYNTAX, 1),
                Arguments.of("AMS without bh=", AMS.replace(" bh=AAAA;", ""), ArcReason.AMS_SYNTAX, 1),
                Arguments.of("AAR without prefix", "ARC-Authentication-Results: mx.example.org; i=1; spf=pass",
                        ArcReason.AAR_SYNTAX, -1),
                Arguments.of("AAR i=x", "ARC-Authentication-Results: i=x; mx.example.org; spf=pass",
                        ArcReason.INVALID_INSTANCE, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void unusable_fields_say_why(String name, String field, ArcReason reason, int instance) {
        HeaderField f = HeaderField.of(field);
        ArcFieldParse<?> parse = f.hasName(ArcFieldParser.SEAL) ? ArcFieldParser.parseSeal(f)
                : f.hasName(ArcFieldParser.MESSAGE_SIGNATURE) ? ArcFieldParser.parseMessageSignature(f)
                : ArcFieldParser.parseAuthenticationResults(f);
        assertThat(parse.value()).isNull();
        assertThat(parse.reason()).as(parse.detail()).isEqualTo(reason);
        assertThat(parse.instance()).isEqualTo(instance);
        assertThat(parse.detail()).isNotBlank();
    }
}
