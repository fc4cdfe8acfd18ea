package dev.inkan.message;

/**
 * Bounds on what the sink keeps in memory: the header block is the only buffered part of a message.
 *
 * @param maxHeaderFields most header fields accepted
 * @param maxHeaderBytes largest header block accepted, in bytes
 */
public record MessageLimits(int maxHeaderFields, int maxHeaderBytes) {

    /** 1000 fields, 1 MiB: far above real mail (a few KB of headers), low enough to bound memory. */
    public static final MessageLimits DEFAULT = new MessageLimits(1000, 1024 * 1024);

    public MessageLimits {
        if (maxHeaderFields < 1 || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("message limits must be positive");
        }
    }

    /** The error for a header block of more than {@link #maxHeaderBytes} bytes. */
    MessageLimitException headerTooLarge() {
        return new MessageLimitException("header block exceeds " + maxHeaderBytes + " bytes");
    }

    /** The error for more than {@link #maxHeaderFields} header fields. */
    MessageLimitException tooManyFields() {
        return new MessageLimitException("more than " + maxHeaderFields + " header fields");
    }
}
