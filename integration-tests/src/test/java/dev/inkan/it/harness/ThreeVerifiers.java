package dev.inkan.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.domainkeys.DomainKeysResult;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.domainkeys.DomainKeysVerifier;
import dev.inkan.interop.Peer;
import dev.inkan.message.MessageLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bytes James sent, verified by three independent DKIM implementations with the same key records:
 * Inkan's DkimVerifier, dkimpy and Mail::DKIM (the engine's interop harness runs the peers; a peer that is
 * not installed fails the test with the apt-get line that installs it).
 */
public final class ThreeVerifiers {

    /** What each verifier said about each DKIM-Signature, topmost first. */
    public record Outcome(String label, List<DkimVerdict> inkan, Peer.Report dkimpy, Peer.Report mailDkim) {

        public int signatures() {
            return inkan.size();
        }
    }

    private ThreeVerifiers() {
    }

    public static Outcome verify(String label, byte[] message, DkimZone zone, Path workDir) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("verify-" + label.replaceAll("[^A-Za-z0-9_-]", "_")));
            Path file = Files.write(dir.resolve("message.eml"), message);
            List<DkimVerdict> inkan = new DkimVerifier(DkimVerifierConfig.builder(zone.resolver()).build())
                    .verify(new ByteArrayInputStream(message));
            Peer.Report dkimpy = Peer.dkimpy().verify(zone.interop(), List.of(file), dir).get(file);
            Peer.Report mailDkim = Peer.mailDkim().verify(zone.interop(), List.of(file), dir).get(file);
            return new Outcome(label, inkan, dkimpy, mailDkim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every signature passes in all three. An ed25519 signature on a Mail::DKIM without Ed25519 must say so. */
    public static Outcome assertAllPass(String label, byte[] message, DkimZone zone, Path workDir, int expectedSignatures) {
        return assertAllPass(label, message, zone, workDir, expectedSignatures, 0);
    }

    /**
     * The same for a message that also carries {@code domainKeysSignatures} DomainKey-Signature fields below its DKIM
     * signatures (DkimSign with domainKeys=true, DKIMproxy): dkimpy ignores them, Mail::DKIM verifies them too (they
     * are the last of its report) and each must pass there, and Inkan's DomainKeysVerifier must pass the message.
     */
    public static Outcome assertAllPass(String label, byte[] message, DkimZone zone, Path workDir, int expectedSignatures,
            int domainKeysSignatures) {
        Outcome o = verify(label, message, zone, workDir);
        assertThat(o.inkan()).as("[%s] Inkan's verdicts", label).hasSize(expectedSignatures);
        assertThat(o.dkimpy().signatures()).as("[%s] signatures dkimpy saw (error: %s)", label, o.dkimpy().error())
                .hasSize(expectedSignatures);
        assertThat(o.mailDkim().signatures()).as("[%s] signatures Mail::DKIM saw (error: %s)", label,
                o.mailDkim().error()).hasSize(expectedSignatures + domainKeysSignatures);
        for (int i = expectedSignatures; i < expectedSignatures + domainKeysSignatures; i++) {
            Peer.Verdict mailDkim = o.mailDkim().signature(i);
            assertThat(mailDkim.result()).as("[%s] Mail::DKIM on DomainKeys signature %d: %s", label, i,
                    mailDkim.detail()).isEqualTo("pass");
        }
        if (domainKeysSignatures > 0) {
            DomainKeysVerdict dk = domainKeys(message, zone);
            assertThat(dk.result()).as("[%s] Inkan's DomainKeys verdict: %s", label, dk).isEqualTo(DomainKeysResult.PASS);
        }
        for (int i = 0; i < expectedSignatures; i++) {
            DkimVerdict inkan = o.inkan().get(i);
            assertThat(inkan.passed()).as("[%s] Inkan on signature %d: %s (%s)", label, i, inkan.result(), inkan.comment())
                    .isTrue();
            Peer.Verdict dkimpy = o.dkimpy().signature(i);
            assertThat(dkimpy.result()).as("[%s] dkimpy on signature %d: %s", label, i, dkimpy.detail()).isEqualTo("pass");
            Peer.Verdict mailDkim = o.mailDkim().signature(i);
            if ("ed25519-sha256".equals(inkan.algorithm()) && !Peer.mailDkim().supportsEd25519()) {
                assertThat(mailDkim.detail()).as("[%s] Mail::DKIM without Ed25519 on signature %d", label, i)
                        .contains("unsupported algorithm");
                System.out.println("NOTE [" + label + "]: " + Peer.mailDkim().name()
                        + " has no ed25519-sha256; that signature was checked by Inkan and dkimpy only");
            } else {
                assertThat(mailDkim.result()).as("[%s] Mail::DKIM on signature %d: %s", label, i, mailDkim.detail())
                        .isEqualTo("pass");
            }
        }
        return o;
    }

    /** Inkan's DomainKeys verdict on the message (RFC 4870), the key records from {@code zone}. */
    public static DomainKeysVerdict domainKeys(byte[] message, DkimZone zone) {
        try {
            return new DomainKeysVerifier(zone.resolver(), MessageLimits.DEFAULT).verify(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
