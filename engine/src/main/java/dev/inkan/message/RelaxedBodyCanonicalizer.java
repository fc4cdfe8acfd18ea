package dev.inkan.message;

/**
 * RFC 6376 §3.4.4 "relaxed": white space at line ends removed, runs of WSP inside a line reduced to one
 * SP, empty lines at the end ignored; a non-empty body ends with exactly one CRLF, an empty body stays
 * empty (the RFC's text and errata 1384 as all major implementations read it).
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
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    pendingSpace = false; // trailing white space of the line is dropped
                    heldCrlfs++;
                    continue;
                }
                content((byte) '\r');
            }
            if (c == '\r') {
                pendingCr = true;
            } else if (c == ' ' || c == '\t') {
                pendingSpace = true;
            } else {
                content(c);
            }
        }
        flush();
    }

    private void content(byte c) {
        if (heldCrlfs > 0) {
            flush();
            emitCrlfs(heldCrlfs);
            heldCrlfs = 0;
        }
        if (used + 2 > buffer.length) {
            flush();
        }
        if (pendingSpace) {
            buffer[used++] = ' ';
            pendingSpace = false;
        }
        buffer[used++] = c;
        anyContent = true;
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
            content((byte) '\r');
        }
        flush();
        if (anyContent) {
            out.accept(CRLF, 0, 2);
        }
    }
}
