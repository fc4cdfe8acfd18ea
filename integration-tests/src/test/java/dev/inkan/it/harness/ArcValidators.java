package dev.inkan.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.arc.ArcResult;
import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.interop.ArcPeer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The ARC chain of the bytes James sent, validated by Inkan's ArcValidator, dkimpy and Mail::DKIM with the same key records. */
public final class ArcValidators {

    private ArcValidators() {
    }

    /** All three validate the chain as pass; Inkan counts {@code instances} sets and {@code oldestPass}. */
    public static void assertChainPasses(String label, byte[] message, DkimZone zone, Path workDir, int instances,
            int oldestPass) {
        try {
            ArcVerdict inkan = new ArcValidator(ArcValidatorConfig.builder(zone.resolver()).build())
                    .validate(new ByteArrayInputStream(message));
            assertThat(inkan.result()).as("[%s] Inkan: %s", label, inkan.comment()).isEqualTo(ArcResult.PASS);
            assertThat(inkan.instances()).isEqualTo(instances);
            assertThat(inkan.oldestPass()).isEqualTo(oldestPass);
            Path file = Files.write(Files.createDirectories(workDir.resolve("wire")).resolve(label + ".eml"), message);
            for (ArcPeer peer : List.of(ArcPeer.dkimpy(), ArcPeer.mailDkim())) {
                ArcPeer.Validation v = peer.validate(zone.interop(), List.of(file), workDir).get(file);
                assertThat(v.result()).as("[%s] %s: %s", label, peer, v.detail()).isEqualTo("pass");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
