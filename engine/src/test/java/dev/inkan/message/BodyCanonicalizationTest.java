package dev.inkan.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming canonicalizers against RFC 6376 §3.4.3/§3.4.4, whatever the chunking of the input. */
class BodyCanonicalizationTest {

    static Stream<Arguments> knownBodies() {
        return Stream.of(
                // RFC 6376 §3.4.5 example: " C \r\nD \t E\r\n\r\n\r\n"
                Arguments.of(Canonicalization.RELAXED, " C \r\nD \t E\r\n\r\n\r\n", " C\r\nD E\r\n"),
                Arguments.of(Canonicalization.SIMPLE, " C \r\nD \t E\r\n\r\n\r\n", " C \r\nD \t E\r\n"),
                Arguments.of(Canonicalization.SIMPLE, "", "\r\n"),
                Arguments.of(Canonicalization.RELAXED, "", ""),
                Arguments.of(Canonicalization.SIMPLE, "\r\n\r\n", "\r\n"),
                Arguments.of(Canonicalization.RELAXED, " \r\n\t\r\n", ""),
                Arguments.of(Canonicalization.SIMPLE, "no newline", "no newline\r\n"),
                Arguments.of(Canonicalization.RELAXED, "no newline  ", "no newline\r\n"),
                Arguments.of(Canonicalization.SIMPLE, "a\rb\r", "a\rb\r\r\n"),
                Arguments.of(Canonicalization.RELAXED, "a \rb\r\n", "a \rb\r\n"));
    }

    @ParameterizedTest(name = "{0} of \"{1}\"")
    @MethodSource("knownBodies")
    void canonical_form_matches_the_rfc(Canonicalization c, String body, String expected) throws Exception {
        assertThat(ReferenceCanonicalization.body(c, latin1(body))).isEqualTo(latin1(expected));
        for (int chunk = 1; chunk <= Math.max(1, body.length()); chunk++) {
            assertThat(hash(c, latin1("X: y\r\n\r\n" + body), chunk)).as("chunk " + chunk)
                    .isEqualTo(sha256(latin1(expected)));
        }
    }

    /** The well-known digests of an empty body: simple hashes "\r\n", relaxed hashes nothing. */
    @ParameterizedTest
    @EnumSource(Canonicalization.class)
    void empty_body_digest(Canonicalization c) throws Exception {
        String expected = c == Canonicalization.SIMPLE ? "frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY="
                : "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        assertThat(Base64.getEncoder().encodeToString(hash(c, latin1("Subject: x\r\n\r\n"), 7))).isEqualTo(expected);
        assertThat(Base64.getEncoder().encodeToString(hash(c, latin1("Subject: x\r\n"), 7))).isEqualTo(expected);
    }

    static Stream<Arguments> randomBodies() {
        Random random = new Random(6376);
        // Single characters for the state machine, long runs for the word-at-a-time scans (8-bit and controls too).
        String[] alphabet = {"a", "b", " ", "\t", "\r", "\n", "\r\n", "\r\n", "  ", "x", "quick brown fox",
            "0123456789abcdef", "\u00e9\u00e8\u00ff\u00a0abcdefgh", "\u0001\u007f\u000b"};
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StringBuilder body = new StringBuilder();
            int n = random.nextInt(i < 300 ? 60 : 400);
            for (int j = 0; j < n; j++) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String normalised = body.toString().replaceAll("(?<!\r)\n", "\r\n");
            for (Canonicalization c : Canonicalization.values()) {
                cases.add(Arguments.of(c, normalised, 1 + random.nextInt(i < 300 ? 9 : 80)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("randomBodies")
    void streaming_equals_reference_for_random_bodies_and_chunkings(Canonicalization c, String body, int chunk)
            throws Exception {
        byte[] expected = sha256(ReferenceCanonicalization.body(c, latin1(body)));
        assertThat(hash(c, latin1("X: y\r\n\r\n" + body), chunk)).isEqualTo(expected);
    }

    static byte[] hash(Canonicalization c, byte[] message, int chunk) throws Exception {
        BodyHashKey key = BodyHashKey.of(c, HashAlgorithm.SHA256);
        MessageSink sink = new MessageSink(List.of(headers -> List.of(key)));
        for (int i = 0; i < message.length; i += chunk) {
            sink.write(message, i, Math.min(chunk, message.length - i));
        }
        sink.close();
        return sink.scanned().bodyHash(key).digest();
    }

    static byte[] sha256(byte[] data) {
        return HashAlgorithm.SHA256.newDigest().digest(data);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
