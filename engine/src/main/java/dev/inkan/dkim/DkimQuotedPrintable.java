package dev.inkan.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The dkim-quoted-printable encoding of RFC 6376 §2.11 (used by i= and z=). */
public final class DkimQuotedPrintable {

    private DkimQuotedPrintable() {
    }

    /** Decodes {@code text}; FWS is ignored. Returns null on a malformed "=XX" escape. */
    public static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Encodes {@code text}: everything but printable ASCII other than ';' and '=' becomes =XX (UTF-8). */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != ';' && c != '=') {
                out.append((char) c);
            } else {
                out.append('=').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
