package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keys made the way an operator makes them, with {@code inkan keygen}: an RSA key (selector {@code rsa})
 * and an Ed25519 key (selector {@code ed}) for {@value #DOMAIN}, and one zone file publishing both.
 */
record Keys(Path rsa, Path ed25519, Path zone) {

    static final String DOMAIN = "example.com";

    static Keys generate(Path dir) throws IOException {
        keygen(dir, "rsa", "--type", "rsa", "--bits", "1024");
        keygen(dir, "ed", "--type", "ed25519");
        Path zone = dir.resolve("keys.zone");
        Files.writeString(zone, Files.readString(dir.resolve("rsa.txt")) + Files.readString(dir.resolve("ed.txt")),
                StandardCharsets.UTF_8);
        return new Keys(dir.resolve("rsa.private"), dir.resolve("ed.private"), zone);
    }

    private static void keygen(Path dir, String selector, String... more) {
        CliRun run = CliRun.run(Args.of("keygen", "--domain", DOMAIN, "--selector", selector, "--out", dir, more));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    /** The arguments for one RSA signature group. */
    String[] rsaSignature() {
        return new String[] {"--domain", DOMAIN, "--selector", "rsa", "--key", rsa.toString()};
    }

    /** The arguments for one Ed25519 signature group. */
    String[] ed25519Signature() {
        return new String[] {"--domain", DOMAIN, "--selector", "ed", "--key", ed25519.toString()};
    }
}
