package dev.inkan.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.dns.DnsResolver;
import dev.inkan.message.Canonicalization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign with Inkan, verify with Inkan: every algorithm × canonicalization × message shape, and tampering. */
class DkimRoundTripTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    static final Map<String, String> SHAPES = Map.of(
            "plain", "From: Joe <joe@example.com>\r\nTo: a@example.net\r\nSubject: hello\r\nDate: Sun, 22 Nov 2026 10:00:00 +0000\r\n\r\nHi.\r\n\r\nBye.\r\n",
            "empty body", "From: joe@example.com\r\nSubject: empty\r\n\r\n",
            "no blank line", "From: joe@example.com\r\nSubject: headers only\r\n",
            "no final CRLF", "From: joe@example.com\r\n\r\nlast line without newline",
            "trailing blank lines", "From: joe@example.com\r\n\r\ntext\r\n\r\n\r\n\r\n",
            "long folded headers", "From: joe@example.com\r\nSubject: a very long subject that\r\n\tis folded  over\r\n   three lines\t \r\nTo: \"A\"\r\n <a@example.net>,\r\n\tb@example.net\r\n\r\nwhite  space\t \r\n",
            "8-bit and UTF-8", "From: =?UTF-8?Q?J=C3=B6rg?= <j@example.com>\r\nSubject: caf\u00c3\u00a9 \u00e5\u008d\u00b0\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGr\u00c3\u00bc\u00c3\u009fe \u00ff\r\n",
            "LF line endings", "From: joe@example.com\nSubject: unix\n\nline one\nline two\n");

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (SigningKey key : List.of(TestKeys.RSA_1024, TestKeys.RSA_2048, TestKeys.ED25519)) {
            for (Canonicalization h : Canonicalization.values()) {
                for (Canonicalization b : Canonicalization.values()) {
                    for (String shape : SHAPES.keySet()) {
                        cases.add(Arguments.of(key.type() + "-" + key.bits(), h, b, shape, key));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}/{2} {3}")
    @MethodSource("matrix")
    void signed_messages_verify(String keyName, Canonicalization h, Canonicalization b, String shape, SigningKey key)
            throws Exception {
        DkimSigningSpec spec = DkimSigningSpec.builder(key, "example.com", "sel").canonicalization(h, b).build();
        byte[] signed = sign(SHAPES.get(shape).getBytes(StandardCharsets.ISO_8859_1), spec);

        DkimVerdict verdict = verifyOne(signed, TestKeys.publish("sel", key));
        assertThat(verdict.result()).as(verdict.comment()).isEqualTo(DkimResult.PASS);
        assertThat(verdict.algorithm()).isEqualTo(spec.algorithm().tagName());
        assertThat(verdict.keyBits()).isEqualTo(key.bits());
    }

    @Test
    void a_changed_body_byte_fails_the_body_hash() throws Exception {
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel").build());
        String tampered = latin1(signed).replace("Hi.", "Hi!");
        DkimVerdict v = verifyOne(bytes(tampered), TestKeys.publish("sel", TestKeys.RSA_2048));
        assertThat(v.result()).isEqualTo(DkimResult.FAIL);
        assertThat(v.comment()).isEqualTo("body hash did not verify");
    }

    @Test
    void a_changed_signed_header_fails_the_signature() throws Exception {
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "sel").build());
        String tampered = latin1(signed).replace("Subject: hello", "Subject: hellO");
        DkimVerdict v = verifyOne(bytes(tampered), TestKeys.publish("sel", TestKeys.ED25519));
        assertThat(v.reason()).isEqualTo(DkimReason.SIGNATURE_MISMATCH);
        assertThat(v.comment()).isEqualTo("signature did not verify");
    }

    @Test
    void an_unsigned_header_may_change_and_relaxed_tolerates_refolding() throws Exception {
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.RSA_1024, "example.com", "sel").build());
        String changed = latin1(signed).replace("Subject: hello", "Subject:   hello  ")
                .replace("Date:", "Received: by relay\r\nDate:");
        assertThat(verifyOne(bytes(changed), TestKeys.publish("sel", TestKeys.RSA_1024)).passed()).isTrue();
    }

    @Test
    void a_prepended_extra_from_breaks_the_oversigned_signature() throws Exception {
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.RSA_1024, "example.com", "sel").build());
        String s = latin1(signed);
        int afterSignature = s.indexOf("From: Joe");
        String forged = s.substring(0, afterSignature) + "From: Mallory <m@evil.example>\r\n" + s.substring(afterSignature);
        DkimVerdict v = verifyOne(bytes(forged), TestKeys.publish("sel", TestKeys.RSA_1024));
        assertThat(v.reason()).isEqualTo(DkimReason.SIGNATURE_MISMATCH);
    }

    @Test
    void content_appended_after_l_passes_and_is_reported_as_unsigned() throws Exception {
        DkimSigningSpec spec = DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel").bodyLengthTag(true).build();
        byte[] signed = signPlain(spec);
        assertThat(latin1(signed)).contains("l=13;");
        DnsResolver dns = TestKeys.publish("sel", TestKeys.RSA_2048);

        DkimVerdict intact = verifyOne(signed, dns);
        assertThat(intact.passed()).isTrue();
        assertThat(intact.unsignedBodyBytes()).isZero();
        assertThat(intact.comment()).isEqualTo("l=13: whole body signed");

        DkimVerdict appended = verifyOne(bytes(latin1(signed) + "Click here!\r\n"), dns);
        assertThat(appended.passed()).isTrue();
        assertThat(appended.bodyLength()).isEqualTo(13);
        assertThat(appended.unsignedBodyBytes()).isEqualTo(13);
        assertThat(appended.comment()).isEqualTo("l=13: 13 unsigned body bytes follow");
    }

    @Test
    void without_l_appended_content_fails() throws Exception {
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel").build());
        DkimVerdict v = verifyOne(bytes(latin1(signed) + "Click here!\r\n"), TestKeys.publish("sel", TestKeys.RSA_2048));
        assertThat(v.reason()).isEqualTo(DkimReason.BODY_HASH_MISMATCH);
    }

    @Test
    void a_truncated_body_shorter_than_l_fails() throws Exception {
        DkimSigningSpec spec = DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel").bodyLengthTag(true).build();
        String signed = latin1(signPlain(spec));
        DkimVerdict v = verifyOne(bytes(signed.replace("Bye.\r\n", "")), TestKeys.publish("sel", TestKeys.RSA_2048));
        assertThat(v.reason()).isEqualTo(DkimReason.BODY_LENGTH_EXCEEDS_BODY);
        assertThat(v.result()).isEqualTo(DkimResult.FAIL);
    }

    @Test
    void dual_signing_rsa_and_ed25519_in_one_pass() throws Exception {
        byte[] signed = signPlain(
                DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "rsa").build(),
                DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "ed").build());
        List<DkimVerdict> verdicts = verify(signed, TestKeys.publish("rsa", TestKeys.RSA_2048, "ed", TestKeys.ED25519));
        assertThat(verdicts).extracting(DkimVerdict::algorithm).containsExactly("rsa-sha256", "ed25519-sha256");
        assertThat(verdicts).allMatch(DkimVerdict::passed);
    }

    @Test
    void signatures_for_several_domains_each_verify() throws Exception {
        var dns = TestKeys.publish("a", TestKeys.RSA_1024).txt("b._domainkey.operator.example", TestKeys.record(TestKeys.ED25519));
        byte[] signed = signPlain(DkimSigningSpec.builder(TestKeys.RSA_1024, "example.com", "a").build(),
                DkimSigningSpec.builder(TestKeys.ED25519, "operator.example", "b").build());
        assertThat(verify(signed, dns)).extracting(DkimVerdict::domain, DkimVerdict::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("example.com", DkimResult.PASS),
                org.assertj.core.groups.Tuple.tuple("operator.example", DkimResult.PASS));
    }

    @Test
    void output_is_deterministic_for_a_fixed_clock() throws Exception {
        DkimSigningSpec rsa = DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel").build();
        DkimSigningSpec ed = DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "ed").build();
        assertThat(signPlain(rsa, ed)).isEqualTo(signPlain(rsa, ed));
        assertThat(latin1(signPlain(rsa))).contains("t=" + CLOCK.instant().getEpochSecond() + ";");
    }

    @Test
    void the_default_header_list_signs_present_fields_and_oversigns_from() throws Exception {
        String field = latin1(signPlain(DkimSigningSpec.builder(TestKeys.RSA_1024, "example.com", "sel").build()));
        String h = field.substring(field.indexOf("h=") + 2, field.indexOf(';', field.indexOf("h="))).replaceAll("\\s", "");
        assertThat(h).isEqualTo("from:from:subject:date:to");
        for (String line : field.substring(0, field.indexOf("From: Joe")).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
        }
    }

    @Test
    void identity_and_expiration_are_signed_and_checked() throws Exception {
        DkimSigningSpec spec = DkimSigningSpec.builder(TestKeys.RSA_1024, "example.com", "sel")
                .identity("joe@mail.example.com").expiration(Duration.ofDays(7)).build();
        byte[] signed = signPlain(spec);
        DnsResolver dns = TestKeys.publish("sel", TestKeys.RSA_1024);
        DkimVerdict v = verifyOne(signed, dns);
        assertThat(v.passed()).isTrue();
        assertThat(v.identity()).isEqualTo("joe@mail.example.com");

        Clock later = Clock.offset(CLOCK, Duration.ofDays(8));
        List<DkimVerdict> expired = new DkimVerifier(DkimVerifierConfig.builder(dns).clock(later).build())
                .verify(new ByteArrayInputStream(signed));
        assertThat(expired.get(0).reason()).isEqualTo(DkimReason.EXPIRED);
        assertThat(expired.get(0).result()).isEqualTo(DkimResult.PERMERROR);

        Clock earlier = Clock.offset(CLOCK, Duration.ofHours(-1));
        List<DkimVerdict> future = new DkimVerifier(DkimVerifierConfig.builder(dns).clock(earlier).build())
                .verify(new ByteArrayInputStream(signed));
        assertThat(future.get(0).reason()).isEqualTo(DkimReason.TIMESTAMP_IN_FUTURE);
    }

    /** 50 MB streamed through sign and verify; nothing holds the message (the stream is generated). */
    @Test
    void a_50_mb_message_signs_and_verifies_streaming() throws Exception {
        long size = 50L * 1024 * 1024;
        DkimSigningSpec spec = DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "sel").build();
        List<String> fields = new DkimSigner(List.of(spec), CLOCK).sign(bigMessage(size));
        InputStream signed = new SequenceInputStream(new ByteArrayInputStream(bytes(fields.get(0))), bigMessage(size));
        List<DkimVerdict> verdicts = new DkimVerifier(DkimVerifierConfig.builder(TestKeys.publish("sel", TestKeys.ED25519))
                .clock(CLOCK).build()).verify(signed);
        assertThat(verdicts).singleElement().matches(DkimVerdict::passed);
    }

    static InputStream bigMessage(long bodySize) {
        byte[] header = bytes("From: big@example.com\r\nSubject: big\r\n\r\n");
        byte[] line = bytes("The quick brown fox jumps over the lazy dog  \t 0123456789\r\n");
        InputStream body = new InputStream() {
            long produced;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (produced >= bodySize) {
                    return -1;
                }
                int n = (int) Math.min(len, bodySize - produced);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) ((produced + i) % line.length)];
                }
                produced += n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(header), body);
    }

    static byte[] signPlain(DkimSigningSpec... specs) throws IOException {
        return sign(bytes(SHAPES.get("plain")), specs);
    }

    /** The signature fields prepended to the unchanged message, as a signing tool writes it. */
    static byte[] sign(byte[] message, DkimSigningSpec... specs) throws IOException {
        List<String> fields = new DkimSigner(List.of(specs), CLOCK).sign(new ByteArrayInputStream(message));
        StringBuilder out = new StringBuilder();
        fields.forEach(out::append);
        byte[] prefix = bytes(out.toString());
        byte[] all = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(message, 0, all, prefix.length, message.length);
        return all;
    }

    static List<DkimVerdict> verify(byte[] message, DnsResolver dns) throws IOException {
        return new DkimVerifier(DkimVerifierConfig.builder(dns).clock(CLOCK).build())
                .verify(new ByteArrayInputStream(message));
    }

    static DkimVerdict verifyOne(byte[] message, DnsResolver dns) throws IOException {
        List<DkimVerdict> verdicts = verify(message, dns);
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
