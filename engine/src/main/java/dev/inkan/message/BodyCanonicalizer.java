package dev.inkan.message;

/**
 * Streams body bytes through one canonicalization into its digests. No implementation buffers the body: they
 * hold back at most a run of trailing CRLFs as a count.
 */
abstract class BodyCanonicalizer {

    static final byte[] CR = {'\r'};
    static final byte[] CRLF = {'\r', '\n'};

    protected final BodyDigests out;

    BodyCanonicalizer(BodyDigests out) {
        this.out = out;
    }

    static BodyCanonicalizer create(BodyCanonicalization canonicalization, BodyDigests out) {
        if (canonicalization instanceof DomainKeysCanonicalization dk) {
            return new DomainKeysBodyCanonicalizer(out, dk == DomainKeysCanonicalization.NOFWS);
        }
        return canonicalization == Canonicalization.SIMPLE ? new SimpleBodyCanonicalizer(out)
                : new RelaxedBodyCanonicalizer(out);
    }

    /**
     * Canonicalizes the next body bytes. They are CRLF-normalised (a bare LF made CR LF) unless
     * {@link #readsBareLf()} says this canonicalizer takes bare LFs as line ends itself.
     */
    abstract void update(byte[] b, int off, int len);

    /**
     * Whether {@link #update} reads a bare LF as a line end, exactly as if the sink had made it CR LF. When every
     * canonicalizer of a message does, the sink passes the body on as it arrives instead of scanning every byte
     * for LFs first, a pass as costly as canonicalization itself.
     */
    boolean readsBareLf() {
        return false;
    }

    /** Ends the body: applies the end-of-body rules and closes the digests. */
    abstract void finish();

    protected void emitCrlfs(long count) {
        for (long i = 0; i < count; i++) {
            out.accept(CRLF, 0, 2);
        }
    }
}
