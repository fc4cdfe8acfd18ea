package dev.inkan.authres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthResultsFormatterTest {

    private static final ResultInfo DKIM = ResultInfo.of("dkim", "pass",
            ResultProperty.header("d", "example.com"), ResultProperty.header("s", "sel"),
            ResultProperty.header("b", "AbC/+x=y"));

    @Test
    void dkimHeaderBWithTspecialsIsQuoted() {
        assertThat(AuthResultsFormatter.resultInfo(DKIM))
                .isEqualTo("dkim=pass header.d=example.com header.s=sel header.b=\"AbC/+x=y\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "example.net|example.net",
            "user@example.com|user@example.com",
            "@example.com|@example.com",
            "SRS0=HHH=TT=example.org=user@forwarder.example|SRS0=HHH=TT=example.org=user@forwarder.example",
            "192.0.2.1|192.0.2.1",
            "2001:db8::1|\"2001:db8::1\"",
            "two words|\"two words\"",
            "say \"hi\"\\now|\"say \\\"hi\\\"\\\\now\"",
            "user@localhost|\"user@localhost\"",
            "a@b@example.com|\"a@b@example.com\"",
            "''|\"\"",
    })
    void pvalueIsBareOnlyWhereTheGrammarAllows(String value, String written) {
        ResultInfo info = ResultInfo.of("x-test", "pass", ResultProperty.smtp("mailfrom", value));
        assertThat(AuthResultsFormatter.resultInfo(info)).isEqualTo("x-test=pass smtp.mailfrom=" + written);
        assertThat(AuthResultsParser.parseResultInfo(AuthResultsFormatter.resultInfo(info)).orElseThrow())
                .isEqualTo(info);
    }

    @Test
    void commentEscapesParenthesesAndBackslashes() {
        ResultInfo info = ResultInfo.of("spf", "fail").withComment("a (nested) \\ b) (");
        String text = AuthResultsFormatter.resultInfo(info);
        assertThat(text).isEqualTo("spf=fail (a \\(nested\\) \\\\ b\\) \\()");
        assertThat(AuthResultsParser.parseResultInfo(text).orElseThrow()).isEqualTo(info);
    }

    @Test
    void commentAndReasonNeverCarryLineBreaks() {
        ResultInfo info = ResultInfo.of("dkim", "fail").withComment("line one\r\nline two\n")
                .withReason("bad\r\n\tsignature");
        assertThat(AuthResultsFormatter.resultInfo(info))
                .isEqualTo("dkim=fail (line one line two) reason=\"bad signature\"");
    }

    @Test
    void reasonIsBareWhenAToken() {
        assertThat(AuthResultsFormatter.resultInfo(ResultInfo.of("spf", "fail").withReason("bad")))
                .isEqualTo("spf=fail reason=bad");
        assertThat(AuthResultsFormatter.resultInfo(ResultInfo.of("dkim", "fail").withReason("bad signature")))
                .isEqualTo("dkim=fail reason=\"bad signature\"");
    }

    @Test
    void versionIsWrittenOnlyWhenPresent() {
        ResultInfo spf = ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "example.net"));
        assertThat(AuthResultsFormatter.value(new AuthenticationResults("example.com", 1, List.of(spf))))
                .isEqualTo("example.com 1; spf=pass smtp.mailfrom=example.net");
        assertThat(AuthResultsFormatter.value(AuthenticationResults.of("example.org", List.of())))
                .isEqualTo("example.org; none");
        assertThatThrownBy(() -> AuthResultsFormatter.value(new AuthenticationResults("example.com", 2, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("§2.6");
    }

    @Test
    void authservIdThatIsNotATokenIsQuoted() {
        AuthenticationResults results = AuthenticationResults.of("mx@example.com", List.of());
        assertThat(AuthResultsFormatter.value(results)).isEqualTo("\"mx@example.com\"; none");
        assertThat(AuthResultsParser.parse(AuthResultsFormatter.value(results)).orElseThrow()).isEqualTo(results);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dk im", "dkim;", "dkim=", "dk.im", "-", "x-", "dkim\r\n", "dkïm"})
    void keywordsThatWouldBreakTheGrammarAreRefused(String bad) {
        assertThatThrownBy(() -> AuthResultsFormatter.resultInfo(ResultInfo.of(bad, "pass")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> AuthResultsFormatter.resultInfo(ResultInfo.of("dkim", bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result");
        assertThatThrownBy(() -> AuthResultsFormatter.resultInfo(
                ResultInfo.of("dkim", "pass", new ResultProperty(bad, "d", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ptype");
        assertThatThrownBy(() -> AuthResultsFormatter.resultInfo(
                ResultInfo.of("dkim", "pass", new ResultProperty("header", bad, "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("property");
    }

    @Test
    void pvalueWithALineBreakCannotInjectAHeaderLine() {
        ResultInfo info = ResultInfo.of("dkim", "pass", ResultProperty.header("d", "example.com\r\nX-Evil: 1"));
        assertThat(AuthResultsFormatter.resultInfo(info)).isEqualTo("dkim=pass header.d=\"example.com??X-Evil: 1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u009b", "\u0080", "\u2028", "\u2029", "\u0007", "\u007f"})
    void charactersNoHeaderMayCarryNeverReachTheField(String bad) {
        ResultInfo info = new ResultInfo("dkim", "fail", "key" + bad + "record" + bad, null,
                List.of(ResultProperty.header("i", "user" + bad + "@example.com"), ResultProperty.header("s", "s" + bad)));
        String header = AuthResultsFormatter.header(AuthenticationResults.of("mx.example.org", List.of(info)));
        assertThat(header).doesNotContain(bad).contains("(key record)").contains("header.i=\"user?@example.com\"")
                .contains("header.s=\"s?\"");
    }

    @Test
    void shortHeaderStaysOnOneLine() {
        AuthenticationResults results = AuthenticationResults.of("example.com",
                List.of(ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "example.net"))));
        assertThat(AuthResultsFormatter.header(results))
                .isEqualTo("Authentication-Results: example.com; spf=pass smtp.mailfrom=example.net\r\n");
    }

    @Test
    void longHeaderPutsEachResinfoOnItsOwnLine() {
        AuthenticationResults results = AuthenticationResults.of("mx.example.com", List.of(
                ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", "sender@example.net")),
                ResultInfo.of("dkim", "pass", ResultProperty.header("d", "example.net"),
                        ResultProperty.header("s", "sel"))));
        assertThat(AuthResultsFormatter.header(results)).isEqualTo("Authentication-Results: mx.example.com;\r\n"
                + "\tspf=pass smtp.mailfrom=sender@example.net;\r\n"
                + "\tdkim=pass header.d=example.net header.s=sel\r\n");
        assertFoldedWell(results);
    }

    @Test
    void longResinfoFoldsBetweenPropertiesAndCommentWords() {
        ResultInfo dkim = new ResultInfo("dkim", "fail",
                "signature verification failed because the body hash did not verify (bh= mismatch)",
                "body hash did not verify", List.of(ResultProperty.header("i", "@newsletters.example.com"),
                        ResultProperty.header("s", "selector-2024-with-a-long-name"),
                        ResultProperty.header("b", "AbCdEfGhIjKl/MnOpQrStUvWxYz+0123456789=")));
        AuthenticationResults results = AuthenticationResults.of("mx.example.com", List.of(dkim));
        String header = AuthResultsFormatter.header(results);
        assertThat(header).contains("\r\n\t  header.b=\"AbCdEfGhIjKl/MnOpQrStUvWxYz+0123456789=\"");
        assertFoldedWell(results);
    }

    @Test
    void twentyResultsFoldAndRoundTrip() {
        List<ResultInfo> infos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            infos.add(new ResultInfo("dkim", i % 3 == 0 ? "fail" : "pass", i % 2 == 0 ? "signer " + i : null,
                    i % 5 == 0 ? "reason number " + i : null, List.of(
                    ResultProperty.header("d", "d" + i + ".example.com"), ResultProperty.header("s", "s" + i),
                    ResultProperty.header("b", "Zm9v/YmFy+" + i + "=="))));
        }
        AuthenticationResults results = new AuthenticationResults("authserv.example.org", 1, infos);
        String header = AuthResultsFormatter.header(results);
        assertThat(header.split("\r\n", -1)).hasSizeGreaterThanOrEqualTo(21);
        assertFoldedWell(results);
    }

    @Test
    void unbreakableElementLongerThanALineGetsALineOfItsOwn() {
        String signature = "A".repeat(120);
        AuthenticationResults results = AuthenticationResults.of("example.com", List.of(ResultInfo.of("dkim",
                "pass", ResultProperty.header("d", "example.com"), ResultProperty.header("b", signature))));
        String header = AuthResultsFormatter.header(results);
        assertThat(header).contains("\r\n\t  header.b=" + signature + "\r\n");
        assertThat(AuthResultsParser.parse(valueOf(header)).orElseThrow()).isEqualTo(results);
    }

    /**
     * What the James mailets rely on to extend our field without parsing it again (AuthResultsField): the results a
     * field was formatted from, formatted again, give the same text as the results parsed back from that field,
     * for hostile and awkward values too (the formatter's normalisation is idempotent).
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain words", "  spaced\tout  \r\n folded ", "(paren) and \\ back\\slash", "x\u0085y\u2028z",
            "caf\u00e9 \u65e5\u672c", "\"quoted\" \\ \"", "a;b=c", "", "user@example.com", "two@at@example.com",
            "trailing-", "a-word-of-a-hundred-characters-that-cannot-be-folded-anywhere-so-it-gets-a-line-of-its-own-xxxxxxxxxx"})
    void resultsParsedFromOurFieldFormatAsTheResultsWeWrote(String awkward) {
        List<ResultInfo> infos = List.of(
                new ResultInfo("dkim", "fail", awkward.isBlank() ? null : awkward, awkward.isEmpty() ? null : awkward,
                        List.of(ResultProperty.header("d", "example.com"), ResultProperty.header("i", awkward),
                                ResultProperty.header("b", "AbC/+x=y"))),
                ResultInfo.of("spf", "pass", ResultProperty.smtp("mailfrom", awkward)),
                new ResultInfo("dmarc", "pass", "p=reject dis=none", null,
                        List.of(ResultProperty.header("from", "example.com"))));
        AuthenticationResults written = AuthenticationResults.of("mx.example.net", infos);
        String header = AuthResultsFormatter.header(written);
        AuthenticationResults parsed = AuthResultsParser.parse(valueOf(header)).orElseThrow();
        assertThat(AuthResultsFormatter.header(parsed)).isEqualTo(header);
    }

    /** CRLF endings, a final CRLF, lines within 78 characters, and unfolding parses back to the model. */
    @Test
    void the_same_results_formatted_again_give_the_same_text() {
        // the atoms of recently formatted results are reused (by identity): a folded field puts ';' after each
        // resinfo but the last, which must never stick to the shared atoms
        ResultInfo dkim = ResultInfo.of("dkim", "pass", new ResultProperty("header", "d", "a-rather-long-domain.example"),
                new ResultProperty("header", "s", "selector-2026"), new ResultProperty("header", "b", "abcdefgh"));
        ResultInfo spf = ResultInfo.of("spf", "pass", new ResultProperty("smtp", "mailfrom", "bounce@example.net"));
        AuthenticationResults both = AuthenticationResults.of("mx.example.net", List.of(dkim, spf));
        String field = AuthResultsFormatter.header(both);
        assertThat(field).contains("header.b=abcdefgh;\r\n");
        for (int i = 0; i < 3; i++) {
            assertThat(AuthResultsFormatter.header(both)).isEqualTo(field);
            assertThat(AuthResultsFormatter.resultInfo(dkim)).doesNotContain(";")
                    .isEqualTo(AuthResultsFormatter.resultInfo(ResultInfo.of("dkim", "pass",
                            dkim.properties().toArray(ResultProperty[]::new))));
            assertThat(AuthResultsFormatter.header(AuthenticationResults.of("mx.example.net", List.of(spf, dkim))))
                    .contains("smtp.mailfrom=bounce@example.net;\r\n").doesNotContain("abcdefgh;");
        }
    }

    private static void assertFoldedWell(AuthenticationResults results) {
        String header = AuthResultsFormatter.header(results);
        assertThat(header).startsWith("Authentication-Results: ").endsWith("\r\n");
        assertThat(header.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        List<String> lines = Arrays.asList(header.substring(0, header.length() - 2).split("\r\n", -1));
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(78));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("\t"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        assertThat(AuthResultsParser.parse(valueOf(header)).orElseThrow()).isEqualTo(results);
        assertThat(AuthResultsFormatter.value(AuthResultsParser.parse(valueOf(header)).orElseThrow()))
                .isEqualTo(AuthResultsFormatter.value(results));
    }

    private static String valueOf(String header) {
        String unfolded = AuthResultsHeaders.unfold(header);
        return unfolded.substring(unfolded.indexOf(':') + 1);
    }
}
