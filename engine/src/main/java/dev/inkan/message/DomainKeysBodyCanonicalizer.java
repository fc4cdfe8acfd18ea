package dev.inkan.message;

/**
 * The body half of DomainKeys' canonicalizations (RFC 4870 §3.4.2). The header/body separator is the first line
 * of what is signed, so it is held from the start like any empty line. Empty lines are held as a count and only
 * written when a non-empty line follows: trailing empty lines are ignored, and a body of nothing but empty lines
 * drops the separator too. A line keeps its own CRLF. With {@code nofws} (§3.4.2.2), SP and HTAB are removed
 * everywhere and a CR not followed by LF is removed (bare LFs never reach here: the sink turns them into CRLF),
 * so a line of white space is an empty line. DomainKeys is historic and rare, so this goes byte by byte.
 */
final class DomainKeysBodyCanonicalizer extends BodyCanonicalizer {

    private final boolean nofws;
    private final byte[] one = new byte[1];
    /** Empty lines not written yet; the separator counts as the first. */
    private long heldEmptyLines = 1;
    /** The current line has content (written already). */
    private boolean lineHasContent;
    /** A CR seen at the end of the last chunk, not yet known to start a CRLF. */
    private boolean pendingCr;

    DomainKeysBodyCanonicalizer(BodyDigests out, boolean nofws) {
        super(out);
        this.nofws = nofws;
    }

    @Override
    void update(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    endLine();
                    continue;
                }
                if (!nofws) {
                    content((byte) '\r');
                }
            }
            if (c == '\r') {
                pendingCr = true;
            } else if (!(nofws && (c == ' ' || c == '\t'))) {
                content(c);
            }
        }
    }

    private void content(byte c) {
        if (!lineHasContent) {
            emitCrlfs(heldEmptyLines);
            heldEmptyLines = 0;
            lineHasContent = true;
        }
        one[0] = c;
        out.accept(one, 0, 1);
    }

    private void endLine() {
        if (lineHasContent) {
            out.accept(CRLF, 0, 2);
            lineHasContent = false;
        } else {
            heldEmptyLines++;
        }
    }

    @Override
    void finish() {
        if (pendingCr && !nofws) {
            content((byte) '\r');
        }
        pendingCr = false;
        // held empty lines are trailing ones: ignored; a last line without CRLF stays as it is
    }
}
