package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.LocalDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inkan check dkim --key} against a DNS server on the network, as in a key rotation: an error while the new
 * selector is not published, ok with key-matches once it is, an error when the server fails.
 */
class CheckNetworkDnsTest {

    @TempDir
    Path dir;

    @Test
    void the_new_selector_is_confirmed_once_published() throws IOException {
        Keys keys = Keys.generate(dir);
        try (LocalDnsServer dns = LocalDnsServer.start()) {
            String[] check = {"check", "dkim", "--domain", Keys.DOMAIN, "--selector", "ed", "--key",
                keys.ed25519().toString(), "--dns-server", dns.address(), "--dns-timeout", "0.5"};
            dns.records(Files.readString(dir.resolve("rsa.txt")));
            CliRun before = CliRun.run(check);
            assertThat(before.exitCode()).as(before.stderr()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
            assertThat(before.out()).contains("[record-missing]", "ed._domainkey.example.com");

            dns.records(Files.readString(dir.resolve("ed.txt")));
            CliRun after = CliRun.run(check);
            assertThat(after.exitCode()).as(after.out()).isZero();
            assertThat(after.out()).contains("ed._domainkey.example.com TXT: ok", "[key-matches]");

            dns.servfail("ed._domainkey.example.com");
            CliRun failing = CliRun.run(check);
            assertThat(failing.exitCode()).isEqualTo(CheckCommand.EXIT_RECORD_ERROR);
            assertThat(failing.out()).contains("[dns-failure]");
        }
    }
}
