package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import dev.inkan.conformance.ConformanceSuite;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
 * Test support: the OpenSPF YAML suites ({@code ../shared/conformance/spf/*.yml}): each YAML document is a
 * scenario with {@code tests} and {@code zonedata}.
 */
public final class SpfSuite {

    /**
     * One test case.
     *
     * @param suite the file name
     * @param scenario the scenario's description
     * @param name the test's name (unique within a file)
     * @param spec the RFC section(s) it tests
     * @param host the client IP as written
     * @param helo the HELO name
     * @param mailFrom the MAIL FROM ("" for the null reverse-path)
     * @param results the acceptable results, the preferred first
     * @param explanation the expected explanation of a fail, or null
     * @param zone the scenario's DNS data
     */
    public record Case(String suite, String scenario, String name, String spec, String host, String helo, String mailFrom,
            List<SpfResult> results, String explanation, SpfTestZone zone) {

        public InetAddress clientIp() {
            return IpLiteral.parse(host).orElseThrow(() -> new AssertionError(name + ": bad host " + host));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private SpfSuite() {
    }

    /** Every case of {@code spf/<file>} in the conformance folder (fails loudly when it is absent). */
    public static List<Case> load(String file) {
        Path path = ConformanceSuite.resolve("spf/" + file);
        List<Case> cases = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document instanceof Map<?, ?> scenario) {
                    scenario(file, scenario, cases);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static void scenario(String file, Map<?, ?> scenario, List<Case> cases) {
        SpfTestZone zone = new SpfTestZone();
        Map<?, ?> zonedata = (Map<?, ?>) scenario.get("zonedata");
        if (zonedata != null) {
            zonedata.forEach((name, entries) -> {
                for (Object entry : (List<?>) entries) {
                    if ("TIMEOUT".equals(entry)) {
                        zone.timeout(String.valueOf(name));
                        continue;
                    }
                    ((Map<?, ?>) entry).forEach((type, value) -> zone.add(String.valueOf(name), String.valueOf(type),
                            value(String.valueOf(type), value)));
                }
            });
        }
        String description = String.valueOf(scenario.get("description"));
        ((Map<?, ?>) scenario.get("tests")).forEach((name, test) -> {
            Map<?, ?> t = (Map<?, ?>) test;
            Object result = t.get("result");
            List<SpfResult> results = new ArrayList<>();
            for (Object each : result instanceof List<?> list ? list : List.of(result)) {
                results.add(SpfResult.fromKeyword(String.valueOf(each)));
            }
            cases.add(new Case(file, description, String.valueOf(name), String.valueOf(t.get("spec")),
                    String.valueOf(t.get("host")), text(t.get("helo")), text(t.get("mailfrom")), results,
                    t.get("explanation") == null ? null : String.valueOf(t.get("explanation")), zone));
        });
    }

    /** A zonedata value: TXT/SPF become character-strings of octets; "NONE", "TIMEOUT" and MX stay as they are. */
    private static Object value(String type, Object value) {
        if ("NONE".equals(value) || "TIMEOUT".equals(value)) {
            return value;
        }
        if (type.equals("TXT") || type.equals("SPF")) {
            if (value instanceof List<?> list) {
                List<byte[]> strings = new ArrayList<>();
                for (Object each : list) {
                    strings.addAll(SpfTestZone.strings(String.valueOf(each)));
                }
                return strings;
            }
            return SpfTestZone.strings(String.valueOf(value));
        }
        return type.equals("MX") ? value : String.valueOf(value);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
