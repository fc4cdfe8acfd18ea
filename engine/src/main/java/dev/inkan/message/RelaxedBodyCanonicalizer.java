package dev.inkan.message;

/**
 * RFC 6376 §3.4.4 "relaxed": white space at line ends removed, runs of WSP inside a line reduced to one
 * SP, empty lines at the end ignored; a non-empty body ends with exactly one CRLF, an empty body stays
 * empty (the RFC's text and errata 1384 as all major implementations read it).
 *
 * <p>Bytes that are already canonical are copied as whole runs: a run goes on over content, over a single
 * SP followed by content, and over a CRLF followed by content; it stops at a TAB, at SP followed by WSP or
 * CR, and at any other CR. The special bytes then go through the small state machine. Output is gathered
 * in an 8 KiB buffer so the digests see large blocks.
 */
final class RelaxedBodyCanonicalizer extends BodyCanonicalizer {

    private final byte[] buffer = new byte[8192];
    private int used;
    private long heldCrlfs;
    private boolean pendingSpace;
    private boolean pendingCr;
    private boolean anyContent;

    RelaxedBodyCanonicalizer(BodyDigests out) {
        super(out);
    }

    @Override
    void update(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            byte c = b[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    pendingSpace = false; // trailing white space of the line is dropped
                    heldCrlfs++;
                    i++;
                    continue;
                }
                content(CR, 0, 1); // a bare CR is content
            }
            if (c == '\r') {
                pendingCr = true;
                i++;
            } else if (c == ' ' || c == '\t') {
                pendingSpace = true;
                i++;
            } else {
                int start = i;
                i = endOfCanonicalRun(b, i + 1, end);
                content(b, start, i - start);
            }
        }
    }

    /** The end of the run of already-canonical bytes starting before {@code i}. */
    private static int endOfCanonicalRun(byte[] b, int i, int end) {
        while (i < end) {
            i = ByteSearch.nextSpaceOrControl(b, i, end); // printable ASCII and 8-bit bytes are canonical
            if (i == end) {
                return end;
            }
            byte d = b[i];
            if (d == '\r') {
                if (i + 2 < end && b[i + 1] == '\n' && isContent(b[i + 2])) {
                    i += 3; // CRLF then content: canonical as it stands
                    continue;
                }
                return i;
            }
            if (d == '\t' || d == ' ' && (i + 1 == end || !isContent(b[i + 1]))) {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isContent(byte c) {
        return c != '\r' && c != ' ' && c != '\t';
    }

    /** Emits held line ends and a pending space, then canonical content. */
    private void content(byte[] b, int start, int n) {
        for (; heldCrlfs > 0; heldCrlfs--) {
            if (used + 2 > buffer.length) {
                flush();
            }
            buffer[used++] = '\r';
            buffer[used++] = '\n';
        }
        if (pendingSpace) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = ' ';
            pendingSpace = false;
        }
        anyContent = true;
        if (n > buffer.length - used) {
            flush();
            if (n > buffer.length) {
                out.accept(b, start, n);
                return;
            }
        }
        System.arraycopy(b, start, buffer, used, n);
        used += n;
    }

    private void flush() {
        if (used > 0) {
            out.accept(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    void finish() {
        if (pendingCr) {
            pendingCr = false;
            content(CR, 0, 1);
        }
        flush();
        if (anyContent) {
            out.accept(CRLF, 0, 2);
        }
    }
}
