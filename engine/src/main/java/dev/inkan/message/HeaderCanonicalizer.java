package dev.inkan.message;

/** Header canonicalization, RFC 6376 §3.4.1 (simple) and §3.4.2 (relaxed). */
public final class HeaderCanonicalizer {

    private HeaderCanonicalizer() {
    }

    /**
     * Appends the canonical form of {@code field}, terminating CRLF included, to {@code out}.
     * <ul>
     *   <li>simple: the field unchanged;</li>
     *   <li>relaxed: name lower-cased; value unfolded (CRLF before WSP removed); runs of WSP reduced to one
     *   SP; WSP at the end of the value and around the colon removed.</li>
     * </ul>
     */
    public static void append(HeaderField field, Canonicalization canonicalization, GrowableBytes out) {
        byte[] raw = field.bytes();
        if (canonicalization == Canonicalization.SIMPLE) {
            out.write(raw, 0, raw.length);
            return;
        }
        appendRelaxed(raw, raw.length, out);
        out.write('\r');
        out.write('\n');
    }

    /**
     * Appends the canonical form of {@code field} without its terminating CRLF, as RFC 6376 §3.7 hashes
     * the signature field itself.
     */
    public static void appendWithoutCrlf(HeaderField field, Canonicalization canonicalization,
            GrowableBytes out) {
        byte[] raw = field.bytes();
        int end = raw.length;
        if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
            end -= 2;
        }
        if (canonicalization == Canonicalization.SIMPLE) {
            out.write(raw, 0, end);
        } else {
            appendRelaxed(raw, end, out);
        }
    }

    private static void appendRelaxed(byte[] raw, int end, GrowableBytes out) {
        int colon = -1;
        for (int i = 0; i < end; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
        }
        int nameEnd = colon < 0 ? end : colon;
        int trimmedNameEnd = nameEnd;
        while (trimmedNameEnd > 0 && isWsp(raw[trimmedNameEnd - 1])) {
            trimmedNameEnd--;
        }
        for (int i = 0; i < trimmedNameEnd; i++) {
            byte b = raw[i];
            out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
        }
        if (colon < 0) {
            return;
        }
        out.write(':');
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = colon + 1; i < end; i++) {
            byte b = raw[i];
            if (b == '\r' && i + 1 < end && raw[i + 1] == '\n') {
                i++; // unfold: drop the CRLF, the WSP after it is collapsed below
                continue;
            }
            if (isWsp(b)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                out.write(' ');
                pendingSpace = false;
            }
            out.write(b);
            started = true;
        }
    }

    private static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }
}
