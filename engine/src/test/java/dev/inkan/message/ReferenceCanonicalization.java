package dev.inkan.message;

import java.nio.charset.StandardCharsets;

/**
 * Whole-string implementations of RFC 6376 §3.4.3/§3.4.4 body canonicalization, written as directly from
 * the RFC text as possible, to check the streaming canonicalizers against.
 */
final class ReferenceCanonicalization {

    private ReferenceCanonicalization() {
    }

    static byte[] body(Canonicalization c, byte[] crlfBody) {
        String body = new String(crlfBody, StandardCharsets.ISO_8859_1);
        if (c == Canonicalization.SIMPLE) {
            // "ignores all empty lines at the end of the message body"; an empty body or one without a
            // final CRLF gets a CRLF.
            while (body.endsWith("\r\n\r\n")) {
                body = body.substring(0, body.length() - 2);
            }
            if (!body.endsWith("\r\n")) {
                body = body + "\r\n";
            }
            if (body.equals("\r\n\r\n")) {
                body = "\r\n";
            }
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
        // relaxed: split into lines on CRLF; a bare CR is content.
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("[ \t]+", " ").replaceAll(" \\z", "");
            out.append(line);
            if (i < lines.length - 1) {
                out.append("\r\n");
            }
        }
        String s = out.toString();
        while (s.endsWith("\r\n")) {
            s = s.substring(0, s.length() - 2);
        }
        if (!s.isEmpty()) {
            s = s + "\r\n";
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
