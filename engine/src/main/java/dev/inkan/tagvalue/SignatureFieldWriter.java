package dev.inkan.tagvalue;

import java.util.List;

/**
 * Writes a signature field in the tag=value format (DKIM-Signature, DomainKey-Signature) folded to lines of at
 * most 78 characters: tags in order, h= folded at colons, b= last so that removing its value (RFC 6376 §3.7)
 * leaves exactly the text that was hashed.
 */
public final class SignatureFieldWriter {

    private static final int MAX_LINE = 78;
    private static final String FOLD = "\r\n\t";

    private final StringBuilder text;
    private int lineLength;

    /** @param fieldName "DKIM-Signature", "DomainKey-Signature" */
    public SignatureFieldWriter(String fieldName) {
        text = new StringBuilder(fieldName + ":");
        lineLength = text.length();
    }

    public SignatureFieldWriter tag(String name, String value) {
        append(name + "=" + value + ";");
        return this;
    }

    /** h=, folded before a colon when long (RFC 6376 §3.5 allows FWS around each ':'). */
    public SignatureFieldWriter headerList(List<String> names) {
        append("h=" + names.get(0));
        for (int i = 1; i < names.size(); i++) {
            String piece = ":" + names.get(i);
            if (lineLength + piece.length() + 1 > MAX_LINE) {
                text.append(FOLD);
                lineLength = 1;
            }
            text.append(piece);
            lineLength += piece.length();
        }
        text.append(';');
        lineLength++;
        return this;
    }

    /** The field text, without CRLF, ending in "b=": what the signature covers. */
    public String fieldWithEmptySignature() {
        append("b=");
        return text.toString();
    }

    /** The complete field with the signature folded in, CRLF-terminated. */
    public String complete(String signature) {
        StringBuilder out = new StringBuilder(text);
        int col = lineLength;
        int i = 0;
        while (i < signature.length()) {
            int room = MAX_LINE - col;
            if (room < 8) {
                out.append(FOLD);
                col = 1;
                room = MAX_LINE - col;
            }
            int n = Math.min(room, signature.length() - i);
            out.append(signature, i, i + n);
            col += n;
            i += n;
        }
        return out.append("\r\n").toString();
    }

    private void append(String piece) {
        if (lineLength + 1 + piece.length() > MAX_LINE) {
            text.append(FOLD);
            lineLength = 1;
        } else {
            text.append(' ');
            lineLength++;
        }
        text.append(piece);
        lineLength += piece.length();
    }
}
