package dev.inkan.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.arc.ArcResult;
import dev.inkan.arc.ArcVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three hops, them → us → them: a peer starts the chain, Inkan validates and seals (as is, or after tagging the
 * Subject as a mailing list does, with the verdict from arrival), the other peer validates and seals; the result
 * validates in dkimpy, Mail::DKIM and Inkan. Every hop uses RSA (neither peer seals with Ed25519).
 */
class ArcThreeHopInteropTest {

    /** The first and last hop, and whether Inkan's hop changes the message. */
    record Route(String first, String last, boolean listTag) {
        @Override
        public String toString() {
            return first + " → Inkan" + (listTag ? " (Subject tagged)" : "") + " → " + last;
        }
    }

    @TempDir
    Path dir;
    private static final Zone ZONE = InteropKeys.zone();

    static Stream<Route> routes() {
        return Stream.of(new Route("dkimpy", "Mail::DKIM", false), new Route("Mail::DKIM", "dkimpy", false),
                new Route("dkimpy", "Mail::DKIM", true), new Route("Mail::DKIM", "dkimpy", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void the_chain_validates_everywhere(Route route) {
        byte[] hop1 = peerHop(peer(route.first()), "rsa2048", "mx.first.example", MessageShape.MULTIPART_MIME.bytes());
        UnaryOperator<byte[]> change = route.listTag()
                ? m -> Messages.replaceInHeader(m, "Subject: ", "Subject: [list] ") : m -> m;
        byte[] hop2 = ArcInkan.sealAfterChange(ZONE, "rsa2048", "list.inkan.example", hop1, change);
        byte[] hop3 = peerHop(peer(route.last()), "rsa4096", "mx.last.example", hop2);

        ArcVerdict inkan = ArcInkan.validate(ZONE, hop3);
        assertThat(inkan.result()).as("Inkan on [%s]: %s\n%s", route, inkan.comment(), ArcInkan.text(hop3))
                .isEqualTo(ArcResult.PASS);
        assertThat(inkan.instances()).isEqualTo(3);
        assertThat(inkan.oldestPass()).as("AMS(1) signs the Subject").isEqualTo(route.listTag() ? 2 : 0);
        Path file = write("hop3", hop3);
        for (ArcPeer peer : List.of(ArcPeer.dkimpy(), ArcPeer.mailDkim())) {
            ArcPeer.Validation v = peer.validate(ZONE, List.of(file), dir).get(file);
            assertThat(v.result()).as("%s on [%s]: %s", peer, route, v.detail()).isEqualTo("pass");
        }
        assertThat(ArcInkan.text(hop3)).contains("ARC-Seal: i=2; a=rsa-sha256; cv=pass;");
    }

    private byte[] peerHop(ArcPeer peer, String key, String authservId, byte[] message) {
        Path in = write("in-" + System.nanoTime(), message);
        ArcPeer.Hop hop = peer.seal(ZONE, List.of(new ArcPeer.SealRequest(in, key, InteropKeys.DOMAIN,
                InteropKeys.writeForPeers(key, dir), authservId, Inkan.NOW.instant().getEpochSecond())), dir).get(0);
        assertThat(hop.prefix()).as("%s sealed (validated the chain as %s: %s)", peer, hop.cv(), hop.detail())
                .contains("ARC-Seal:");
        assertThat(hop.cv()).as("%s's validation of the incoming chain: %s", peer, hop.detail()).isIn("none", "pass");
        return ArcInkan.prepend(hop.prefix(), message);
    }

    private static ArcPeer peer(String name) {
        return name.equals("dkimpy") ? ArcPeer.dkimpy() : ArcPeer.mailDkim();
    }

    private Path write(String name, byte[] message) {
        try {
            return Files.write(dir.resolve(name + ".eml"), message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
