package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.inkan.dns.LocalDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkan verify} against a DNS server on the network (a local one) instead of a zone file. */
class VerifyNetworkDnsTest {

    @TempDir
    static Path keyDir;

    private static Keys keys;
    private static byte[] signed;

    private LocalDnsServer dns;

    @BeforeAll
    static void keygenAndSign() throws IOException {
        keys = Keys.generate(keyDir);
        CliRun sign = CliRun.run(Messages.crlf(), Args.of("sign", keys.rsaSignature()));
        assertThat(sign.exitCode()).as(sign.stderr()).isZero();
        signed = sign.stdout();
    }

    @BeforeEach
    void startDns() throws IOException {
        dns = LocalDnsServer.start();
    }

    @AfterEach
    void stopDns() {
        dns.close();
    }

    @Test
    void theKeyRecordKeygenWroteVerifiesWhenServedByDns() throws IOException {
        dns.records(Files.readString(keyDir.resolve("rsa.txt")));

        CliRun verify = CliRun.run(signed, "verify", "--dns-server", dns.address(), "--authserv-id", "mx.test");

        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.out()).contains("dkim=pass header.d=example.com header.s=rsa");
        assertThat(dns.queriesFor("rsa._domainkey.example.com")).isPositive();
    }

    @Test
    void aServerThatDoesNotAnswerGivesTemperrorAfterTheTimeout() {
        dns.silent("rsa._domainkey.example.com");

        CliRun verify = CliRun.run(signed, "verify", "--dns-server", dns.address(), "--dns-timeout", "0.2",
                "--authserv-id", "mx.test");

        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        assertThat(verify.out()).contains("dkim=temperror");
    }

    @Test
    void aMalformedServerIsAnInputError() {
        CliRun verify = CliRun.run(signed, "verify", "--dns-server", "127.0.0.1:99999");

        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.errLines()).singleElement(STRING).startsWith("inkan: ").contains("99999");
    }
}
