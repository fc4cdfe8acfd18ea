package dev.inkan.message;

import java.io.IOException;

/** The message exceeded a {@link MessageLimits} bound; the message says which and by how much. */
public final class MessageLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    public MessageLimitException(String message) {
        super(message);
    }
}
