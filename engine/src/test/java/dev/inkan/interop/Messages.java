package dev.inkan.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Byte-level helpers: prepend signature fields, and the tampering the negative cases apply. */
final class Messages {

    private Messages() {
    }

    /** The signature fields in order, then the message bytes unchanged. */
    static byte[] prepend(List<String> fields, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach(f -> out.writeBytes(f.getBytes(StandardCharsets.US_ASCII)));
        out.writeBytes(message);
        return out.toByteArray();
    }

    /**
     * Changes one body byte: the case of the first ASCII letter of the body, which every canonicalization
     * keeps. An empty body gets a line instead (and a message without one a blank line and a body).
     */
    static byte[] tamperBody(byte[] message) {
        int body = bodyStart(message);
        if (body < 0) {
            return append(message, "\r\nX\r\n");
        }
        byte[] copy = message.clone();
        for (int i = body; i < copy.length; i++) {
            if ((copy[i] >= 'a' && copy[i] <= 'z') || (copy[i] >= 'A' && copy[i] <= 'Z')) {
                copy[i] ^= 0x20;
                return copy;
            }
        }
        return append(message, "X\r\n");
    }

    /** Replaces the first occurrence of {@code from} in the header block with {@code to}. */
    static byte[] replaceInHeader(byte[] message, String from, String to) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int body = bodyStart(message);
        int at = text.indexOf(from);
        if (at < 0 || (body >= 0 && at >= body)) {
            throw new IllegalArgumentException("'" + from + "' is not in the header block");
        }
        return (text.substring(0, at) + to + text.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Prepends a raw header line (with its line end) to the message. */
    static byte[] addHeaderOnTop(byte[] message, String line) {
        return prepend(List.of(line), message);
    }

    /** Appends bytes after the end of the message (a mailing list footer). */
    static byte[] append(byte[] message, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(message);
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Index of the first body byte: after the first empty line (CRLF CRLF or LF LF); -1 when there is none. */
    static int bodyStart(byte[] m) {
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && m[i + 1] == '\n') {
                return i + 2;
            }
            if (m[i] == '\n' && m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}
