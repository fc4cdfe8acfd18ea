package dev.inkan.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.crypto.HashAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSinkTest {

    @Test
    void header_fields_are_kept_byte_exact_with_folding() throws Exception {
        String headers = "From: a@example.com\r\nSubject: one\r\n\ttwo  \r\n   three\r\nX-Odd :  v \r\n";
        ScannedMessage m = scan(headers + "\r\nbody\r\n");
        assertThat(m.headers().fields()).extracting(HeaderField::name).containsExactly("From", "Subject", "X-Odd");
        StringBuilder joined = new StringBuilder();
        m.headers().fields().forEach(f -> joined.append(new String(f.raw(), StandardCharsets.ISO_8859_1)));
        assertThat(joined.toString()).isEqualTo(headers);
        assertThat(m.headers().named("subject").get(0).unfoldedValue()).isEqualTo("one\ttwo     three");
    }

    @Test
    void bare_lf_is_normalised_to_crlf_and_the_input_style_is_reported() throws Exception {
        ScannedMessage m = scan("From: a\nSubject: b\n\nline\n");
        assertThat(m.headers().fields().get(0).raw()).isEqualTo("From: a\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(m.lineEnding()).isEqualTo(LineEnding.LF);
        assertThat(scan("From: a\r\n\r\nx\r\n").lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(bodyDigest("From: a\n\nline\n")).isEqualTo(bodyDigest("From: a\r\n\r\nline\r\n"));
    }

    @Test
    void a_crlf_split_across_writes_is_not_doubled() throws Exception {
        byte[] message = "From: a\r\n\r\nx\r\ny\r\n".getBytes(StandardCharsets.US_ASCII);
        BodyHashKey key = BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA256);
        MessageSink sink = new MessageSink(List.of(h -> List.of(key)));
        for (byte b : message) {
            sink.write(b);
        }
        sink.close();
        assertThat(sink.scanned().bodyHash(key).canonicalLength()).isEqualTo(6);
        assertThat(sink.scanned().size()).isEqualTo(message.length);
    }

    @Test
    void a_message_without_body_or_blank_line_is_all_header() throws Exception {
        ScannedMessage m = scan("From: a\r\nSubject: b");
        assertThat(m.headers().fields()).hasSize(2);
        assertThat(m.headers().fields().get(1).text()).isEqualTo("Subject: b");
        assertThat(m.headers().fields().get(1).length()).isEqualTo("Subject: b\r\n".length());
    }

    @Test
    void an_empty_message_and_a_message_starting_with_a_blank_line_have_no_headers() throws Exception {
        assertThat(scan("").headers().fields()).isEmpty();
        ScannedMessage m = scan("\r\nbody only\r\n");
        assertThat(m.headers().fields()).isEmpty();
        assertThat(m.bodyHashes().get(0).canonicalLength()).isEqualTo("body only\r\n".length());
    }

    @Test
    void eight_bit_and_utf8_header_bytes_survive() throws Exception {
        byte[] subject = "Subject: caf\u00e9 \u5370\u9451".getBytes(StandardCharsets.UTF_8);
        byte[] message = concat(subject, "\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
        ScannedMessage m = MessageSink.scan(new ByteArrayInputStream(message), MessageLimits.DEFAULT, List.of());
        assertThat(m.headers().fields().get(0).raw()).isEqualTo(concat(subject, new byte[] {'\r', '\n'}));
    }

    @Test
    void header_limits_give_clear_errors() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        MessageLimits limits = new MessageLimits(10, 1000);
        assertThatThrownBy(() -> MessageSink.scan(stream(many + "\r\n"), limits, List.of()))
                .isInstanceOf(MessageLimitException.class).hasMessage("more than 10 header fields");
        String big = "X: " + "v".repeat(2000) + "\r\n\r\n";
        assertThatThrownBy(() -> MessageSink.scan(stream(big), limits, List.of()))
                .isInstanceOf(MessageLimitException.class).hasMessage("header block exceeds 1000 bytes");
    }

    @Test
    void distinct_keys_are_hashed_once_each_and_limits_apply() throws Exception {
        BodyHashKey whole = BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256);
        BodyHashKey first4 = new BodyHashKey(Canonicalization.RELAXED, HashAlgorithm.SHA256, 4);
        BodyHashKey sha1 = BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA1);
        List<BodyHashKey> asked = new ArrayList<>(List.of(whole, first4, sha1, whole));
        ScannedMessage m = MessageSink.scan(stream("A: b\r\n\r\nabc  def\r\n"), MessageLimits.DEFAULT,
                List.of(h -> asked));
        assertThat(m.bodyHashes()).hasSize(3);
        assertThat(m.bodyHash(first4).hashedLength()).isEqualTo(4);
        assertThat(m.bodyHash(first4).canonicalLength()).isEqualTo("abc def\r\n".length());
        assertThat(m.bodyHash(first4).hasUnsignedContent()).isTrue();
        assertThat(m.bodyHash(first4).digest()).isEqualTo(BodyCanonicalizationTest.sha256("abc ".getBytes()));
        assertThat(m.bodyHash(whole).hasUnsignedContent()).isFalse();
    }

    @Test
    void selection_picks_instances_bottom_up_and_oversigned_names_select_nothing() throws Exception {
        ScannedMessage m = scan("To: 1\r\nFrom: a\r\nTo: 2\r\n\r\n");
        assertThat(m.headers().select(List.of("to", "to", "to", "from", "from")))
                .extracting(HeaderField::text).containsExactly("To: 2", "To: 1", "From: a");
    }

    @Test
    void relaxed_header_canonicalization_follows_rfc_6376_3_4_5() {
        // The RFC's example: "A: X\r\nB : Y\t\r\n\tZ  \r\n" -> "a:X\r\nb:Y Z\r\n"
        GrowableBytes out = new GrowableBytes(64);
        HeaderCanonicalizer.append(new HeaderField("A: X\r\n".getBytes()), Canonicalization.RELAXED, out);
        HeaderCanonicalizer.append(new HeaderField("B : Y\t\r\n\tZ  \r\n".getBytes()), Canonicalization.RELAXED, out);
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("a:X\r\nb:Y Z\r\n");
    }

    @Test
    void header_fields_given_as_they_are_scan_as_the_same_header_written_into_a_sink() throws Exception {
        List<String> lines = List.of("Received: from a\r\n\tby b; Sun, 22 Nov 2026 10:00:00 +0000",
                "From: Caf\u00e9 <a@example.com>", "Subject:", "X-Odd :  v ", "DKIM-Signature: v=1; a=rsa-sha256;\r\n  b=x");
        List<HeaderField> fields = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        for (String line : lines) {
            fields.add(MessageSink.fieldOf((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1)).orElseThrow());
            written.append(line).append("\r\n");
        }
        BodyHashKey key = BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256);
        ScannedMessage given = MessageSink.headerOnly(fields, MessageLimits.DEFAULT, List.of(h -> List.of(key)));
        ScannedMessage sunk = MessageSink.scan(stream(written + "\r\n"), MessageLimits.DEFAULT,
                List.of(h -> List.of(key)));
        assertThat(given.headers().fields()).extracting(f -> new String(f.raw(), StandardCharsets.ISO_8859_1))
                .isEqualTo(sunk.headers().fields().stream()
                        .map(f -> new String(f.raw(), StandardCharsets.ISO_8859_1)).toList());
        assertThat(given.bodyHash(key).digest()).isEqualTo(sunk.bodyHash(key).digest());
        assertThat(given.size()).isEqualTo(sunk.size());
        assertThat(given.lineEnding()).isEqualTo(sunk.lineEnding());
    }

    @Test
    void a_line_a_sink_would_read_differently_is_not_a_field_as_it_is() {
        for (String line : List.of("", " folded onto the previous field", "\tthe same", "A: bare\nLF",
                "A: bare\rCR", "A: CRLF\r\nnot a fold", "A: ends in CR\r", "A: ends in CRLF\r\n")) {
            assertThat(MessageSink.fieldOf((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1))).as(line).isEmpty();
        }
        assertThat(MessageSink.fieldOf("A: b\r\n c\r\n".getBytes(StandardCharsets.ISO_8859_1)).orElseThrow().text())
                .isEqualTo("A: b\r\n c");
        // the bytes given must end in the CRLF that ends the field
        for (String unended : List.of("A: b", "A: b\r", "A: b\n", "\r\n", "")) {
            assertThat(MessageSink.fieldOf(unended.getBytes(StandardCharsets.ISO_8859_1))).as(unended).isEmpty();
        }
    }

    @Test
    void header_fields_given_as_they_are_meet_the_same_limits() throws Exception {
        MessageLimits limits = new MessageLimits(3, 40);
        List<HeaderField> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(HeaderField.of("X-" + i + ": v"));
        }
        assertThatThrownBy(() -> MessageSink.headerOnly(four, limits, List.of()))
                .isInstanceOf(MessageLimitException.class).hasMessage("more than 3 header fields");
        assertThat(MessageSink.headerOnly(four.subList(0, 3), limits, List.of()).headers().fields()).hasSize(3);
        // exactly at the byte limit passes in both, one byte more fails in both
        String at = "X: " + "v".repeat(35); // 38 + CRLF = 40 bytes
        assertThat(MessageSink.headerOnly(List.of(HeaderField.of(at)), limits, List.of()).headers().fields()).hasSize(1);
        assertThat(MessageSink.scan(stream(at + "\r\n\r\n"), limits, List.of()).headers().fields()).hasSize(1);
        assertThatThrownBy(() -> MessageSink.headerOnly(List.of(HeaderField.of(at + "v")), limits, List.of()))
                .isInstanceOf(MessageLimitException.class).hasMessage("header block exceeds 40 bytes");
        assertThatThrownBy(() -> MessageSink.scan(stream(at + "v\r\n\r\n"), limits, List.of()))
                .isInstanceOf(MessageLimitException.class).hasMessage("header block exceeds 40 bytes");
    }

    private static ScannedMessage scan(String message) throws Exception {
        return MessageSink.scan(stream(message), MessageLimits.DEFAULT,
                List.of(h -> List.of(BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA256))));
    }

    private static byte[] bodyDigest(String message) throws Exception {
        return scan(message).bodyHashes().get(0).digest();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The word-at-a-time LF search equals a byte loop, whatever follows an LF (0x01, 0x0b and 8-bit bytes included). */
    @Test
    void random_messages_split_the_same_however_they_are_written() throws Exception {
        java.util.Random random = new java.util.Random(6376);
        String[] pieces = {"\r\n", "\n", "\r", " ", "\t", "a", "Subject: x", "From: y", ":", "\u00e9"};
        BodyHashKey simple = BodyHashKey.of(Canonicalization.SIMPLE, HashAlgorithm.SHA256);
        BodyHashKey relaxed = BodyHashKey.of(Canonicalization.RELAXED, HashAlgorithm.SHA256);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] message = text.toString().getBytes(StandardCharsets.UTF_8);
            // The reference: normalise, find the first blank line, split fields at CRLF not followed by WSP.
            String normal = new String(message, StandardCharsets.ISO_8859_1).replaceAll("(?<!\r)\n", "\r\n");
            int blank = normal.startsWith("\r\n") ? 0 : normal.indexOf("\r\n\r\n");
            String head = blank < 0 ? normal : normal.substring(0, blank == 0 ? 0 : blank + 2);
            if (blank < 0 && !head.isEmpty() && !head.endsWith("\r\n")) {
                head += "\r\n";
            }
            List<String> expected = new ArrayList<>();
            for (String field : head.split("(?<=\r\n)(?![ \t])")) {
                if (!field.isEmpty()) {
                    expected.add(field);
                }
            }
            List<ScannedMessage> ways = new ArrayList<>();
            for (int way = 0; way < 3; way++) {
                MessageSink sink = new MessageSink(List.of(h -> List.of(simple, relaxed)));
                int at = 0;
                while (at < message.length) {
                    int n = way == 0 ? message.length : way == 1 ? 1 : 1 + random.nextInt(9);
                    n = Math.min(n, message.length - at);
                    sink.write(message, at, n);
                    at += n;
                }
                sink.close();
                ways.add(sink.scanned());
            }
            for (ScannedMessage m : ways) {
                List<String> fields = new ArrayList<>();
                m.headers().fields().forEach(f -> fields.add(new String(f.raw(), StandardCharsets.ISO_8859_1)));
                assertThat(fields).as(java.util.Arrays.toString(message)).isEqualTo(expected);
                assertThat(m.bodyHash(simple).digest()).isEqualTo(ways.get(0).bodyHash(simple).digest());
                assertThat(m.bodyHash(relaxed).digest()).isEqualTo(ways.get(0).bodyHash(relaxed).digest());
            }
        }
    }
}
