package dev.inkan.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.message.Canonicalization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness itself: both peers are installed and really take their DNS from the test's zone data. A
 * signature whose key name is missing from the zone makes the peer ask for a name the zone lacks, which
 * must fail the test (and so could never be answered by real DNS unnoticed).
 */
class PeerHarnessTest {

    @TempDir
    Path dir;

    static Stream<String> peers() {
        return Stream.of("dkimpy", "Mail::DKIM");
    }

    private static Peer peer(String name) {
        return name.equals("dkimpy") ? Peer.dkimpy() : Peer.mailDkim();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void peerIsInstalledAndReportsItsVersion(String name) {
        assertThat(peer(name).version()).matches("[0-9][0-9.]*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void queryForANameOutsideTheZoneFailsTheTest(String name) throws IOException {
        byte[] signed = Inkan.sign(MessageShape.PLAIN_ASCII.bytes(),
                DkimSigningSpec.builder(InteropKeys.key("rsa2048"), InteropKeys.DOMAIN, "unpublished").build());
        Path message = Files.write(dir.resolve("unpublished.eml"), signed);

        assertThatThrownBy(() -> peer(name).verify(InteropKeys.zone(), List.of(message), dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not in the test's zone data")
                .hasMessageContaining("unpublished._domainkey.example.com");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void keyIsTakenFromTheZone(String name) throws IOException {
        byte[] signed = Inkan.sign(MessageShape.PLAIN_ASCII.bytes(),
                Inkan.spec("rsa2048", Canonicalization.RELAXED, Canonicalization.RELAXED).build());
        Path message = Files.write(dir.resolve("signed.eml"), signed);

        Peer.Report report = peer(name).verify(InteropKeys.zone(), List.of(message), dir).get(message);

        assertThat(report.dns()).containsExactly(new Peer.DnsQuery("rsa2048._domainkey.example.com", true));
        assertThat(report.signature(0).passed()).as("%s: %s", name, report.signature(0).detail()).isTrue();
    }
}
