package dev.inkan.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.arc.ArcReason;
import dev.inkan.arc.ArcResult;
import dev.inkan.arc.ArcVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dkimpy ({@code dkim.arc_sign}) and Mail::DKIM::ARC::Signer seal, Inkan validates: each peer as the first hop
 * over every {@link MessageShape} with each RSA key (neither peer seals with Ed25519), and as the second hop over
 * a chain Inkan started; then a body byte changed after the peer sealed must fail in Inkan. Each peer hop
 * validates the incoming chain itself and records {@code arc=} in its Authentication-Results before sealing (see
 * the scripts).
 */
class PeersSealInkanValidatesArcTest {

    /** One message a peer sealed. */
    record Case(String peer, String key, MessageShape shape, boolean overInkan) {
        ArcPeer arcPeer() {
            return peer.equals("dkimpy") ? ArcPeer.dkimpy() : ArcPeer.mailDkim();
        }

        @Override
        public String toString() {
            return peer + " " + key + " " + shape + (overInkan ? " over an Inkan hop" : "");
        }
    }

    @TempDir
    static Path dir;
    private static final Zone ZONE = InteropKeys.zone();
    private static final Map<String, byte[]> SEALED = new LinkedHashMap<>();

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String peer : List.of("dkimpy", "Mail::DKIM")) {
            for (String key : InteropKeys.RSA_NAMES) {
                for (MessageShape shape : MessageShape.values()) {
                    cases.add(new Case(peer, key, shape, false));
                }
                cases.add(new Case(peer, key, MessageShape.PLAIN_ASCII, true));
                cases.add(new Case(peer, key, MessageShape.MULTIPART_MIME, true));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void peersSeal() {
        for (String peer : List.of("dkimpy", "Mail::DKIM")) {
            List<Case> mine = cases().filter(c -> c.peer().equals(peer)).toList();
            List<ArcPeer.SealRequest> requests = new ArrayList<>();
            List<byte[]> inputs = new ArrayList<>();
            for (Case c : mine) {
                byte[] input = c.overInkan() ? ArcInkan.seal(ZONE, "rsa2048", "hop1.inkan.example", c.shape().bytes())
                        : c.shape().bytes();
                inputs.add(input);
                requests.add(new ArcPeer.SealRequest(write("in-" + SEALED.size() + "-" + requests.size(), input),
                        c.key(), InteropKeys.DOMAIN, InteropKeys.writeForPeers(c.key(), dir), "mx.peer.example",
                        Inkan.NOW.instant().getEpochSecond()));
            }
            List<ArcPeer.Hop> hops = mine.get(0).arcPeer().seal(ZONE, requests, dir);
            for (int i = 0; i < mine.size(); i++) {
                SEALED.put(mine.get(i).toString(), ArcInkan.prepend(hops.get(i).prefix(), inputs.get(i)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inkan_validates(Case c) {
        byte[] sealed = SEALED.get(c.toString());
        ArcVerdict verdict = ArcInkan.validate(ZONE, sealed);
        assertThat(verdict.result()).as("Inkan on [%s]: %s\n%s", c, verdict.comment(), ArcInkan.text(sealed))
                .isEqualTo(ArcResult.PASS);
        assertThat(verdict.instances()).isEqualTo(c.overInkan() ? 2 : 1);
        assertThat(verdict.oldestPass()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inkan_fails_a_body_changed_after_the_peer_sealed(Case c) {
        ArcVerdict verdict = ArcInkan.validate(ZONE, Messages.tamperBody(SEALED.get(c.toString())));
        assertThat(verdict.result()).as("Inkan on tampered [%s]", c).isEqualTo(ArcResult.FAIL);
        assertThat(verdict.reason()).isEqualTo(ArcReason.BODY_HASH_MISMATCH);
    }

    private static Path write(String name, byte[] message) {
        try {
            return Files.write(dir.resolve(name + ".eml"), message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
