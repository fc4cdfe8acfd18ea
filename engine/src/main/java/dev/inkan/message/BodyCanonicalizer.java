package dev.inkan.message;

/**
 * Streams body bytes (CRLF-normalised) through one canonicalization into its digests. Neither
 * implementation buffers the body: they hold back at most a run of trailing CRLFs as a count.
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

    abstract void update(byte[] b, int off, int len);

    /** Ends the body: applies the end-of-body rules and closes the digests. */
    abstract void finish();

    protected void emitCrlfs(long count) {
        for (long i = 0; i < count; i++) {
            out.accept(CRLF, 0, 2);
        }
    }
}
