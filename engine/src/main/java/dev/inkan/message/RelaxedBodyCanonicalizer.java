package dev.inkan.message;

/**
 * RFC 6376 §3.4.4 "relaxed": white space at line ends removed, runs of WSP inside a line reduced to one
 * SP, empty lines at the end ignored; a non-empty body ends with exactly one CRLF, an empty body stays
 * empty (the RFC's text and errata 1384 as all major implementations read it).
 *
 * <p>Line ends: CR LF, or a bare LF, which the sink would otherwise have turned into CR LF first (a bare CR is
 * content). Reading bare LFs here lets the sink hand the body over as it arrives, without scanning it for them
 * (see {@link #readsBareLf()}): that second pass over every byte cost as much as this one.
 *
 * <p>The body is nearly always canonical as it stands, so the work is finding the few bytes that are not and
 * handing everything else to the digests untouched. {@link ByteSearch#relaxedStopCandidates} passes over
 * printable and 8-bit bytes and single SPs between them eight bytes at a time; in prose it flags only line ends,
 * and a line end followed by more text (after any number of empty lines) is canonical too, so the run goes on
 * there without leaving the loop. What ends a run (a TAB, SP before white space or a line end, a line end followed
 * by white space, a bare CR or LF, other control characters, the end of the chunk; now and then needlessly, a '!'
 * the search flags) goes through the small state machine in {@link #update}, which keeps only counters: line
 * ends not yet written (they may be trailing), one pending SP, a CR that may start a line end in the next chunk.
 * Long runs go to the digests directly, without a copy; short ones (text full of white space to fix) are
 * gathered in a buffer so the digests still see large blocks.
 */
final class RelaxedBodyCanonicalizer extends BodyCanonicalizer {

    /** Runs at least this long go to the digests directly; shorter ones are gathered, not hashed a few at a time. */
    private static final int DIRECT_RUN = 512;

    /** Gathers short runs only (long ones bypass it), so 2 KiB blocks are large enough for the digests. */
    private final byte[] buffer = new byte[2048];
    private int used;
    private long heldCrlfs;
    private boolean pendingSpace;
    private boolean pendingCr;
    private boolean anyContent;

    RelaxedBodyCanonicalizer(BodyDigests out) {
        super(out);
    }

    @Override
    boolean readsBareLf() {
        return true;
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
                    lineEnd();
                    i++;
                    continue;
                }
                content(CR, 0, 1); // a bare CR is content
            }
            if (c == '\r') {
                pendingCr = true;
                i++;
            } else if (c == '\n') {
                lineEnd(); // a bare LF: the line end the sink's normalisation would have made of it
                i++;
            } else if (c == ' ' || c == '\t') {
                pendingSpace = true;
                i++;
            } else {
                // Content (a control character other than CR and LF is content too, hence i + 1).
                int start = i;
                i = endOfCanonicalRun(b, i + 1, end);
                content(b, start, i - start);
            }
        }
    }

    /** A line end: white space before it is dropped; the CRLF is held until content follows. */
    private void lineEnd() {
        pendingSpace = false;
        heldCrlfs++;
    }

    /**
     * The end of the run of canonical bytes that starts before {@code i} with content: the first byte from
     * {@code i} on that the state machine has to see. Line ends (one or more CR LF pairs: empty lines inside the
     * body are canonical) followed by content belong to the run.
     *
     * <p>Sixteen bytes per round, one branch for both words. When a round has flagged bytes they are taken lowest
     * first from a bitmap, still inside the round: a line end followed by text (the usual case, once per line of
     * prose) only clears its lanes, and the round's later lanes are not scanned again. That branch is taken at
     * nearly every line and cannot be predicted; leaving the loop there and scanning again from the next line, as a
     * plain search would, cost about as much again.
     */
    private static int endOfCanonicalRun(byte[] b, int i, int end) {
        rounds:
        for (; i + 17 <= end; i += 16) {
            long first = ByteSearch.relaxedStopCandidates(b, i);
            long second = ByteSearch.relaxedStopCandidates(b, i + 8);
            if ((first | second) == 0) {
                continue;
            }
            int lanes = ByteSearch.lanes(first) | ByteSearch.lanes(second) << 8;
            do {
                int stop = i + Integer.numberOfTrailingZeros(lanes);
                int next = afterLineEnds(b, stop, end);
                if (next < 0) {
                    return stop;
                }
                if (next >= i + 16) {
                    i = next - 16; // the round's increment resumes at next
                    continue rounds;
                }
                lanes &= -1 << (next - i);
            } while (lanes != 0);
        }
        while (i < end) {
            byte c = b[i];
            if (ByteSearch.isAboveSpace(c)) {
                i++;
            } else if (c == ' ' && i + 1 < end && ByteSearch.isAboveSpace(b[i + 1])) {
                i += 2;
            } else {
                int next = afterLineEnds(b, i, end);
                if (next < 0) {
                    return i;
                }
                i = next;
            }
        }
        return end;
    }

    /**
     * If one or more CR LF pairs start at {@code k} and content (a byte above SP) follows them before {@code end},
     * the index of that content: the line ends are canonical as they stand. Otherwise -1: the state machine decides
     * (white space may follow, or the pairs may be the body's trailing empty lines).
     */
    private static int afterLineEnds(byte[] b, int k, int end) {
        int j = k;
        while (j + 1 < end && b[j] == '\r' && b[j + 1] == '\n') {
            j += 2;
        }
        return j > k && j < end && ByteSearch.isAboveSpace(b[j]) ? j : -1;
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
        if (n >= DIRECT_RUN) {
            flush();
            out.accept(b, start, n);
            return;
        }
        if (n > buffer.length - used) {
            flush();
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
