package dev.inkan.authres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthResultsHeadersTest {

    private static final String OURS = "mx.example.com";

    /** RFC 8601 §5: fields claiming our authserv-id, however they are written, are caught. */
    @ParameterizedTest
    @ValueSource(strings = {
            "mx.example.com; spf=pass smtp.mailfrom=example.net",
            "MX.Example.COM; none",
            "  (forged) mx.example.com 1; dkim=pass",
            "\r\n\tmx.example.com;\r\n\tdkim=pass header.d=example.com",
            "\"mx.example.com\"; none",
            "mx.example.com;",
            "mx.example.com",
            "mx.example.com; dkim=pass header.d=<<<garbage (((",
            "mx.example.com ))) total garbage \"",
            "mx.example.com/garbage",
            "\"mx.example.com \"; none",
            "mx.example.com.; none",
    })
    void claimsOurAuthservIdEvenWhenTheRestIsMalformed(String fieldValue) {
        assertThat(AuthResultsHeaders.claimsAuthservId(fieldValue, OURS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "example.com; spf=pass smtp.mailfrom=example.net",
            "mx.example.com.evil; none",
            "evil-mx.example.com; none",
            "mx.example.community; none",
            "(mx.example.com) other.example; none",
            "",
            "   ",
            "(unterminated mx.example.com; none",
            "; mx.example.com",
    })
    void doesNotClaimAnotherAuthservId(String fieldValue) {
        assertThat(AuthResultsHeaders.claimsAuthservId(fieldValue, OURS)).isFalse();
    }

    @Test
    void comparesALabelsAsULabels() {
        assertThat(AuthResultsHeaders.claimsAuthservId("xn--bcher-kva.example; none", "bücher.example")).isTrue();
        assertThat(AuthResultsHeaders.claimsAuthservId("\"bücher.example\"; none", "xn--bcher-kva.example"))
                .isTrue();
    }

    @Test
    void readsTheAuthservIdWhateverFollows() {
        assertThat(AuthResultsHeaders.authservIdOf(" (c) example.org 1; none")).hasValue("example.org");
        assertThat(AuthResultsHeaders.authservIdOf("example.org;;;garbage")).hasValue("example.org");
        assertThat(AuthResultsHeaders.authservIdOf("; none")).isEmpty();
        assertThat(AuthResultsHeaders.authservIdOf(null)).isEmpty();
    }

    @Test
    void unfoldRemovesLineBreaksBeforeWhitespaceOnly() {
        assertThat(AuthResultsHeaders.unfold(" example.com;\r\n\tspf=pass\r\n  smtp.mailfrom=example.net\r\n"))
                .isEqualTo(" example.com;\tspf=pass  smtp.mailfrom=example.net");
        assertThat(AuthResultsHeaders.unfold("a;\n b")).isEqualTo("a; b");
        assertThat(AuthResultsHeaders.unfold("a;\r\nb")).isEqualTo("a;\r\nb");
    }

    @Test
    void recognisesTheFieldName() {
        assertThat(AuthResultsHeaders.isAuthenticationResults("authentication-results")).isTrue();
        assertThat(AuthResultsHeaders.isAuthenticationResults("Authentication-Results ")).isTrue();
        assertThat(AuthResultsHeaders.isAuthenticationResults("ARC-Authentication-Results")).isFalse();
        assertThat(AuthResultsHeaders.isAuthenticationResults(null)).isFalse();
    }
}
