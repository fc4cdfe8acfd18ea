package dev.inkan.cli;

/**
 * A problem with what the operator gave us (an option value, a file, a key, a zone, a message over the
 * limits): reported as one line on standard error, exit status {@value InkanCommand#EXIT_INPUT}.
 */
final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
