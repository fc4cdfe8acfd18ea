package dev.inkan.message;

import java.util.List;

/**
 * What one pass over a message produced: the header block, byte-exact, and the body digests requested
 * for it. The body itself is not kept.
 */
public final class ScannedMessage {

    private final HeaderBlock headers;
    private final List<BodyHash> bodyHashes;
    private final LineEnding lineEnding;
    private final long size;

    ScannedMessage(HeaderBlock headers, List<BodyHash> bodyHashes, LineEnding lineEnding, long size) {
        this.headers = headers;
        this.bodyHashes = List.copyOf(bodyHashes);
        this.lineEnding = lineEnding;
        this.size = size;
    }

    public HeaderBlock headers() {
        return headers;
    }

    /**
     * The digest computed for {@code key}.
     *
     * @throws IllegalArgumentException when no requester asked for that key before the body streamed
     */
    public BodyHash bodyHash(BodyHashKey key) {
        for (BodyHash h : bodyHashes) {
            if (h.key().equals(key)) {
                return h;
            }
        }
        throw new IllegalArgumentException("body hash " + key + " was not requested during the scan");
    }

    public List<BodyHash> bodyHashes() {
        return bodyHashes;
    }

    /** The line ending of the first line as received (before normalisation to CRLF). */
    public LineEnding lineEnding() {
        return lineEnding;
    }

    /** Bytes received. */
    public long size() {
        return size;
    }
}
