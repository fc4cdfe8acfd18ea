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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ARC side of an interop peer (dkimpy's {@code arc_verify}/{@code arc_sign}, Mail::DKIM::ARC): validates
 * chains and acts as a sealing hop, DNS answered from the same {@link Zone} as Inkan. The peer itself is probed
 * through {@link Peer}, which fails the test with the install command when it is missing.
 */
public final class ArcPeer {

    /** What the peer said about one message's chain: "pass", "fail", "none" (dkimpy also "terminated"). */
    public record Validation(String file, String result, String detail) {
        public boolean passed() {
            return "pass".equals(result);
        }
    }

    /** One hop for the peer: seal {@code message} as {@code domain}/{@code selector} with the PEM {@code key}. */
    public record SealRequest(Path message, String selector, String domain, Path key, String authservId, long timestamp) {
    }

    /** What the peer's hop did: the text to put on top of the message, and the chain status it validated. */
    public record Hop(String prefix, String cv, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCRIPTS = List.of("dkimpy_arc_verify.py", "dkimpy_arc_seal.py",
            "maildkim_arc_verify.pl", "maildkim_arc_seal.pl", "maildkim_zone.pl");
    private static Path scriptDir;

    private static ArcPeer dkimpy;
    private static ArcPeer mailDkim;

    private final Peer peer;
    private final String interpreter;
    private final String verifyScript;
    private final String sealScript;
    private final boolean ed25519;

    private ArcPeer(Peer peer, String interpreter, String verifyScript, String sealScript, boolean ed25519) {
        this.peer = peer;
        this.interpreter = interpreter;
        this.verifyScript = verifyScript;
        this.sealScript = sealScript;
        this.ed25519 = ed25519;
    }

    /**
     * dkimpy; whether its ARC takes ed25519-sha256 is probed: 1.1.4 validates ARC with rsa-sha256 only
     * ({@code dkim.crypto.ARC_HASH_ALGORITHMS}), although its DKIM has Ed25519.
     */
    public static synchronized ArcPeer dkimpy() {
        if (dkimpy == null) {
            Peer peer = Peer.dkimpy();
            String probe = PeerProcess.run(List.of("/usr/bin/python3", "-c",
                    "import dkim.crypto as c; print(b'ed25519-sha256' in c.ARC_HASH_ALGORITHMS)")).strip();
            dkimpy = new ArcPeer(peer, "/usr/bin/python3", "dkimpy_arc_verify.py", "dkimpy_arc_seal.py",
                    probe.equals("True"));
        }
        return dkimpy;
    }

    /** Mail::DKIM; its ARC has Ed25519 only where its DKIM does (not in 1.20230212). */
    public static synchronized ArcPeer mailDkim() {
        if (mailDkim == null) {
            Peer peer = Peer.mailDkim();
            mailDkim = new ArcPeer(peer, "/usr/bin/perl", "maildkim_arc_verify.pl", "maildkim_arc_seal.pl",
                    peer.supportsEd25519());
        }
        return mailDkim;
    }

    public Peer peer() {
        return peer;
    }

    /** Whether this peer can validate an ed25519-sha256 ARC-Seal or ARC-Message-Signature. */
    public boolean validatesEd25519() {
        return ed25519;
    }

    /** Validates each message's chain in one run of the peer. */
    public Map<Path, Validation> validate(Zone zone, List<Path> messages, Path workDir) {
        List<String> command = new ArrayList<>(List.of(interpreter, script(verifyScript), zone.writeJson(workDir)
                .toString()));
        messages.forEach(m -> command.add(m.toString()));
        Map<Path, Validation> out = new LinkedHashMap<>();
        List<JsonNode> lines = PeerProcess.runJsonLines(command);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            out.put(messages.get(i), new Validation(line.get("file").asText(), line.get("result").asText(),
                    line.path("detail").asText()));
        }
        if (out.size() != messages.size()) {
            throw new AssertionError(peer + " reported on " + out.size() + " of " + messages.size() + " messages");
        }
        return out;
    }

    /** Runs each hop in one run of the peer: validate the chain, add its Authentication-Results, seal. */
    public List<Hop> seal(Zone zone, List<SealRequest> requests, Path workDir) {
        Path file = workDir.resolve("arc-seal-requests-" + System.nanoTime() + ".json");
        List<Map<String, Object>> json = new ArrayList<>();
        for (SealRequest r : requests) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", r.message().toString());
            m.put("selector", r.selector());
            m.put("domain", r.domain());
            m.put("key", r.key().toString());
            m.put("srv_id", r.authservId());
            m.put("timestamp", r.timestamp());
            json.add(m);
        }
        try {
            JSON.writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Hop> hops = new ArrayList<>();
        for (JsonNode line : PeerProcess.runJsonLines(List.of(interpreter, script(sealScript),
                zone.writeJson(workDir).toString(), file.toString()))) {
            hops.add(new Hop(line.get("prefix").asText(), line.get("cv").asText(), line.path("detail").asText()));
        }
        if (hops.size() != requests.size()) {
            throw new AssertionError(peer + " sealed " + hops.size() + " of " + requests.size() + " messages");
        }
        return hops;
    }


    /**
     * The script's path. From this module's test classes it is the resource file; from a test-jar the ARC scripts
     * are copied together into one temporary folder, since the Perl ones load maildkim_zone.pl beside them.
     */
    private static synchronized String script(String fileName) {
        URL url = ArcPeer.class.getResource("/interop/" + fileName);
        if (url == null) {
            throw new AssertionError("test resource interop/" + fileName + " is missing");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI()).toString();
            }
            if (scriptDir == null) {
                Path dir = Files.createTempDirectory("inkan-arc-interop-");
                for (String name : SCRIPTS) {
                    try (InputStream in = ArcPeer.class.getResourceAsStream("/interop/" + name)) {
                        Files.copy(in, dir.resolve(name));
                    }
                    dir.resolve(name).toFile().deleteOnExit();
                }
                dir.toFile().deleteOnExit();
                scriptDir = dir;
            }
            return scriptDir.resolve(fileName).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return peer + " ARC";
    }
}
