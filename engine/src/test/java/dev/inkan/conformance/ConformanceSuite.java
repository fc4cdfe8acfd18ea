package dev.inkan.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the public conformance suites ({@code ../shared/conformance} beside the project, or
 * {@code -Dinkan.conformance.dir=...}). A missing suite is a loud failure, never a silent skip: CI must
 * run them.
 */
public final class ConformanceSuite {

    public static final String PROPERTY = "inkan.conformance.dir";

    private ConformanceSuite() {
    }

    /** The conformance root; fails with a clear message when it is absent. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path root = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get("..", "..", "shared", "conformance");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String message = "CONFORMANCE SUITES ABSENT: " + root + " does not exist. Put ../shared/conformance beside"
                    + " the project or pass -D" + PROPERTY + "=<dir>.";
            System.err.println(message);
            throw new IllegalStateException(message);
        }
        return root;
    }

    /** A folder or file inside the conformance root; fails loudly when absent. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String message = "CONFORMANCE FILE ABSENT: " + path;
            System.err.println(message);
            throw new IllegalStateException(message);
        }
        return path;
    }
}
