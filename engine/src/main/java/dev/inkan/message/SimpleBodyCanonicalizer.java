package dev.inkan.message;

/**
 * RFC 6376 §3.4.3 "simple": the body unchanged, except that empty lines at the end are ignored and the
 * body ends with exactly one CRLF (an empty body becomes a single CRLF; a last line without CRLF gets
 * one). Content is passed through as slices of the input; only a trailing run of CRLFs (and a CR at the
 * very end of a chunk) is held back, as a count.
 */
final class SimpleBodyCanonicalizer extends BodyCanonicalizer {

    private static final byte[] CR = {'\r'};

    private long heldCrlfs;
    private boolean heldCr;

    SimpleBodyCanonicalizer(BodyDigests out) {
        super(out);
    }

    @Override
    void update(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        if (heldCr) {
            if (i == end) {
                return;
            }
            heldCr = false;
            if (b[i] == '\n') {
                heldCrlfs++;
                i++;
            } else {
                releaseHeld();
                out.accept(CR, 0, 1);
            }
        }
        // Skip CRLFs at the chunk start that only extend the held run.
        while (i + 1 < end && b[i] == '\r' && b[i + 1] == '\n') {
            heldCrlfs++;
            i += 2;
        }
        int runStart = i;
        int contentEnd = i;
        while (i < end) {
            byte c = b[i];
            if (c == '\r') {
                if (i + 1 == end) {
                    heldCr = true;
                    break;
                }
                if (b[i + 1] == '\n') {
                    i += 2;
                    continue;
                }
            }
            i++;
            contentEnd = i;
        }
        if (contentEnd > runStart) {
            releaseHeld();
            out.accept(b, runStart, contentEnd - runStart);
            // Everything after contentEnd (up to a held CR) is whole CRLF pairs.
            int tail = (heldCr ? end - 1 : end) - contentEnd;
            heldCrlfs = tail / 2;
        }
    }

    private void releaseHeld() {
        emitCrlfs(heldCrlfs);
        heldCrlfs = 0;
    }

    @Override
    void finish() {
        if (heldCr) {
            releaseHeld();
            out.accept(CR, 0, 1);
            heldCr = false;
        }
        out.accept(CRLF, 0, 2);
    }
}
