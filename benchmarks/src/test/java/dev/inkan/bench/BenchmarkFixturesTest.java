package dev.inkan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bench.BenchmarkFixtures.Algorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmarks measure what they claim: messages of the stated size that verify, a raw crypto baseline
 * over exactly the bytes the engine signs, and a peer that accepts the same messages. No timing here.
 */
class BenchmarkFixturesTest {

    @Test
    void generated_messages_have_the_exact_size_and_short_crlf_lines() throws IOException {
        byte[] message = BenchmarkFixtures.message(4096);
        assertThat(message).hasSize(4096);
        String text = new String(message, StandardCharsets.US_ASCII);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n\r\n").doesNotContainPattern("[^\r]\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(78);
        }
        byte[] big = new GeneratedMessage(1_000_003).readAllBytes();
        assertThat(big).hasSize(1_000_003);
        assertThat(GeneratedMessage.bytes(1_000_003)).isEqualTo(big);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void signed_benchmark_messages_verify(Algorithm algorithm) {
        // signedMessage() throws unless the verdict is a single pass.
        assertThat(BenchmarkFixtures.signedMessage(algorithm, 4096)).hasSizeGreaterThan(4096);
        assertThat(BenchmarkFixtures.signedMessage(algorithm, 1 << 20)).hasSizeGreaterThan(1 << 20);
    }

    @Test
    void raw_rsa_over_the_header_hash_input_reproduces_the_engines_signature() throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(BenchmarkFixtures.rsaKeyPair().getPrivate());
        rsa.update(BenchmarkFixtures.headerHashInput(Algorithm.RSA_2048, 4096));
        byte[] expected = BenchmarkFixtures.signatureValue(BenchmarkFixtures.signatureField(Algorithm.RSA_2048, 4096));
        assertThat(rsa.sign()).isEqualTo(expected);
    }

    @Test
    void raw_ed25519_over_the_hashed_header_input_reproduces_the_engines_signature() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(BenchmarkFixtures.headerHashInput(Algorithm.ED25519, 4096));
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, BenchmarkFixtures.ed25519PrivateKey());
        signer.update(digest, 0, digest.length);
        byte[] expected = BenchmarkFixtures.signatureValue(BenchmarkFixtures.signatureField(Algorithm.ED25519, 4096));
        assertThat(signer.generateSignature()).isEqualTo(expected);
    }

    @Test
    void every_benchmark_set_up_accepts_its_messages() throws Exception {
        RawCryptoBenchmark raw = new RawCryptoBenchmark();
        raw.setUp(); // throws when a raw signature does not verify
        assertThat(raw.rsaVerifyNewInstance()).isTrue();
        assertThat(raw.ed25519Verify()).isTrue();

        JdkimVerifyBenchmark jdkim = new JdkimVerifyBenchmark();
        jdkim.algorithm = Algorithm.RSA_2048;
        jdkim.size = 4096;
        jdkim.setUp(); // throws unless jDKIM verifies the message
        assertThat(jdkim.verify()).hasSize(1);

        DkimVerifyBenchmark verify = new DkimVerifyBenchmark();
        verify.algorithm = Algorithm.ED25519;
        verify.size = 4096;
        verify.setUp();
        assertThat(verify.verify()).singleElement().matches(v -> v.passed());

        BodyHashBenchmark body = new BodyHashBenchmark();
        body.size = 65536;
        body.setUp();
        assertThat(body.relaxed().bodyHashes()).hasSize(1);
        assertThat(body.sinkOnly().bodyHashes()).isEmpty();
    }

    @Test
    void report_prints_ratios_and_target_verdicts() throws IOException {
        String json = "[" + entry("DkimVerifyBenchmark.verify", "{\"algorithm\":\"RSA_2048\",\"size\":\"4096\"}", 16000, 160)
                + "," + entry("RawCryptoBenchmark.rsaVerify", "{}", 20000, 200)
                + "," + entry("JdkimVerifyBenchmark.verify", "{\"algorithm\":\"RSA_2048\",\"size\":\"4096\"}", 4000, 40)
                + "]";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = new Report(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        report.load(json);
        report.print();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("| verify | RSA_2048 | 4 KiB | 16,000 | 62.5 | 1.0% |")
                .contains("80.0% ± 1.1")
                .contains("| verify RSA-2048, 4 KiB ≥ 70% of raw RSA-2048 verify | 80.0% ± 1.1 | yes |")
                .contains("| verify RSA-2048, 4 KiB ≥ 2× jDKIM | 4.00× ± 0.06 | yes |")
                .contains("| sign RSA-2048, 4 KiB ≥ 90% of raw RSA-2048 sign | not run | – |");
    }

    private static String entry(String benchmark, String params, double score, double error) {
        return "{\"benchmark\":\"dev.inkan.bench." + benchmark + "\",\"mode\":\"thrpt\",\"params\":" + params
                + ",\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error
                + ",\"scoreUnit\":\"ops/s\",\"rawData\":[[" + (score - error) + "," + (score + error) + "]]}}";
    }
}
