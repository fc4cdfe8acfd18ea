package dev.inkan.crypto;

/** A key file or key text that cannot be used, with a one-line message an operator can act on. */
public final class KeyFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }
}
