package dev.inkan.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One header field exactly as it arrived: its bytes including folding and the terminating CRLF (bare LF
 * already normalised to CRLF). Text views decode bytes as ISO-8859-1, so every byte, 8-bit and UTF-8
 * included, maps to one char and offsets in the text are byte offsets.
 */
public final class HeaderField {

    private final byte[] raw;
    private final int colon;
    private final String name;

    /** @param raw the field's bytes, ending with CRLF */
    public HeaderField(byte[] raw) {
        this.raw = raw;
        int c = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == ':') {
                c = i;
                break;
            }
        }
        this.colon = c;
        int nameEnd = c < 0 ? textLength() : c;
        while (nameEnd > 0 && (raw[nameEnd - 1] == ' ' || raw[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        this.name = new String(raw, 0, nameEnd, StandardCharsets.ISO_8859_1);
    }

    /** A field built from text such as {@code "Subject: hi"}; CRLF is appended. */
    public static HeaderField of(String text) {
        return new HeaderField((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The field name as written, without white space before the colon. */
    public String name() {
        return name;
    }

    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** False for a malformed line that has no colon (it is kept, but never matches a signed name). */
    public boolean hasColon() {
        return colon >= 0;
    }

    /** A copy of the exact bytes, terminating CRLF included. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The number of bytes, terminating CRLF included. */
    public int length() {
        return raw.length;
    }

    /** The exact field text without the terminating CRLF. */
    public String text() {
        return new String(raw, 0, textLength(), StandardCharsets.ISO_8859_1);
    }

    /** The raw value: everything after the colon, folding kept, without the terminating CRLF. */
    public String value() {
        int start = colon < 0 ? textLength() : colon + 1;
        return new String(raw, start, textLength() - start, StandardCharsets.ISO_8859_1);
    }

    /** The value with folding removed (CRLF before WSP deleted) and outer white space trimmed. */
    public String unfoldedValue() {
        return value().replace("\r\n", "").strip();
    }

    byte[] bytes() {
        return raw;
    }

    private int textLength() {
        int n = raw.length;
        if (n >= 2 && raw[n - 2] == '\r' && raw[n - 1] == '\n') {
            return n - 2;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderField && Arrays.equals(raw, ((HeaderField) o).raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return text();
    }
}
