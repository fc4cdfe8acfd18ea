package dev.inkan.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The single pass over a message: write the raw message in (James's {@code MimeMessage.writeTo}, a file
 * copy), close, then read {@link #scanned()}. Bare LF is normalised to CRLF on the way in (in the body by the
 * canonicalizer itself where it can: {@link BodyCanonicalizer#readsBareLf()}). The header block
 * is kept byte-exact (it is the only part buffered, bounded by {@link MessageLimits}); once it is complete
 * every {@link BodyHashRequester} says which body digests it needs, and the body streams through each
 * distinct canonicalization once, fanning out to each distinct digest. Not thread-safe; one per message.
 */
public final class MessageSink extends OutputStream {

    private static final byte[] NO_BYTES = new byte[0];

    private final MessageLimits limits;
    private final List<BodyHashRequester> requesters;

    private boolean lastWasCr;
    private LineEnding lineEnding;

    private long size;

    /** The header block as it arrives; allocated at the first byte (a sink given its fields never needs it). */
    private byte[] header = NO_BYTES;
    private int headerLength;
    /** Progress through CR LF CR LF; starts at 2 as if a CRLF preceded the message. */
    private int blankLineState = 2;

    private HeaderBlock headers;
    private final List<BodyCanonicalizer> canonicalizers = new ArrayList<>();
    private final List<BodyDigests> digests = new ArrayList<>();
    /**
     * Set once the header block is complete when no canonicalizer needs bare LFs made CR LF (none at all, or
     * only those that read bare LFs themselves): the body then skips the LF scan below, which would otherwise be
     * a second pass over every byte.
     */
    private boolean bodyAsItArrives;
    private ScannedMessage scanned;

    public MessageSink(MessageLimits limits, List<? extends BodyHashRequester> requesters) {
        this.limits = limits;
        this.requesters = List.copyOf(requesters);
    }

    public MessageSink(List<? extends BodyHashRequester> requesters) {
        this(MessageLimits.DEFAULT, requesters);
    }

    /** Scans {@code in} to its end with the given requesters. */
    public static ScannedMessage scan(InputStream in, MessageLimits limits, List<? extends BodyHashRequester> requesters)
            throws IOException {
        MessageSink sink = new MessageSink(limits, requesters);
        in.transferTo(sink);
        sink.close();
        return sink.scanned();
    }

    /**
     * A message given as its header fields, with an empty body: for checks that read the header block alone (the
     * caller already holds it parsed, as James does). The same as writing the fields, a blank line and nothing
     * else into a sink, without stepping through the bytes again: each field must be byte-exact and end with its
     * CRLF, every line break inside it being CRLF followed by SP or HTAB (a fold) — what {@link #fieldOf} checks.
     *
     * @throws MessageLimitException when the fields pass {@code limits} (bytes or number of fields)
     */
    public static ScannedMessage headerOnly(List<HeaderField> fields, MessageLimits limits,
            List<? extends BodyHashRequester> requesters) throws IOException {
        long bytes = 0;
        for (HeaderField field : fields) {
            bytes += field.length();
        }
        if (bytes > limits.maxHeaderBytes()) {
            throw limits.headerTooLarge();
        }
        if (fields.size() > limits.maxHeaderFields()) {
            throw limits.tooManyFields();
        }
        MessageSink sink = new MessageSink(limits, requesters);
        sink.size = bytes + 2; // the blank line
        sink.lineEnding = LineEnding.CRLF;
        sink.headerComplete(new HeaderBlock(List.copyOf(fields)));
        sink.close();
        return sink.scanned();
    }

    /**
     * {@code field} (a header field's bytes with CRLF appended) as one field for {@link #headerOnly}, taken as it is
     * (not copied), or empty when it is not one as a sink would read it: no CRLF at its end, nothing before it, or a
     * CR or LF before it that is not part of CRLF SP/HTAB.
     */
    public static Optional<HeaderField> fieldOf(byte[] field) {
        int end = field.length - 2;
        if (end <= 0 || field[end] != '\r' || field[end + 1] != '\n' || field[0] == ' ' || field[0] == '\t') {
            return Optional.empty(); // a blank line ends the header; a leading fold continues another
        }
        for (int i = 0; i < end; i++) {
            if (field[i] == '\r' || field[i] == '\n') {
                boolean fold = field[i] == '\r' && i + 2 < end && field[i + 1] == '\n'
                        && (field[i + 2] == ' ' || field[i + 2] == '\t');
                if (!fold) {
                    return Optional.empty();
                }
                i++;
            }
        }
        return Optional.of(new HeaderField(field));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (scanned != null) {
            throw new IOException("message sink is closed");
        }
        size += len;
        int end = off + len;
        if (bodyAsItArrives) {
            updateCanonicalizers(b, off, len);
            return;
        }
        int start = off;
        for (int lf = ByteSearch.nextLf(b, off, end); lf < end; lf = ByteSearch.nextLf(b, lf + 1, end)) {
            boolean crBefore = lf > off ? b[lf - 1] == '\r' : lastWasCr;
            if (lineEnding == null) {
                lineEnding = crBefore ? LineEnding.CRLF : LineEnding.LF;
            }
            if (!crBefore) {
                deliver(b, start, lf - start);
                deliver(BodyCanonicalizer.CRLF, 0, 2);
                start = lf + 1;
            }
        }
        deliver(b, start, end - start);
        if (len > 0) {
            lastWasCr = b[end - 1] == '\r';
        }
    }

    private void deliver(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (headers == null) {
            int consumed = feedHeader(b, off, len);
            if (headers == null) {
                return;
            }
            off += consumed;
            len -= consumed;
        }
        updateCanonicalizers(b, off, len);
    }

    /** Indexed, not for-each: an iterator per write is an allocation whenever the JIT does not remove it. */
    private void updateCanonicalizers(byte[] b, int off, int len) {
        for (int i = 0; i < canonicalizers.size(); i++) {
            canonicalizers.get(i).update(b, off, len);
        }
    }

    /**
     * Appends header bytes up to the blank line; returns how many were consumed. The bytes arrive CRLF-normalised,
     * so only the few bytes after a line end are stepped through; the rest of a line is skipped to its LF.
     */
    private int feedHeader(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (blankLineState >= 2) {
                byte c = b[i];
                blankLineState = blankLineState == 2 ? (c == '\r' ? 3 : 0) : c == '\n' ? 4 : c == '\r' ? 1 : 0;
                i++;
                if (blankLineState == 4) {
                    appendHeader(b, off, i - off);
                    headerLength -= 2; // the blank line separates; it belongs to neither part
                    headerComplete();
                    return i - off;
                }
                continue;
            }
            // States 0 and 1: no blank line can end before the next line end.
            int lf = ByteSearch.nextLf(b, i, end);
            if (lf == end) {
                blankLineState = b[end - 1] == '\r' ? 1 : 0;
                break;
            }
            boolean crBefore = lf > i ? b[lf - 1] == '\r' : blankLineState == 1;
            blankLineState = crBefore ? 2 : 0;
            i = lf + 1;
        }
        appendHeader(b, off, len);
        return len;
    }

    private void appendHeader(byte[] b, int off, int len) throws IOException {
        if ((long) headerLength + len > limits.maxHeaderBytes() + 2L) {
            throw limits.headerTooLarge();
        }
        if (headerLength + len > header.length) {
            header = Arrays.copyOf(header, Math.max(Math.max(header.length * 2, 4096), headerLength + len));
        }
        System.arraycopy(b, off, header, headerLength, len);
        headerLength += len;
    }

    private void headerComplete() throws IOException {
        headerComplete(new HeaderBlock(HeaderSplitter.split(header, headerLength, limits)));
    }

    private void headerComplete(HeaderBlock block) {
        headers = block;
        header = null;
        Set<BodyHashKey> keys = new LinkedHashSet<>();
        for (BodyHashRequester r : requesters) {
            keys.addAll(r.bodyHashKeys(headers));
        }
        if (keys.isEmpty()) {
            bodyAsItArrives = true; // no canonicalizer: nothing to read bare LFs for
            return;
        }
        Map<BodyCanonicalization, BodyDigests> byCanonicalization = new HashMap<>();
        for (BodyHashKey key : keys) {
            byCanonicalization.computeIfAbsent(key.canonicalization(), c -> {
                BodyDigests d = new BodyDigests();
                digests.add(d);
                canonicalizers.add(BodyCanonicalizer.create(c, d));
                return d;
            }).add(key);
        }
        boolean allReadBareLf = true;
        for (BodyCanonicalizer canonicalizer : canonicalizers) {
            allReadBareLf &= canonicalizer.readsBareLf();
        }
        bodyAsItArrives = allReadBareLf;
    }

    @Override
    public void close() throws IOException {
        if (scanned != null) {
            return;
        }
        if (headers == null) {
            // No blank line: the whole message is a header block and the body is empty.
            if (headerLength > 0 && !(headerLength >= 2 && header[headerLength - 2] == '\r'
                    && header[headerLength - 1] == '\n')) {
                appendHeader(BodyCanonicalizer.CRLF, 0, 2);
            }
            headerComplete();
        }
        List<BodyHash> hashes = new ArrayList<>();
        for (int i = 0; i < canonicalizers.size(); i++) {
            canonicalizers.get(i).finish();
            digests.get(i).finish(hashes);
        }
        scanned = new ScannedMessage(headers, hashes, lineEnding == null ? LineEnding.CRLF : lineEnding, size);
    }

    /** The result; available after {@link #close()}. */
    public ScannedMessage scanned() {
        if (scanned == null) {
            throw new IllegalStateException("close the sink before reading the result");
        }
        return scanned;
    }
}
