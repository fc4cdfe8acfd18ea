package dev.inkan.message;

/**
 * RFC 6376 §3.4.3 "simple": the body unchanged, except that empty lines at the end are ignored and the
 * body ends with exactly one CRLF (an empty body becomes a single CRLF; a last line without CRLF gets
 * one). Content is passed through as slices of the input; only a trailing run of CRLFs (and a CR at the
 * very end of a chunk) is held back, as a count, and only that run is looked at.
 */
final class SimpleBodyCanonicalizer extends BodyCanonicalizer {

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
        // CRLFs at the chunk start only extend the held run.
        while (i + 1 < end && b[i] == '\r' && b[i + 1] == '\n') {
            heldCrlfs++;
            i += 2;
        }
        if (i == end) {
            return;
        }
        // Everything before the chunk's trailing run of CRLFs (and a CR that may start one) is content as it
        // stands: find that run from the end instead of visiting every byte.
        boolean crAtEnd = b[end - 1] == '\r';
        int tail = crAtEnd ? end - 1 : end;
        long pairs = 0;
        while (tail - 2 >= i && b[tail - 2] == '\r' && b[tail - 1] == '\n') {
            tail -= 2;
            pairs++;
        }
        if (tail > i) {
            releaseHeld();
            out.accept(b, i, tail - i);
            heldCrlfs = pairs;
        } else {
            heldCrlfs += pairs;
        }
        heldCr = crAtEnd;
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
