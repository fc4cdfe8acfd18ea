package dev.inkan.authres;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing Authentication-Results text that came from outside: either the parsed value or the
 * reason it is malformed, with the position (a 0-based index into the input) where parsing stopped. Malformed
 * input is an ordinary outcome for header fields received from the internet, so it is a value, never an
 * exception.
 *
 * @param <T> what was parsed: {@link AuthenticationResults} or a single {@link ResultInfo}
 */
public sealed interface AuthResultsParse<T> permits AuthResultsParse.Parsed, AuthResultsParse.Malformed {

    /** The input parsed. */
    record Parsed<T>(T result) implements AuthResultsParse<T> {
        public Parsed {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The input does not follow the RFC 8601 §2.2 grammar (or uses a version this parser does not support, §2.6).
     *
     * @param message what was expected or found
     * @param position the 0-based index into the input where the problem was found
     */
    record Malformed<T>(String message, int position) implements AuthResultsParse<T> {
        public Malformed {
            Objects.requireNonNull(message, "message");
        }

        /** e.g. {@code "expected ';' after the authserv-id at position 11"}. */
        @Override
        public String toString() {
            return message + " at position " + position;
        }
    }

    static <T> AuthResultsParse<T> parsed(T result) {
        return new Parsed<>(result);
    }

    static <T> AuthResultsParse<T> malformed(String message, int position) {
        return new Malformed<>(message, position);
    }

    /** True when the input parsed. */
    default boolean isParsed() {
        return this instanceof Parsed;
    }

    /** The parsed value, or empty when malformed. */
    default Optional<T> value() {
        return this instanceof Parsed<T> parsed ? Optional.of(parsed.result()) : Optional.empty();
    }

    /** The error with its position ({@link Malformed#toString()}), or empty when parsed. */
    default Optional<String> error() {
        return this instanceof Malformed<T> malformed ? Optional.of(malformed.toString()) : Optional.empty();
    }

    /**
     * The parsed value; for text Inkan wrote itself (mail attributes, our own header), where malformed text is
     * a bug.
     *
     * @throws IllegalArgumentException with the error and position when malformed
     */
    default T orElseThrow() {
        if (this instanceof Parsed<T> parsed) {
            return parsed.result();
        }
        throw new IllegalArgumentException("malformed Authentication-Results: " + this);
    }
}
