package dev.inkan.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.message.HeaderField;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 6376 §6.1.1: malformed signature fields are ignored with a precise reason. */
class DkimSignatureParserTest {

    static final String GOOD = "v=1; a=rsa-sha256; d=example.com; s=sel; h=from:to; bh=AAAA; b=AAAA";

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of(GOOD, null, null),
                Arguments.of(GOOD + "; zz=unknown tags are fine", null, null),
                Arguments.of(GOOD + ";", null, null),
                Arguments.of("v=1; a=rsa-sha256; d=example.com; s=sel; h=From : To; bh=AA AA; b=AA\r\n\tAA; c=relaxed", null, null),
                Arguments.of(GOOD.replace("v=1", "v=2"), DkimReason.UNSUPPORTED_VERSION, "incompatible version v=2"),
                Arguments.of(GOOD.replace("v=1; ", ""), DkimReason.MISSING_TAG, "signature missing required tag v="),
                Arguments.of(GOOD.replace("bh=AAAA; ", ""), DkimReason.MISSING_TAG, "signature missing required tag bh="),
                Arguments.of(GOOD + "; d=other.example", DkimReason.SIGNATURE_SYNTAX, "duplicate tag 'd'"),
                Arguments.of(GOOD.replace("a=rsa-sha256", "a=rsa-md5"), DkimReason.UNSUPPORTED_ALGORITHM, "unsupported algorithm a=rsa-md5"),
                Arguments.of(GOOD + "; c=future", DkimReason.UNSUPPORTED_CANONICALIZATION, "unsupported canonicalization c=future"),
                Arguments.of(GOOD + "; c=relaxed/relaxed/x", DkimReason.UNSUPPORTED_CANONICALIZATION, null),
                Arguments.of(GOOD + "; q=http", DkimReason.UNSUPPORTED_QUERY_METHOD, "unsupported query method q=http"),
                Arguments.of(GOOD.replace("h=from:to", "h=to:subject"), DkimReason.FROM_NOT_SIGNED, "From field not signed"),
                Arguments.of(GOOD.replace("h=from:to", "h=from::to"), DkimReason.SIGNATURE_SYNTAX, null),
                Arguments.of(GOOD + "; i=joe@elsewhere.example", DkimReason.DOMAIN_MISMATCH,
                        "i= domain elsewhere.example is not within d=example.com"),
                Arguments.of(GOOD + "; i=joe@notexample.com", DkimReason.DOMAIN_MISMATCH, null),
                Arguments.of(GOOD + "; i=no-at-sign", DkimReason.SIGNATURE_SYNTAX, null),
                Arguments.of(GOOD.replace("b=AAAA", "b=A*AA"), DkimReason.SIGNATURE_SYNTAX, "b= is not valid base64"),
                Arguments.of(GOOD.replace("b=AAAA", "b="), DkimReason.SIGNATURE_SYNTAX, "b= is not valid base64"),
                Arguments.of(GOOD + "; l=12x", DkimReason.SIGNATURE_SYNTAX, null),
                Arguments.of(GOOD + "; l=" + "9".repeat(76), DkimReason.SIGNATURE_SYNTAX, null),
                Arguments.of(GOOD + "; t=100; x=50", DkimReason.SIGNATURE_SYNTAX, "x= is before t="),
                Arguments.of(GOOD.replace("d=example.com", "d=exa mple.com"), DkimReason.SIGNATURE_SYNTAX, null),
                Arguments.of(GOOD + "; 1x=bad", DkimReason.SIGNATURE_SYNTAX, "invalid tag name '1x'"),
                Arguments.of("garbage", DkimReason.SIGNATURE_SYNTAX, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void parse(String value, DkimReason reason, String detail) {
        DkimSignatureParse parse = DkimSignatureParser.parse(HeaderField.of("DKIM-Signature: " + value));
        assertThat(parse.reason()).as(parse.detail()).isEqualTo(reason);
        if (detail != null) {
            assertThat(parse.detail()).isEqualTo(detail);
        }
        if (reason == null) {
            assertThat(parse.signature().fieldWithoutSignature()).endsWith(value.substring(value.indexOf("b=") + 2).isEmpty()
                    ? "" : "b=" + value.substring(value.indexOf("; b=") + 4).replaceFirst("^[^;]*", ""));
        }
    }

    @org.junit.jupiter.api.Test
    void the_b_value_is_removed_with_its_folding_but_bh_is_kept() {
        DkimSignatureParse parse = DkimSignatureParser.parse(HeaderField.of(
                "DKIM-Signature: v=1; a=rsa-sha256; b=AB\r\n\tCD ; d=example.com; s=sel; h=from; bh=XYZ="));
        assertThat(parse.signature().fieldWithoutSignature())
                .isEqualTo("DKIM-Signature: v=1; a=rsa-sha256; b=; d=example.com; s=sel; h=from; bh=XYZ=");
    }

    /** RFC 8616 §4: U-labels in d=, s= and i= (an internationalised header, UTF-8 octets) mean their A-labels. */
    @org.junit.jupiter.api.Test
    void internationalisedDomainsAreReadAsUtf8AndLookedUpAsALabels() {
        DkimSignatureParse parse = DkimSignatureParser.parse(utf8Field(
                "v=1; a=rsa-sha256; d=b\u00fccher.example; s=sel; i=j\u00f6rg@b\u00fccher.example; h=from; bh=AAAA; b=AAAA"));
        assertThat(parse.reason()).as(parse.detail()).isNull();
        assertThat(parse.signature().domain()).isEqualTo("xn--bcher-kva.example");
        assertThat(parse.signature().keyName()).isEqualTo("sel._domainkey.xn--bcher-kva.example");
        assertThat(parse.signature().identity()).isEqualTo("j\u00f6rg@b\u00fccher.example");
    }

    @org.junit.jupiter.api.Test
    void aMismatchOfInternationalisedDomainsIsReportedAsWritten() {
        DkimSignatureParse parse = DkimSignatureParser.parse(utf8Field(
                "v=1; a=rsa-sha256; d=b\u00fccher.example; s=sel; i=j@other.example; h=from; bh=AAAA; b=AAAA"));
        assertThat(parse.reason()).isEqualTo(DkimReason.DOMAIN_MISMATCH);
        assertThat(parse.detail()).isEqualTo("i= domain other.example is not within d=b\u00fccher.example");
        assertThat(parse.domain()).as("reported as text, not as octets").isEqualTo("b\u00fccher.example");
    }

    private static HeaderField utf8Field(String value) {
        return new HeaderField(("DKIM-Signature: " + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
