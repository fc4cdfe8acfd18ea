package dev.inkan.arc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an ARC-Message-Signature or ARC-Seal field: the tags in the chosen layout; in the RFC 8617 layout
 * folded at 78 columns between tags, inside b= and after the colons of h=, in the standardized layout on one
 * line (the suite's format has no white space but one space after each ';'). The b= value's length is known before
 * signing (the key's signature size), so the layout is final before the hash: {@link #unsignedText()} is the
 * field with the b= value removed exactly as a validator removes it (RFC 6376 §3.7), and {@link #complete}
 * only fills the value in.
 */
final class ArcSignatureWriter {

    private static final int MAX_LINE = 78;
    private static final String FOLD = "\r\n\t";

    private record Tag(String name, String value, boolean headerList) {
    }

    private final String fieldName;
    private final ArcFieldLayout layout;
    private final List<Tag> tags = new ArrayList<>();
    private String rendered;
    private int signatureStart;
    private int signatureEnd;

    ArcSignatureWriter(String fieldName, ArcFieldLayout layout) {
        this.fieldName = fieldName;
        this.layout = layout;
    }

    ArcSignatureWriter tag(String name, String value) {
        tags.add(new Tag(name, value, false));
        return this;
    }

    ArcSignatureWriter headerList(List<String> names) {
        tags.add(new Tag("h", String.join(":", names), true));
        return this;
    }

    /** Lays the field out with a b= value of {@code length} base64 characters; call once, after the other tags. */
    ArcSignatureWriter signature(int length) {
        tags.add(new Tag("b", "A".repeat(length), false));
        List<Tag> ordered = new ArrayList<>(tags);
        if (layout == ArcFieldLayout.STANDARDIZED) {
            ordered.sort(Comparator.comparing(Tag::name));
        }
        StringBuilder out = new StringBuilder(fieldName).append(':');
        int column = out.length();
        int maxLine = layout == ArcFieldLayout.STANDARDIZED ? Integer.MAX_VALUE : MAX_LINE;
        for (int i = 0; i < ordered.size(); i++) {
            Tag tag = ordered.get(i);
            String end = i < ordered.size() - 1 ? ";" : "";
            String head = tag.name() + "=";
            int whole = head.length() + tag.value().length() + end.length();
            boolean breakable = tag.name().equals("b") || tag.headerList() && layout == ArcFieldLayout.RFC8617;
            if (column + 1 + (breakable ? head.length() + 8 : whole) > maxLine) {
                out.append(FOLD);
                column = 1;
            } else {
                out.append(' ');
                column++;
            }
            out.append(head);
            column += head.length();
            if (tag.name().equals("b")) {
                signatureStart = out.length();
            }
            column = breakable ? appendBroken(out, column, tag, maxLine) : append(out, column, tag.value());
            if (tag.name().equals("b")) {
                signatureEnd = out.length();
            }
            column = append(out, column, end);
        }
        rendered = out.toString();
        return this;
    }

    /** The field without CRLF, its b= value removed: the text the signature covers. */
    String unsignedText() {
        return rendered.substring(0, signatureStart) + rendered.substring(signatureEnd);
    }

    /** The complete field, CRLF-terminated. */
    String complete(String signature) {
        StringBuilder out = new StringBuilder(rendered);
        int next = 0;
        for (int i = signatureStart; i < signatureEnd; i++) {
            char c = out.charAt(i);
            if (c != '\r' && c != '\n' && c != '\t') {
                out.setCharAt(i, signature.charAt(next++));
            }
        }
        if (next != signature.length()) {
            throw new IllegalStateException("signature of " + signature.length() + " characters where "
                    + next + " were laid out");
        }
        return out.append("\r\n").toString();
    }

    private static int append(StringBuilder out, int column, String text) {
        out.append(text);
        return column + text.length();
    }

    /** b= anywhere (FWS is allowed in base64, RFC 6376 §2.4); h= after a colon (§3.5). */
    private static int appendBroken(StringBuilder out, int column, Tag tag, int maxLine) {
        String value = tag.value();
        if (tag.headerList()) {
            String[] names = value.split(":");
            for (int i = 0; i < names.length; i++) {
                String piece = names[i] + (i < names.length - 1 ? ":" : "");
                if (column + piece.length() + 1 > maxLine && i > 0) {
                    out.append(FOLD);
                    column = 1;
                }
                column = append(out, column, piece);
            }
            return column;
        }
        int i = 0;
        while (i < value.length()) {
            long room = (long) maxLine - 1 - column;
            if (room < 8) {
                out.append(FOLD);
                column = 1;
                room = maxLine - 1 - column;
            }
            int n = (int) Math.min(room, value.length() - i);
            out.append(value, i, i + n);
            column += n;
            i += n;
        }
        return column;
    }
}
