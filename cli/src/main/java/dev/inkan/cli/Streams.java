package dev.inkan.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The process's standard streams as bytes: signing writes messages byte for byte to {@code out}, so the
 * commands cannot go through picocli's character writers. Tests pass their own streams.
 *
 * @param in standard input (messages to sign or verify when no file is named)
 * @param out standard output (signed messages, results, records)
 * @param err standard error (one-line diagnostics)
 */
public record Streams(InputStream in, PrintStream out, PrintStream err) {

    public Streams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The JVM's System.in, System.out and System.err. */
    public static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }

    /** A character writer on {@code out} for picocli's help and version text. */
    PrintWriter outWriter() {
        return new PrintWriter(out, true);
    }

    /** A character writer on {@code err} for picocli's messages. */
    PrintWriter errWriter() {
        return new PrintWriter(err, true);
    }
}
