package dev.inkan.spf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support: pyspf (Debian python3-spf) as an interop peer. One {@code /usr/bin/python3} process evaluates
 * a whole batch (JSON in, JSON out) through {@code src/test/resources/spf/pyspf_batch.py}, which serves each
 * case's {@link SpfTestZone} through pyspf's DNS test hook. A missing pyspf fails the test with the command
 * that installs it: CI must run this, never skip it.
 */
final class Pyspf {

    static final String INTERPRETER = "/usr/bin/python3";
    static final String INSTALL_HINT = "pyspf is needed for the SPF interop test: apt-get install python3-spf"
            + " (run with " + INTERPRETER + ", which must import spf)";

    /** One check for pyspf. */
    record Check(String id, SpfTestZone zone, String ip, String helo, String mailFrom, String receiver) {
    }

    /** What pyspf said; {@code error} is set when pyspf raised instead of answering. */
    record Answer(String id, String result, String explanation, String mechanism, String error) {
    }

    private Pyspf() {
    }

    /** pyspf's version, or an AssertionError with the install hint. */
    static String version() {
        if (!Files.isExecutable(Paths.get(INTERPRETER))) {
            throw new AssertionError(INSTALL_HINT + ": " + INTERPRETER + " is missing");
        }
        try {
            Process probe = new ProcessBuilder(INTERPRETER, "-c", "import spf; print(spf.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes()).strip();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new AssertionError(INSTALL_HINT + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(INSTALL_HINT + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs every check in one pyspf process; answers by id. */
    static Map<String, Answer> run(List<Check> checks, Path workDir) {
        version();
        SpfTestZone.Batch zones = new SpfTestZone.Batch();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Check check : checks) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", check.id());
            json.put("zone", zones.id(check.zone()));
            json.put("ip", check.ip());
            json.put("helo", check.helo());
            json.put("mailfrom", check.mailFrom());
            json.put("receiver", check.receiver());
            cases.add(json);
        }
        ObjectMapper mapper = new ObjectMapper();
        try {
            Path stderr = workDir.resolve("pyspf-stderr.txt");
            Process process = new ProcessBuilder(INTERPRETER, script().toString())
                    .redirectError(stderr.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                mapper.writeValue(in, Map.of("zones", zones.json(), "cases", cases));
            }
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("pyspf batch failed: " + Files.readString(stderr));
            }
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (JsonNode result : mapper.readTree(out).get("results")) {
                Answer answer = new Answer(result.get("id").asText(), text(result, "result"),
                        text(result, "explanation"), text(result, "mechanism"), text(result, "error"));
                answers.put(answer.id(), answer);
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Path script() {
        try {
            return Paths.get(Pyspf.class.getResource("/spf/pyspf_batch.py").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource spf/pyspf_batch.py is missing", e);
        }
    }
}
