package dev.inkan.authres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthResultsParserTest {

    private static AuthenticationResults parse(String value) {
        return AuthResultsParser.parse(value).orElseThrow();
    }

    /** RFC 8601 Appendix B.2: a version and no authentication done. */
    @Test
    void appendixB2VersionAndNone() {
        assertThat(parse(" example.org 1; none"))
                .isEqualTo(new AuthenticationResults("example.org", 1, List.of()));
    }

    /** RFC 8601 Appendix B.3, folded as in the RFC. */
    @Test
    void appendixB3Folded() {
        assertThat(parse(" example.com;\r\n          spf=pass smtp.mailfrom=example.net"))
                .isEqualTo(AuthenticationResults.of("example.com",
                        List.of(ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "example.net")))));
    }

    /** RFC 8601 Appendix B.4: a comment after the result, and two results. */
    @Test
    void appendixB4CommentAndTwoResults() {
        assertThat(parse(" example.com;\r\n          auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n"
                + "          spf=pass smtp.mailfrom=example.net"))
                .isEqualTo(AuthenticationResults.of("example.com", List.of(
                        ResultInfo.of("auth", "pass", ResultProperty.smtp("auth", "sender@example.net"))
                                .withComment("cram-md5"),
                        ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "example.net")))));
        assertThat(parse(" example.com; iprev=pass\r\n          policy.iprev=192.0.2.200"))
                .isEqualTo(AuthenticationResults.of("example.com", List.of(
                        ResultInfo.of("iprev", "pass", ResultProperty.policy("iprev", "192.0.2.200")))));
    }

    /** RFC 8601 Appendix B.5: a comment of two words. */
    @Test
    void appendixB5CommentOfTwoWords() {
        assertThat(parse(" example.com;\r\n          dkim=pass (good signature) header.d=example.com"))
                .isEqualTo(AuthenticationResults.of("example.com", List.of(
                        ResultInfo.of("dkim", "pass", ResultProperty.header("d", "example.com"))
                                .withComment("good signature"))));
    }

    /** RFC 8601 Appendix B.6: quoted reasons, folding inside a resinfo, header.i with an empty local-part. */
    @Test
    void appendixB6ReasonsAndFoldedResinfos() {
        String value = " example.com;\r\n"
                + "      dkim=pass reason=\"good signature\"\r\n"
                + "        header.i=@mail-router.example.net;\r\n"
                + "      dkim=fail reason=\"bad signature\"\r\n"
                + "        header.i=@newyork.example.com";
        assertThat(parse(value)).isEqualTo(AuthenticationResults.of("example.com", List.of(
                ResultInfo.of("dkim", "pass", ResultProperty.header("i", "@mail-router.example.net"))
                        .withReason("good signature"),
                ResultInfo.of("dkim", "fail", ResultProperty.header("i", "@newyork.example.com"))
                        .withReason("bad signature"))));
    }

    /** RFC 8601 Appendix B.7: comments everywhere the grammar allows them, a version and a method-version. */
    @Test
    void appendixB7CommentHeavy() {
        String value = " foo.example.net (foobar) 1 (baz);\r\n"
                + "    dkim (Because I like it) / 1 (One yay) = (wait for it) fail\r\n"
                + "      policy (A dot can go here) . (like that) expired\r\n"
                + "      (this surprised me) = (as I wasn't expecting it) 1362471462";
        assertThat(parse(value)).isEqualTo(new AuthenticationResults("foo.example.net", 1, List.of(
                ResultInfo.of("dkim", "fail", ResultProperty.policy("expired", "1362471462")))));
    }

    @Test
    void nestedCommentsAndQuotedPairs() {
        AuthenticationResults results = parse("(leading (nested) comment) example.com;"
                + " spf=softfail (outer (inner \\) still inner) back \\\\ out) smtp.mailfrom=example.net");
        assertThat(results.authservId()).isEqualTo("example.com");
        assertThat(results.results().get(0).comment()).isEqualTo("outer (inner ) still inner) back \\ out");
        assertThat(results.results().get(0).property("smtp", "mailfrom")).hasValue("example.net");
    }

    @Test
    void quotedValuesWithQuotedPairs() {
        ResultInfo info = parse("example.com; dkim=pass header.b=\"Ab\\\"C/+x=y\" header.s=\"sel\"")
                .results().get(0);
        assertThat(info.property("header", "b")).hasValue("Ab\"C/+x=y");
        assertThat(info.property("header", "s")).hasValue("sel");
    }

    @Test
    void namesAreCaseInsensitiveAndStoredInLowerCase() {
        assertThat(parse("Example.COM; DKIM=Pass Reason=\"ok\" Header.D=Example.NET; spf=PASS; x=None"))
                .isEqualTo(AuthenticationResults.of("Example.COM", List.of(
                        ResultInfo.of("dkim", "pass", ResultProperty.header("d", "Example.NET")).withReason("ok"),
                        ResultInfo.of("spf", "pass"), ResultInfo.of("x", "none"))));
        assertThat(parse("example.com; NONE").results()).isEmpty();
    }

    @Test
    void lenientWhereTheMeaningIsStillClear() {
        AuthenticationResults expected = AuthenticationResults.of("example.com", List.of(
                ResultInfo.of("dkim", "pass", ResultProperty.header("d", "example.com"),
                        ResultProperty.header("b", "K/4UjDd+")).withComment("ok"),
                ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "example.com"))));
        assertThat(parse("example.com;dkim=pass(ok)header.d=example.com header.b=K/4UjDd+;spf=pass"
                + " smtp.mailfrom=example.com;;")).isEqualTo(expected);
        assertThat(parse("example.com;\n\tdkim=pass (ok) header.d=example.com header.b=\"K/4UjDd+\";\n\tspf=pass"
                + " smtp.mailfrom=example.com\r\n")).isEqualTo(expected);
        assertThat(parse("example.com; dkim=pass header.b=abc/def== header.d=example.com").results().get(0)
                .property("header", "b")).hasValue("abc/def==");
        assertThat(parse("example.com; dkim=fail header.d=example.com reason=\"late\"").results().get(0).reason())
                .isEqualTo("late");
    }

    @Test
    void addressesInPvalues() {
        ResultInfo info = parse("example.com; auth=pass smtp.auth=\"john doe\"@example.com"
                + " smtp.mailfrom=prvs=1234=user@example.net header.i=@example.com").results().get(0);
        assertThat(info.property("smtp", "auth")).hasValue("\"john doe\"@example.com");
        assertThat(info.property("smtp", "mailfrom")).hasValue("prvs=1234=user@example.net");
        assertThat(info.property("header", "i")).hasValue("@example.com");
    }

    @Test
    void methodVersionOneIsAcceptedAndDropped() {
        assertThat(parse("example.com; dkim/1=pass header.d=example.com").results().get(0).method())
                .isEqualTo("dkim");
    }

    @Test
    void singleResinfoAsPassedBetweenMailets() {
        ResultInfo info = ResultInfo.of("dkim", "pass", ResultProperty.header("d", "example.com"),
                ResultProperty.header("s", "sel"), ResultProperty.header("b", "AbCdEfGh"));
        assertThat(AuthResultsParser.parseResultInfo("dkim=pass header.d=example.com header.s=sel header.b=AbCdEfGh")
                .orElseThrow()).isEqualTo(info);
        assertThat(AuthResultsParser.parseResultInfo("dkim=pass; spf=pass").error())
                .hasValueSatisfying(error -> assertThat(error).contains("end of the resinfo"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''|authserv-id is required|0",
            "'   '|authserv-id is required|3",
            "example.com|expected ';' after the authserv-id|11",
            "example.com;|expected a method|12",
            "example.com; none; spf=pass|'none' cannot be combined|19",
            "example.com 2; none|unsupported authres-version 2|12",
            "example.com; dkim/2=pass|unsupported method-version dkim/2|18",
            "example.com; dkim|expected '=' after the method 'dkim'|17",
            "example.com; dkim=|expected a result|18",
            "example.com; dkim=pass header|'header' is neither|23",
            "example.com; dkim=pass header.d|expected '=' after 'header.d'|31",
            "example.com; dkim=pass header.d=|expected a property value|32",
            "example.com; dkim=pass header.d=<x@example.com>|expected a property value|32",
            "example.com; dmarc=pass action=none header.from=example.com|'action' is neither|24",
            "example.com; dkim=pass reason=a reason=b|a second reason=|32",
            "example.com; dkim=pass header.d=xheader.s=sel|is ambiguous|32",
            "example.com; dkim=pass header.i=user@example.com=x|not of the form|32",
            "example.com; spf=pass (unterminated|unterminated comment|22",
            "example.com; dkim=pass header.b=\"unterminated|unterminated quoted-string|32",
            "example.com; spf=pass;; dkim=pass|empty resinfo|24",
            "example.com; x-=pass|is not a keyword|13",
            "example.com; dkim=pass header.d=[192.0.2.1]|expected a property value|32",
    })
    void malformedInputGivesAnErrorWithItsPosition(String value, String message, int position) {
        AuthResultsParse<AuthenticationResults> parse = AuthResultsParser.parse(value);
        assertThat(parse).isInstanceOfSatisfying(AuthResultsParse.Malformed.class, malformed -> {
            assertThat(malformed.message()).contains(message);
            assertThat(malformed.position()).isEqualTo(position);
        });
        assertThat(parse.value()).isEmpty();
    }

    @Test
    void lineBreakWithoutFoldingIsMalformed() {
        AuthResultsParse<AuthenticationResults> parse =
                AuthResultsParser.parse("example.com; spf=pass\r\nX-Injected: yes");
        assertThat(parse.error()).hasValueSatisfying(error -> assertThat(error).contains("line break"));
    }

    @Test
    void hostileInputNeverThrows() {
        String[] hostile = {"(", ")", "\"", "\\", ";", "=", ".", "@", "(((((", "\r", "\n", "\r\n", "a;b=\\",
                "a; b=c d.e=\"\\", "a; b=c (\\", "a; b / ", "a; b/99999999999=c", "a 99999999999; none",
                "a; b=c d.e=@", "a; b=c d.e=\"x\"@", "(".repeat(10_000)};
        for (String value : hostile) {
            assertThat(AuthResultsParser.parse(value).isParsed()).as(value).isFalse();
        }
    }
}
