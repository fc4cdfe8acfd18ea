package dev.inkan.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inkan seals, dkimpy ({@code dkim.arc_verify}) and Mail::DKIM::ARC::Verifier validate: every key (RSA
 * 1024/2048/4096, Ed25519) × every {@link MessageShape}, one hop and two Inkan hops; then a body byte changed
 * after sealing must make both fail. Neither peer's ARC has Ed25519 (dkimpy 1.1.4 validates ARC with rsa-sha256
 * only, Mail::DKIM 1.20230212 has no Ed25519 at all): those cases are validated by Inkan, print why the peer
 * cannot check them and are reported as skipped for it, after checking that it refused for that reason only.
 */
class InkanSealsPeersValidateArcTest {

    /** One sealed message. */
    record Case(String key, MessageShape shape, int hops, boolean tampered) {
        boolean ed25519() {
            return key.equals("ed25519");
        }

        byte[] message(Zone zone) {
            byte[] m = shape.bytes();
            for (int hop = 1; hop <= hops; hop++) {
                m = ArcInkan.seal(zone, key, "hop" + hop + ".inkan.example", m);
            }
            return tampered ? Messages.tamperBody(m) : m;
        }

        @Override
        public String toString() {
            return key + " " + shape + " " + hops + " hop" + (hops > 1 ? "s" : "") + (tampered ? " tampered" : "");
        }
    }

    @TempDir
    static Path dir;
    private static final Zone ZONE = InteropKeys.zone();
    private static final Map<String, Path> FILES = new LinkedHashMap<>();
    private static final Map<String, Map<Path, ArcPeer.Validation>> REPORTS = new LinkedHashMap<>();

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String key : InteropKeys.NAMES) {
            for (MessageShape shape : MessageShape.values()) {
                cases.add(new Case(key, shape, 1, false));
            }
            cases.add(new Case(key, MessageShape.PLAIN_ASCII, 2, false));
            cases.add(new Case(key, MessageShape.MULTIPART_MIME, 2, false));
        }
        return cases.stream();
    }

    static Stream<Case> tampered() {
        return InteropKeys.NAMES.stream().flatMap(key -> Stream.of(new Case(key, MessageShape.PLAIN_ASCII, 1, true),
                new Case(key, MessageShape.MULTIPART_MIME, 2, true)));
    }

    @BeforeAll
    static void sealEverything() throws IOException {
        for (Case c : Stream.concat(cases(), tampered()).toList()) {
            Path file = dir.resolve("arc-" + FILES.size() + ".eml");
            Files.write(file, c.message(ZONE));
            FILES.put(c.toString(), file);
        }
    }

    private static synchronized ArcPeer.Validation report(ArcPeer peer, Case c) {
        Map<Path, ArcPeer.Validation> reports = REPORTS.computeIfAbsent(peer.toString(),
                p -> peer.validate(ZONE, new ArrayList<>(FILES.values()), dir));
        return reports.get(FILES.get(c.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dkimpy_validates(Case c) {
        assertThat(ArcInkan.validate(ZONE, read(c)).passed()).as("Inkan on [%s]", c).isTrue();
        ArcPeer peer = ArcPeer.dkimpy();
        ArcPeer.Validation v = report(peer, c);
        if (c.ed25519() && !peer.validatesEd25519()) {
            skipEd25519(peer, c, v);
        }
        assertThat(v.result()).as("dkimpy on [%s]: %s", c, v.detail()).isEqualTo("pass");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mail_dkim_validates(Case c) {
        ArcPeer peer = ArcPeer.mailDkim();
        ArcPeer.Validation v = report(peer, c);
        if (c.ed25519() && !peer.validatesEd25519()) {
            skipEd25519(peer, c, v);
        }
        assertThat(v.result()).as("Mail::DKIM on [%s]: %s", c, v.detail()).isEqualTo("pass");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampered")
    void both_fail_a_body_changed_after_sealing(Case c) {
        assertThat(ArcInkan.validate(ZONE, read(c)).passed()).as("Inkan on [%s]", c).isFalse();
        ArcPeer dkimpy = ArcPeer.dkimpy();
        ArcPeer.Validation d = report(dkimpy, c);
        if (c.ed25519() && !dkimpy.validatesEd25519()) {
            skipEd25519(dkimpy, c, d);
        }
        assertThat(d.result()).as("dkimpy on [%s]: %s", c, d.detail()).isEqualTo("fail");
        System.out.println("REJECTED [" + c + "] by dkimpy: " + d.detail());
        ArcPeer mailDkim = ArcPeer.mailDkim();
        ArcPeer.Validation v = report(mailDkim, c);
        if (c.ed25519() && !mailDkim.validatesEd25519()) {
            skipEd25519(mailDkim, c, v);
        }
        assertThat(v.result()).as("Mail::DKIM on [%s]: %s", c, v.detail()).isEqualTo("fail");
        System.out.println("REJECTED [" + c + "] by Mail::DKIM: " + v.detail());
    }

    /** Prints why, checks that the only complaint is the algorithm, and reports the case as skipped. */
    static void skipEd25519(ArcPeer peer, Object label, ArcPeer.Validation v) {
        String message = "SKIPPED " + label + ": " + peer.peer() + " " + peer.peer().version()
                + " has no ed25519-sha256 for ARC";
        System.out.println(message);
        assertThat(v.result()).as("%s on the ed25519 chain [%s]", peer.peer(), label).isNotEqualTo("pass");
        assertThat(v.detail()).as("%s on the ed25519 chain [%s]", peer.peer(), label).contains("ed25519");
        Assumptions.abort(message);
    }

    private static byte[] read(Case c) {
        try {
            return Files.readAllBytes(FILES.get(c.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
