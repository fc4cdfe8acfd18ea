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

    /**
     * Relaxed reads bare LFs itself when it is the only canonicalization (the sink then passes the body on as it
     * arrives); with simple beside it the sink normalises first. Both must hash what the reference makes of the
     * body with every bare LF turned into CRLF, however the body is chunked.
     */
    static Stream<Arguments> unnormalisedBodies() {
        Random random = new Random(4400);
        String[] alphabet = {"a", " ", "\t", "\r", "\n", "\n", "\r\n", "  ", "\t ", "x", "quick brown fox jumps",
            "0123456789abcdef over the lazy dog", "\u00e9\u00e8\u00ff\u00a0abcdefgh", "\u0001\u007f\u000b", "\r\n\r\n",
            "wow! !!"};
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(i < 200 ? 40 : 300); n > 0; n--) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            cases.add(Arguments.of(body.toString(), 1 + random.nextInt(i < 200 ? 9 : 100), random.nextBoolean()));
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("unnormalisedBodies")
    void relaxed_reads_bare_lfs_as_the_sink_would_normalise_them(String body, int chunk, boolean withSimple)
            throws Exception {
        byte[] expected = sha256(ReferenceCanonicalization.body(Canonicalization.RELAXED, latin1(crlf(body))));
        BodyHashKey relaxed = BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256);
        BodyHashKey simple = BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA256);
        byte[] message = latin1("X: y\n\n" + body);
        List<BodyHashKey> keys = withSimple ? List.of(relaxed, simple) : List.of(relaxed);
        MessageSink sink = new MessageSink(List.of(headers -> keys));
        for (int i = 0; i < message.length; i += chunk) {
            sink.write(message, i, Math.min(chunk, message.length - i));
        }
        sink.close();
        assertThat(sink.scanned().bodyHash(relaxed).digest()).isEqualTo(expected);
    }

    /**
     * Bodies whose white space runs, CR LF pairs, bare CRs and LFs and trailing empty lines sit on both sides of
     * the word-at-a-time scan's boundaries, written in three pieces split at every pair of offsets: whatever falls
     * at a chunk's end (SP whose next byte is unknown, CR before LF, a run of line ends that may be trailing)
     * must come out the same as in one piece.
     */
    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("boundaryBodies")
    void relaxed_gives_the_same_hash_split_anywhere(String body) throws Exception {
        byte[] expected = sha256(ReferenceCanonicalization.body(Canonicalization.RELAXED, latin1(crlf(body))));
        BodyHashKey key = BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256);
        byte[] header = latin1("X: y\r\n\r\n");
        byte[] bytes = latin1(body);
        for (int p = 0; p <= bytes.length; p++) {
            for (int q = p; q <= bytes.length; q++) {
                MessageSink sink = new MessageSink(List.of(headers -> List.of(key)));
                sink.write(header);
                sink.write(bytes, 0, p);
                sink.write(bytes, p, q - p);
                sink.write(bytes, q, bytes.length - q);
                sink.close();
                assertThat(sink.scanned().bodyHash(key).digest()).as("split at %d and %d", p, q).isEqualTo(expected);
            }
        }
    }

    static Stream<String> boundaryBodies() {
        return Stream.of(
                "Some prose here and\r\nmore prose on the next line\r\n\r\nA new paragraph.\r\n",
                "trailing white space \t \r\nand  double   spaces\tand tabs\t\tinside the lines\r\n",
                "text then empty lines at the end of the body\r\n\r\n\r\n \r\n\t\r\n\r\n",
                "bare\rCR inside, bare\nLF inside, CR CR LF\r\r\nand a final bare CR\r",
                "\r\n\r\n  leading empty lines and a line starting with spaces\r\n \tx\r\n",
                "no line end at all, white space at the very end of the body   ",
                "exclamation marks after white space !\r\n!!  ! \t!\r\nand a long line after them, twenty bytes\r\n",
                "lf only\nbody\n\n\nwith trailing empty lines\n\n",
                "\u00e9\u00e8 8-bit \u00ff\u00a0bytes \u0001\u007f controls \u000b\u000c between words\r\n");
    }

    private static String crlf(String body) {
        return body.replaceAll("(?<!\r)\n", "\r\n");
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
