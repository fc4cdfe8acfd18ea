package dev.inkan.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One independent DKIM implementation driven through its scripts in {@code src/test/resources/interop}:
 * dkimpy (Debian python3-dkim, run by /usr/bin/python3) or Mail::DKIM (Debian libmail-dkim-perl). Each
 * call starts the peer once for a whole batch of messages. A peer that is not installed fails the test
 * with the command that installs it: CI must run these tests, never skip them.
 */
public final class Peer {

    static final String INSTALL_HINT = "the interop tests need the Debian peers:"
            + " apt-get install python3-dkim python3-nacl libmail-dkim-perl";

    /** The peer's verdict for one DKIM-Signature, topmost first. */
    public record Verdict(int index, String result, String detail) {
        public boolean passed() {
            return "pass".equals(result);
        }
    }

    /** One TXT query the peer made, and whether the zone had the name. */
    public record DnsQuery(String name, boolean found) {
    }

    /** What the peer said about one message file; error is set only when it could not read the message. */
    public record Report(String file, List<Verdict> signatures, List<DnsQuery> dns, String error) {
        public Verdict signature(int index) {
            if (index >= signatures.size()) {
                throw new AssertionError("the peer saw " + signatures.size() + " signature(s) in " + file
                        + ", expected at least " + (index + 1) + (error != null ? "; peer error: " + error : ""));
            }
            return signatures.get(index);
        }
    }

    /** One signature for the peer to make; key is a PEM (RSA) or base64 seed (Ed25519) file. */
    public record SignRequest(Path message, String selector, String domain, Path key, String algorithm,
            String canonicalization, String identity, boolean length, String linesep) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Peer dkimpy;
    private static Peer mailDkim;

    private final String name;
    private final String interpreter;
    private final String verifyScript;
    private final String signScript;
    private final String version;
    private final boolean ed25519;

    private Peer(String name, String interpreter, String verifyScript, String signScript, String version,
            boolean ed25519) {
        this.name = name;
        this.interpreter = interpreter;
        this.verifyScript = verifyScript;
        this.signScript = signScript;
        this.version = version;
        this.ed25519 = ed25519;
    }

    /** dkimpy with python3-nacl (Ed25519), as /usr/bin/python3 imports them. */
    public static synchronized Peer dkimpy() {
        if (dkimpy == null) {
            String version = probe("dkimpy (python3-dkim with python3-nacl)", List.of("/usr/bin/python3", "-c",
                    "import dkim, nacl.signing, importlib.metadata as m; print(m.version('dkimpy'))"));
            dkimpy = new Peer("dkimpy " + version, "/usr/bin/python3", "dkimpy_verify.py", "dkimpy_sign.py",
                    version, true);
        }
        return dkimpy;
    }

    /** Mail::DKIM as /usr/bin/perl loads it; Ed25519 only where the installed version has it. */
    public static synchronized Peer mailDkim() {
        if (mailDkim == null) {
            String[] probe = probe("Mail::DKIM (libmail-dkim-perl)", List.of("/usr/bin/perl", "-MMail::DKIM",
                    "-MMail::DKIM::Verifier", "-MMail::DKIM::Signer", "-MJSON::PP", "-e",
                    "print $Mail::DKIM::VERSION, ' ',"
                            + " (eval { require Mail::DKIM::Algorithm::ed25519_sha256; 1 } ? 1 : 0)"))
                    .split(" ");
            mailDkim = new Peer("Mail::DKIM " + probe[0], "/usr/bin/perl", "maildkim_verify.pl",
                    "maildkim_sign.pl", probe[0], probe[1].equals("1"));
        }
        return mailDkim;
    }

    public String name() {
        return name;
    }

    String version() {
        return version;
    }

    public boolean supportsEd25519() {
        return ed25519;
    }

    /**
     * Verifies every signature of each message, DNS answered from {@code zone} only. A query for a name the
     * zone does not have fails the test: the peers must not reach for real DNS.
     */
    public Map<Path, Report> verify(Zone zone, List<Path> messages, Path workDir) {
        List<String> command = new ArrayList<>(List.of(interpreter, script(verifyScript),
                zone.writeJson(workDir).toString()));
        messages.forEach(m -> command.add(m.toString()));
        Map<Path, Report> reports = new LinkedHashMap<>();
        for (JsonNode line : PeerProcess.runJsonLines(command)) {
            Report report = JSON.convertValue(line, Report.class);
            List<DnsQuery> unknown = report.dns().stream().filter(q -> !q.found()).toList();
            if (!unknown.isEmpty()) {
                throw new AssertionError(name + " asked DNS for names not in the test's zone data " + unknown
                        + " while verifying " + report.file());
            }
            reports.put(Path.of(report.file()), report);
        }
        for (Path message : messages) {
            if (!reports.containsKey(message)) {
                throw new AssertionError(name + " printed no result for " + message);
            }
        }
        return reports;
    }

    /** Signs each request's message; returns the DKIM-Signature fields in request order, as the peer wrote them. */
    public List<String> sign(List<SignRequest> requests, Path workDir) {
        return runSigner(signScript, requests.stream().map(Peer::requestJson).toList(), workDir);
    }

    /** One DomainKeys signature (RFC 4870) to ask Mail::DKIM for; {@code headers} null signs every field. */
    public record DomainKeysSignRequest(Path message, String selector, String domain, Path key,
            String canonicalization, String headers) {
    }

    /**
     * Signs each request's message with the peer's DomainKeys signer (Mail::DKIM only: dkimpy has none); returns
     * the DomainKey-Signature fields in request order.
     */
    public List<String> signDomainKeys(List<DomainKeysSignRequest> requests, Path workDir) {
        if (this != mailDkim) {
            throw new AssertionError(name + " has no DomainKeys signer");
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (DomainKeysSignRequest r : requests) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("message", r.message().toString());
            one.put("selector", r.selector());
            one.put("domain", r.domain());
            one.put("key", r.key().toString());
            one.put("canonicalization", r.canonicalization());
            one.put("headers", r.headers());
            json.add(one);
        }
        return runSigner("maildkim_dk_sign.pl", json, workDir);
    }

    private List<String> runSigner(String scriptName, List<Map<String, Object>> requests, Path workDir) {
        Path file = workDir.resolve("sign-requests-" + System.nanoTime() + ".json");
        try {
            JSON.writeValue(file.toFile(), requests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> signatures = new ArrayList<>();
        for (JsonNode line : PeerProcess.runJsonLines(List.of(interpreter, script(scriptName), file.toString()))) {
            signatures.add(line.get("signature").asText());
        }
        if (signatures.size() != requests.size()) {
            throw new AssertionError(name + " made " + signatures.size() + " signatures for " + requests.size()
                    + " requests");
        }
        return signatures;
    }

    private static Map<String, Object> requestJson(SignRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", r.message().toString());
        json.put("selector", r.selector());
        json.put("domain", r.domain());
        json.put("key", r.key().toString());
        json.put("algorithm", r.algorithm());
        json.put("canonicalization", r.canonicalization());
        json.put("identity", r.identity());
        json.put("length", r.length());
        json.put("linesep", r.linesep());
        return json;
    }


    private static final Map<String, String> PROBE_FAILURES = new HashMap<>();

    /** Runs the peer's version probe once; a failure is remembered so every test fails fast with it. */
    private static String probe(String what, List<String> command) {
        if (PROBE_FAILURES.containsKey(what)) {
            throw new AssertionError(PROBE_FAILURES.get(what));
        }
        try {
            return runProbe(what, command);
        } catch (AssertionError e) {
            PROBE_FAILURES.put(what, e.getMessage());
            throw e;
        }
    }

    private static String runProbe(String what, List<String> command) {
        PeerProcess.Output output;
        try {
            output = PeerProcess.runAllowingFailure(command);
        } catch (AssertionError e) {
            throw new AssertionError(what + " cannot be run: " + e.getMessage() + "\n" + INSTALL_HINT, e);
        }
        if (output.exitCode() != 0) {
            throw new AssertionError(what + " is not installed: " + output.stderr().strip() + "\n" + INSTALL_HINT);
        }
        return output.stdout().strip();
    }

    private static final Map<String, String> EXTRACTED = new HashMap<>();

    /**
     * The script's path. Other modules' tests get it from this module's test-jar, where it is not a file:
     * it is then copied once to a temporary file.
     */
    public static synchronized String script(String fileName) {
        URL url = Peer.class.getResource("/interop/" + fileName);
        if (url == null) {
            throw new AssertionError("test resource interop/" + fileName + " is missing");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI()).toString();
            }
            if (!EXTRACTED.containsKey(fileName)) {
                Path copy = Files.createTempFile("inkan-interop-", "-" + fileName);
                copy.toFile().deleteOnExit();
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                EXTRACTED.put(fileName, copy.toString());
            }
            return EXTRACTED.get(fileName);
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
