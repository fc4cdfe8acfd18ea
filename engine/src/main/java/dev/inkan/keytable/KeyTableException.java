package dev.inkan.keytable;

/** A key table or signing table that cannot be used; the message names the file and line. */
public final class KeyTableException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyTableException(String message) {
        super(message);
    }
}
