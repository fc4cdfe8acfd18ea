package dev.inkan.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single pass over a message: write the raw message in (James's {@code MimeMessage.writeTo}, a file
 * copy), close, then read {@link #scanned()}. Bare LF is normalised to CRLF on the way in. The header block
 * is kept byte-exact (it is the only part buffered, bounded by {@link MessageLimits}); once it is complete
 * every {@link BodyHashRequester} says which body digests it needs, and the body streams through each
 * distinct canonicalization once, fanning out to each distinct digest. Not thread-safe; one per message.
 */
public final class MessageSink extends OutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final MessageLimits limits;
    private final List<BodyHashRequester> requesters;

    private boolean lastWasCr;
    private LineEnding lineEnding;
    private long size;

    private byte[] header = new byte[4096];
    private int headerLength;
    /** Progress through CR LF CR LF; starts at 2 as if a CRLF preceded the message. */
    private int blankLineState = 2;

    private HeaderBlock headers;
    private final List<BodyCanonicalizer> canonicalizers = new ArrayList<>();
    private final List<BodyDigests> digests = new ArrayList<>();
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
        int start = off;
        for (int lf = nextLf(b, off, end); lf < end; lf = nextLf(b, lf + 1, end)) {
            boolean crBefore = lf > off ? b[lf - 1] == '\r' : lastWasCr;
            if (lineEnding == null) {
                lineEnding = crBefore ? LineEnding.CRLF : LineEnding.LF;
            }
            if (!crBefore) {
                deliver(b, start, lf - start);
                deliver(CRLF, 0, 2);
                start = lf + 1;
            }
        }
        deliver(b, start, end - start);
        if (len > 0) {
            lastWasCr = b[end - 1] == '\r';
        }
    }

    /**
     * The index of the next LF in {@code [from, end)}, or {@code end}: eight bytes at a time, since nearly every
     * LF of a CRLF message needs no work. The zero-byte test marks the lowest matching byte of a word exactly.
     */
    static int nextLf(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i) ^ LF_BYTES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return end;
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
        for (BodyCanonicalizer c : canonicalizers) {
            c.update(b, off, len);
        }
    }

    /** Appends header bytes up to the blank line; returns how many were consumed. */
    private int feedHeader(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            switch (blankLineState) {
                case 0: blankLineState = c == '\r' ? 1 : 0; break;
                case 1: blankLineState = c == '\n' ? 2 : c == '\r' ? 1 : 0; break;
                case 2: blankLineState = c == '\r' ? 3 : 0; break;
                default: blankLineState = c == '\n' ? 4 : c == '\r' ? 1 : 0; break;
            }
            if (blankLineState == 4) {
                appendHeader(b, off, i + 1 - off);
                headerLength -= 2; // the blank line separates; it belongs to neither part
                headerComplete();
                return i + 1 - off;
            }
        }
        appendHeader(b, off, len);
        return len;
    }

    private void appendHeader(byte[] b, int off, int len) throws IOException {
        if ((long) headerLength + len > limits.maxHeaderBytes() + 2L) {
            throw new MessageLimitException("header block exceeds " + limits.maxHeaderBytes() + " bytes");
        }
        if (headerLength + len > header.length) {
            header = Arrays.copyOf(header, Math.max(header.length * 2, headerLength + len));
        }
        System.arraycopy(b, off, header, headerLength, len);
        headerLength += len;
    }

    private void headerComplete() throws IOException {
        headers = new HeaderBlock(HeaderSplitter.split(header, headerLength, limits));
        header = null;
        Set<BodyHashKey> keys = new LinkedHashSet<>();
        for (BodyHashRequester r : requesters) {
            keys.addAll(r.bodyHashKeys(headers));
        }
        Map<Canonicalization, BodyDigests> byCanonicalization = new EnumMap<>(Canonicalization.class);
        for (BodyHashKey key : keys) {
            byCanonicalization.computeIfAbsent(key.canonicalization(), c -> {
                BodyDigests d = new BodyDigests();
                digests.add(d);
                canonicalizers.add(BodyCanonicalizer.create(c, d));
                return d;
            }).add(key);
        }
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
                appendHeader(CRLF, 0, 2);
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
