package dev.inkan.arc;

import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.dns.ScriptedResolver;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Test support: the ValiMail ARC test suite ({@code ../shared/conformance/arc}, draft-ietf-dmarc-arc-protocol-18).
 * Each YAML document is a scenario with {@code tests} and {@code txt-records}. Messages are written with LF and
 * come back with CRLF; a test name used twice in a scenario keeps its last definition, as any YAML loader does
 * (SnakeYAML's default), which is how the suite's runners read it.
 */
final class ArcSuite {

    static final String VALIDATION = "arc/arc-draft-validation-tests.yml";
    static final String SIGNING = "arc/arc-draft-sign-tests.yml";

    /**
     * A validation case.
     *
     * @param expected the expected chain status; the 3 blank {@code cv} values are FAIL (RFC 8617 §5.2)
     * @param blankCv true when the suite left {@code cv} blank
     */
    record Validation(String scenario, String name, String description, String message, ArcResult expected,
            boolean blankCv, Map<String, String> txt) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A signing case; {@code as}, {@code ams} and {@code aar} are the expected field values, blank when the suite
     * expects no new set.
     */
    record Signing(String scenario, String name, String description, String message, long t, List<String> headers,
            String authservId, String as, String ams, String aar, String domain, String selector, String privateKey,
            Map<String, String> txt) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ArcSuite() {
    }

    static List<Validation> validation() {
        List<Validation> cases = new ArrayList<>();
        for (Map<?, ?> scenario : scenarios(VALIDATION)) {
            Map<String, String> txt = txt(scenario);
            String description = String.valueOf(scenario.get("description"));
            ((Map<?, ?>) scenario.get("tests")).forEach((name, value) -> {
                Map<?, ?> test = (Map<?, ?>) value;
                String cv = test.get("cv") == null ? "" : String.valueOf(test.get("cv")).strip();
                ArcResult expected = cv.isEmpty() ? ArcResult.FAIL : ArcResult.valueOf(cv.toUpperCase(java.util.Locale.ROOT));
                cases.add(new Validation(description, String.valueOf(name), String.valueOf(test.get("description")),
                        crlf(test.get("message")), expected, cv.isEmpty(), txt));
            });
        }
        return cases;
    }

    static List<Signing> signing() {
        List<Signing> cases = new ArrayList<>();
        for (Map<?, ?> scenario : scenarios(SIGNING)) {
            Map<String, String> txt = txt(scenario);
            String description = String.valueOf(scenario.get("description"));
            ((Map<?, ?>) scenario.get("tests")).forEach((name, value) -> {
                Map<?, ?> test = (Map<?, ?>) value;
                cases.add(new Signing(description, String.valueOf(name), String.valueOf(test.get("description")),
                        crlf(test.get("message")), ((Number) test.get("t")).longValue(),
                        List.of(String.valueOf(test.get("sig-headers")).split(":")), String.valueOf(test.get("srv-id")),
                        text(test.get("AS")), text(test.get("AMS")), text(test.get("AAR")),
                        String.valueOf(scenario.get("domain")), String.valueOf(scenario.get("sel")),
                        String.valueOf(scenario.get("privatekey")), txt));
            });
        }
        return cases;
    }

    /** The scenario's key records, answered by a resolver that knows nothing else. */
    static ScriptedResolver resolver(Map<String, String> txt) {
        ScriptedResolver dns = ScriptedResolver.empty();
        txt.forEach(dns::txt);
        return dns;
    }

    private static List<Map<?, ?>> scenarios(String file) {
        Path path = ConformanceSuite.resolve(file);
        List<Map<?, ?>> scenarios = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document instanceof Map<?, ?> scenario) {
                    scenarios.add(scenario);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenarios;
    }

    /** txt-records, each record's lines joined (a base64 p= split over lines is one value). */
    private static Map<String, String> txt(Map<?, ?> scenario) {
        Map<String, String> txt = new java.util.LinkedHashMap<>();
        Map<?, ?> records = (Map<?, ?>) scenario.get("txt-records");
        records.forEach((name, record) -> txt.put(String.valueOf(name), String.valueOf(record).strip().replace("\n", "")));
        return txt;
    }

    private static String crlf(Object message) {
        return String.valueOf(message).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
