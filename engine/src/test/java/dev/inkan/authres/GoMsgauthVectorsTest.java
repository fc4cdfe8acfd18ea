package dev.inkan.authres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.conformance.ConformanceSuite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-msgauth's Authentication-Results vectors ({@code authres/go-msgauth-authres-tests.json}): every
 * {@code parse_and_format} vector parses to the expected model and formats to the exact string; every
 * {@code parse_only} vector parses to the expected model. Where Inkan deliberately differs, the vector is listed
 * in {@link #KNOWN_DIFFERENCES} with the RFC 8601 section behind the decision, and the different outcome is
 * asserted, never skipped.
 */
class GoMsgauthVectorsTest {

    /** A vector where Inkan's outcome deliberately differs from go-msgauth's, and why. */
    record KnownDifference(String rfcSection, String reason) {
    }

    static final String TRAILING_SPACE = "example.com; dkim=none ";
    static final String EMPTY_VALUE = "";
    static final String COMMENT_KEPT = "example.com; auth=pass (cram-md5) smtp.auth=sender@example.com;";

    static final Map<String, KnownDifference> KNOWN_DIFFERENCES = Map.of(
            TRAILING_SPACE, new KnownDifference("RFC 8601 §2.2 (trailing [CFWS] is optional)",
                    "go-msgauth writes a trailing space after a resinfo without properties; Inkan never writes"
                            + " trailing whitespace, so the formatted value is compared after stripping it"),
            EMPTY_VALUE, new KnownDifference("RFC 8601 §2.2 (authres-payload requires an authserv-id and"
                    + " 'none' or a resinfo)",
                    "go-msgauth returns authserv-id \"\" for an empty value; Inkan reports it malformed"),
            COMMENT_KEPT, new KnownDifference("RFC 8601 §2.2 CFWS, Appendix B.4",
                    "go-msgauth drops comments; Inkan keeps the comment after the result as ResultInfo.comment,"
                            + " so the expected model gets comment \"cram-md5\""));

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> parseAndFormat() throws IOException {
        return vectors("parse_and_format");
    }

    static Stream<Arguments> parseOnly() throws IOException {
        return vectors("parse_only");
    }

    @ParameterizedTest(name = "parse_and_format [{0}]")
    @MethodSource("parseAndFormat")
    void parsesToTheModelAndFormatsToTheExactString(String value, AuthenticationResults expected) {
        assertSameAsVector(AuthResultsParser.parse(value).orElseThrow(), expected);

        String formatted = AuthResultsFormatter.value(expected);
        KnownDifference difference = KNOWN_DIFFERENCES.get(value);
        if (difference != null) {
            report(value, difference);
            assertThat(formatted).isEqualTo(value.stripTrailing()).isNotEqualTo(value);
        } else {
            assertThat(formatted).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "parse_only [{0}]")
    @MethodSource("parseOnly")
    void parsesToTheModel(String value, AuthenticationResults expected) {
        AuthResultsParse<AuthenticationResults> parse = AuthResultsParser.parse(value);
        KnownDifference difference = KNOWN_DIFFERENCES.get(value);
        if (difference == null) {
            assertSameAsVector(parse.orElseThrow(), expected);
            return;
        }
        report(value, difference);
        if (value.equals(EMPTY_VALUE)) {
            assertThat(parse).isInstanceOf(AuthResultsParse.Malformed.class);
            assertThat(parse.error()).hasValueSatisfying(error -> assertThat(error).contains("authserv-id"));
        } else if (value.equals(COMMENT_KEPT)) {
            ResultInfo auth = expected.results().get(0).withComment("cram-md5");
            assertSameAsVector(parse.orElseThrow(), AuthenticationResults.of(expected.authservId(), List.of(auth)));
        } else {
            throw new AssertionError("known difference without an assertion: " + value);
        }
    }

    /**
     * The vectors hold what go-msgauth models: the authserv-id and the results. go-msgauth has no version field
     * ("example.com 1; none" is expected as just authserv-id and no results), so the version is not compared
     * here; {@code AuthResultsParserTest} asserts it.
     */
    private static void assertSameAsVector(AuthenticationResults parsed, AuthenticationResults expected) {
        assertThat(parsed.authservId()).isEqualTo(expected.authservId());
        assertThat(parsed.results()).isEqualTo(expected.results());
    }

    private static void report(String value, KnownDifference difference) {
        System.out.println("KNOWN DIFFERENCE from go-msgauth for \"" + value.replace("\r\n", "\\r\\n") + "\": "
                + difference.reason() + " [" + difference.rfcSection() + "]");
    }

    private static Stream<Arguments> vectors(String group) throws IOException {
        JsonNode root = JSON.readTree(
                ConformanceSuite.resolve("authres/go-msgauth-authres-tests.json").toFile());
        List<Arguments> arguments = new ArrayList<>();
        for (JsonNode vector : root.get(group)) {
            List<ResultInfo> results = new ArrayList<>();
            for (JsonNode result : vector.get("results")) {
                results.add(resultInfo(result));
            }
            arguments.add(Arguments.of(vector.get("value").asText(),
                    AuthenticationResults.of(vector.get("authserv_id").asText(), results)));
        }
        assertThat(arguments).as(group).isNotEmpty();
        return arguments.stream();
    }

    /**
     * go-msgauth's struct fields as resinfo parts, in document order (the JSON's {@code _source}): Value is the
     * result, Reason the reason, and the rest are properties.
     */
    private static ResultInfo resultInfo(JsonNode node) {
        String method = node.get("method").asText();
        String result = null;
        String reason = null;
        List<ResultProperty> properties = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String text = field.getValue().asText();
            switch (field.getKey()) {
                case "method", "HeaderValue" -> { }
                case "Value" -> result = text;
                case "Reason" -> reason = text;
                case "From" -> properties.add(ResultProperty.smtp("mailfrom", text));
                case "Auth" -> properties.add(ResultProperty.smtp("auth", text));
                case "Identifier" -> properties.add(ResultProperty.header("i", text));
                case "Domain" -> properties.add(ResultProperty.header("d", text));
                case "IP" -> properties.add(ResultProperty.policy("iprev", text));
                case "HeaderKey" -> properties.add(ResultProperty.header(text, node.get("HeaderValue").asText()));
                default -> throw new AssertionError("unmapped go-msgauth field " + field.getKey());
            }
        }
        return new ResultInfo(method, result, null, reason, properties);
    }
}
